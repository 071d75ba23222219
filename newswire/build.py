"""Builds the wire: decides which outlets cover each event, how (original, copied, rewritten)
and when, then composes every outlet's article from the event's story sheet.

Everything is derived from hashes of stable ids, so two builds differ only by the anchor time.
"""

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape

from newswire.outlets import OUTLETS, Outlet
from newswire.stories import EVENTS, Event, spin

# How many outlets cover the n-th event of a section; averages about three per event.
_COVERAGE_COUNTS = (3, 2, 4, 3, 1, 5, 3, 2, 4, 3, 4)
# Events happen within the last ~6.7 days; followers publish 12-75 minutes after each other.
_EVENT_WINDOW_MINUTES = 160 * 60
_MIN_OFFSET_MINUTES = 10


@dataclass(frozen=True)
class WireArticle:
    outlet: str  # the outlet's slug
    guid: str
    slug: str
    title: str
    author: str
    published: datetime
    section: str
    summary: str
    body_html: str
    event_id: str
    coverage: str  # "original" | "copied" | "rewritten"
    url_path: str
    image_path: str
    language: str
    source_outlet: str  # slug of the outlet that broke the story (itself for originals)
    image_seed: str  # copies share the original's picture, as wire photos are shared
    offset_minutes: int  # how long before the anchor it was published


@dataclass
class Wire:
    anchor: datetime
    outlets: list[Outlet]
    articles: list[WireArticle]  # newest first
    _by_url: dict[str, WireArticle] = field(init=False, repr=False, compare=False)
    _by_image: dict[str, WireArticle] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self._by_url = {a.url_path: a for a in self.articles}
        self._by_image = {a.image_path: a for a in self.articles}

    def articles_of(self, outlet_slug: str) -> list[WireArticle]:
        return [a for a in self.articles if a.outlet == outlet_slug]

    def outlet(self, slug: str) -> Outlet | None:
        return next((o for o in self.outlets if o.slug == slug), None)

    def article_at(self, url_path: str) -> WireArticle | None:
        return self._by_url.get(url_path)

    def article_with_image(self, image_path: str) -> WireArticle | None:
        return self._by_image.get(image_path)


@dataclass(frozen=True)
class _Coverage:
    outlet: Outlet
    kind: str
    variant: int  # which phrasing: 0 is the original wording
    offset_minutes: int


def build_wire(anchor: datetime) -> Wire:
    """Build every outlet's articles, published at fixed offsets before `anchor` (aware UTC)."""
    if anchor.tzinfo is None:
        raise ValueError("anchor must be timezone-aware")
    anchor = anchor.astimezone(UTC)  # feeds format dates as GMT
    articles: list[WireArticle] = []
    taken_slugs: set[tuple[str, str]] = set()
    index_in_section: dict[str, int] = {}
    for event in EVENTS:
        index = index_in_section.get(event.section, 0)
        index_in_section[event.section] = index + 1
        plan = _plan(event, index)
        source = plan[0]
        for cover in plan:
            articles.append(_compose(event, cover, source, anchor, taken_slugs))
    articles.sort(key=lambda a: (a.published, a.guid), reverse=True)
    return Wire(anchor=anchor, outlets=list(OUTLETS), articles=articles)


def _hash(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")


def _plan(event: Event, index: int) -> list[_Coverage]:
    """Who covers the event, how and when, in publishing order (the originator first)."""
    chosen = _choose(event, index)
    delays = [12 + _hash(event.id, o.slug, "delay") % 64 for o in chosen[1:]]
    base = _MIN_OFFSET_MINUTES + _hash(event.id, "when") % _EVENT_WINDOW_MINUTES
    offset = base + sum(delays)
    plan = [_Coverage(chosen[0], "original", 0, offset)]
    rewrites = 0
    for outlet, delay in zip(chosen[1:], delays, strict=True):
        offset -= delay
        if _copies(event, outlet, chosen[0]):
            plan.append(_Coverage(outlet, "copied", 0, offset))
        else:
            rewrites += 1
            plan.append(_Coverage(outlet, "rewritten", rewrites, offset))
    return plan


def _choose(event: Event, index: int) -> list[Outlet]:
    """The covering outlets, originator first: fixed by the sheet or drawn by section."""
    if event.outlets:
        return [o for slug in event.outlets for o in OUTLETS if o.slug == slug]
    eligible = [o for o in OUTLETS if event.section in o.sections and o.language == event.language]

    # Specialist outlets (few sections) usually cover their beat; the rest by lot.
    def priority(o: Outlet) -> tuple[int, int]:
        odds = 8 if len(o.sections) == 1 else 4  # single-beat outlets miss almost nothing
        specialist = len(o.sections) <= 3 and _hash(event.id, o.slug, "beat") % odds != 0
        return (0 if specialist else 1, _hash(event.id, o.slug))

    eligible.sort(key=priority)
    count = min(len(eligible), _COVERAGE_COUNTS[index % len(_COVERAGE_COUNTS)])
    chosen = eligible[:count]
    if not any(o.originates for o in chosen):
        # Only followers drew the event; someone has to break it first.
        chosen = [next(o for o in eligible if o.originates), *chosen[: count - 1]]
    originator = min(
        (o for o in chosen if o.originates), key=lambda o: _hash(event.id, o.slug, "first")
    )
    return [originator, *(o for o in chosen if o is not originator)]


def _copies(event: Event, outlet: Outlet, originator: Outlet) -> bool:
    if outlet.content_farm:
        return True
    if outlet.wire_service:
        return False  # an agency picks a story up by reporting it again in its own words
    # Agencies sell copy to be run as it comes; another paper's story is more often rewritten.
    odds = 2 if originator.wire_service else 4
    return _hash(event.id, outlet.slug, "copy") % odds == 0


def _compose(
    event: Event,
    cover: _Coverage,
    source: _Coverage,
    anchor: datetime,
    taken_slugs: set[tuple[str, str]],
) -> WireArticle:
    outlet = cover.outlet
    copied = cover.kind == "copied"
    # A copy reproduces the source's text and dateline; only headline and credit may change.
    writer = source.outlet if copied else outlet
    variant = cover.variant
    paragraphs = [spin(p, variant) for p in event.paragraphs]
    if cover.kind == "rewritten":
        # A mixed phrasing can land back on the original wording; a rewrite never keeps it.
        paragraphs = [
            spin(p, 1) if text == spin(p, 0) else text
            for p, text in zip(event.paragraphs, paragraphs, strict=True)
        ]
        paragraphs = _reorder(paragraphs, variant)
    if writer.dateline:
        paragraphs[0] = writer.dateline.format(PLACE=event.place.upper()) + paragraphs[0]

    title = _title(event, cover)
    source_author = _author(event, source.outlet)
    if not copied:
        author = _author(event, outlet)
    elif outlet.content_farm:
        author = outlet.authors[0]
    else:
        author = f"{source_author}, {source.outlet.name}"

    slug = _slugify(title)
    while (outlet.slug, slug) in taken_slugs:
        slug += "-2"
    taken_slugs.add((outlet.slug, slug))
    published = anchor - timedelta(minutes=cover.offset_minutes)
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    if copied and outlet.credit_line:
        credit = outlet.credit_line.format(source=source.outlet.name)
        body += f"\n<p><em>{escape(credit, quote=False)}</em></p>"
    return WireArticle(
        outlet=outlet.slug,
        guid=_guid(outlet, event),
        slug=slug,
        title=title,
        author=author,
        published=published,
        section=event.section,
        summary=_summary(event, cover),
        body_html=body,
        event_id=event.id,
        coverage=cover.kind,
        url_path=f"/{outlet.slug}/{published:%Y}/{published:%m}/{slug}.html",
        image_path=f"/{outlet.slug}/images/{slug}.png",
        language=event.language,
        source_outlet=source.outlet.slug,
        image_seed=f"{(source.outlet if copied else outlet).slug}/{event.id}",
        offset_minutes=cover.offset_minutes,
    )


def _reorder(paragraphs: list[str], variant: int) -> list[str]:
    """Rewrites shuffle the middle of a story (sheets keep paragraphs 2 and 3 independent)
    or cut a paragraph before the last, as a subeditor short of space would."""
    paragraphs = list(paragraphs)
    if variant % 2 == 1 and len(paragraphs) >= 4:
        paragraphs[1], paragraphs[2] = paragraphs[2], paragraphs[1]
    elif variant % 2 == 0 and len(paragraphs) >= 5:
        del paragraphs[-2]
    return paragraphs


def _title(event: Event, cover: _Coverage) -> str:
    headlines = event.headlines
    if cover.kind == "rewritten" and len(headlines) > 1:
        return headlines[1 + (cover.variant - 1) % (len(headlines) - 1)]
    if cover.kind == "copied" and cover.outlet.content_farm:
        return headlines[-1]
    return headlines[0]


def _summary(event: Event, cover: _Coverage) -> str:
    summary = spin(event.summary, cover.variant)
    if cover.kind == "rewritten" and summary == spin(event.summary, 0):
        return spin(event.summary, 1)
    return summary


def _author(event: Event, outlet: Outlet) -> str:
    return outlet.authors[_hash(event.id, outlet.slug, "author") % len(outlet.authors)]


def _guid(outlet: Outlet, event: Event) -> str:
    # Each outlet has its own id scheme, as real publishers do; none depends on time or host.
    key = f"{outlet.slug}:{event.id}"
    if outlet.feed_kind == "atom":
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newswire:' + key)}"
    if outlet.feed_kind == "jsonfeed":
        return f"{outlet.slug}/{event.id}"
    if outlet.feed_kind == "rss1":
        return f"tag:{outlet.slug}.newswire.invalid,2024:{event.id}"
    return f"{outlet.slug}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


_NON_WORD = re.compile(r"[^a-z0-9]+")


def _slugify(title: str) -> str:
    ascii_title = title.lower().translate(_ACCENTS)
    words = _NON_WORD.sub(" ", ascii_title).split()
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 72:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "story"


_ACCENTS = str.maketrans("áéíóúüñàèìòùâêîôûçäöß", "aeiouunaeiouaeioucaos")
