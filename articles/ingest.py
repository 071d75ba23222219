"""Entries become articles here: matched with what the source already holds (GUID, canonical
link, text fingerprint), completed from the article's own page when the feed carries only a
summary, sanitised, given a local lead picture, and stored once per source; an entry the outlet
changed updates its article as a new revision."""

import hashlib
import logging
from collections.abc import Sequence
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from articles import boilerplate, extract, images
from articles.canonical import canonical_url, fingerprint
from articles.models import Article
from herald.lib import faults
from herald.lib.sanitize import clean_html, html_to_text
from sources.models import Source
from sources.parse import Entry

log = logging.getLogger(__name__)

# A feed's text shorter than this (or no longer than its summary) is a teaser: the page has more.
FULL_TEXT_WORDS = 80
# What a revision compares; the rest follows from these or is the article's identity (GUID,
# link, first publication), which a revision never changes.
REVISED = ["title", "author", "summary", "content_html", "language"]
FOLLOWS = [
    "content_text", "raw_html", "text_from", "fingerprint", "updated_at", "entry_hash", "categories"
]  # fmt: skip
PICTURE = ["image_url", "image", "image_small", "image_width", "image_height"]
# What the look-up of an entry loads: what tells an unchanged entry from a changed one, without
# the article's text.
IDENTITY = ["pk", "guid", "canonical_url", "entry_hash", "revision"]
LOOKUP_CHUNK = 400  # entries per look-up query: two parameters each, far below SQLite's limit


def store_entry(
    source: Source, entry: Entry, now: datetime, holdings: "Holdings | None" = None
) -> tuple[Article, bool]:
    """Store one feed entry as an article of `source`, or update the article it already is.
    Returns (article, created). An entry seen unchanged costs a look-up and writes nothing;
    the network (the page, the picture) is used before any write. `holdings`: what a poll
    read once for all its entries (see Holdings); by default this entry's own look-up."""
    if holdings is None:
        holdings = Holdings(source, [entry])
    guid = _fit(entry.guid, "guid")
    link = _link(entry.url)
    seen = entry_hash(entry)
    article = holdings.known(guid, link)
    if article is not None and article.entry_hash == seen:
        return article, False
    draft = _draft(source, entry, guid, link, now)
    draft.entry_hash = seen
    if article is None:
        if twin := holdings.same_story(draft):
            return twin, False
        article, created = _create(draft)
        faults.point("ingest-stored")  # the article written, its organize task not yet queued
        holdings.hold(article, created)
        return article, created
    # The look-up read only what tells an entry apart; a revision compares the whole article.
    article = _revise(Article.objects.get(pk=article.pk), draft, now)
    holdings.hold(article, created=False)
    return article, False


def entry_hash(entry: Entry) -> str:
    """What the feed says about the story, not where it lives: a link that gains a tracking
    parameter, or a second GUID for the same link, is no change."""
    parts = [
        entry.title, entry.author, entry.summary_html, entry.content_html, entry.image_url,
        entry.language, str(entry.published), str(entry.updated),
    ]  # fmt: skip
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def _fit(value: str, field: str) -> str:
    return value[: Article._meta.get_field(field).max_length]


def _link(url: str) -> str:
    link = canonical_url(url)
    return link if len(link) <= Article._meta.get_field("canonical_url").max_length else ""


class Holdings:
    """What a source already holds that a poll's entries may be, read once per poll rather than
    once per entry: the articles with the entries' GUIDs or links (one query for the whole
    feed), and, for the look-up by text, whether the source held any article before this poll.
    A new source's first poll then matches its entries' texts against the articles it has just
    stored, in memory. Sound because a source is polled by one worker at a time (its claim);
    should another writer appear anyway (an insert that fails on a unique constraint), every
    later look-up goes to the database again."""

    def __init__(self, source: Source, entries: Sequence[Entry]):
        self.source = source
        self.by_guid: dict[str, Article] = {}
        self.by_link: dict[str, Article] = {}
        self.stored: dict[int, Article] = {}  # by this poll, as they are now
        self._others: bool | None = None  # whether the source holds articles stored elsewhere
        keys = [(_fit(entry.guid, "guid"), _link(entry.url)) for entry in entries]
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            where = Q(guid__in=[guid for guid, _ in chunk])
            if links := [link for _, link in chunk if link]:
                where |= Q(canonical_url__in=links)
            found = Article.objects.filter(where, source=source).order_by().only(*IDENTITY)
            for article in found:
                self._index(article)

    def known(self, guid: str, link: str) -> Article | None:
        """The article this entry already is: by GUID, else by link. Only its IDENTITY fields
        are loaded (an article stored in this poll is whole)."""
        return self.by_guid.get(guid) or (self.by_link.get(link) if link else None)

    def same_story(self, draft: Article) -> Article | None:
        """An article of the source that is this entry under another GUID and link: the
        page's own canonical address, or the same text."""
        if self._others is None:
            held = Article.objects.filter(source=self.source).exclude(pk__in=list(self.stored))
            self._others = held.exists()
        if self._others:
            return _same_story(self.source, draft)
        # As _same_story's query would answer: the latest match (Article's ordering).
        matches = [
            article
            for article in self.stored.values()
            if (draft.canonical_url and article.canonical_url == draft.canonical_url)
            or (draft.fingerprint and article.fingerprint == draft.fingerprint)
        ]
        return max(matches, key=lambda a: (a.published_at, a.pk), default=None)

    def hold(self, article: Article, created: bool) -> None:
        """Count in an article as it now is: one this poll created or revised, or one that was
        there before it (revised, or stored by another writer meanwhile)."""
        self._index(article)
        if created or article.pk in self.stored:
            self.stored[article.pk] = article
        else:
            self._others = True

    def _index(self, article: Article) -> None:
        self.by_guid[article.guid] = article
        if article.canonical_url:
            self.by_link[article.canonical_url] = article


def _find(source: Source, where: Q) -> Article | None:
    return Article.objects.filter(where, source=source).first()


def _words(text: str) -> int:
    return len(text.split())


def _wants_page(source: Source, entry: Entry, feed_words: int, summary_words: int) -> bool:
    if not source.fetch_pages or not entry.url.startswith(("http://", "https://")):
        return False
    return feed_words < FULL_TEXT_WORDS or feed_words <= summary_words


def _draft(source: Source, entry: Entry, guid: str, link: str, now: datetime) -> Article:
    """The article as the feed (and, for a summary, the page) tells it: unsaved, no picture yet
    (its address is in image_url)."""
    summary = html_to_text(entry.summary_html)
    selectors = boilerplate.selectors_of(source)
    feed_html = entry.content_html or entry.summary_html
    if selectors and feed_html:
        # Before sanitising, while the outlet's classes and ids are there to be matched.
        feed_html = boilerplate.strip(feed_html, (), selectors)
    content_html = clean_html(feed_html, base_url=entry.url, keep_images=False)
    content_text = html_to_text(content_html)
    text_from = Article.TextFrom.FEED
    page = None
    if _wants_page(source, entry, _words(html_to_text(entry.content_html)), _words(summary)):
        known = extract.Known(
            html_to_text(entry.title), html_to_text(entry.author), entry.published
        )
        page = extract.fetch_page(
            link or entry.url, known
        )  # tracking parameters are none of theirs
    if page:
        page_html = clean_html(page.content_html, base_url=page.url, keep_images=False)
        page_text = html_to_text(page_html)
        # The page is read by a machine: its text is taken only when it says more than the feed.
        if _words(page_text) > _words(content_text):
            content_html, content_text, text_from = page_html, page_text, Article.TextFrom.PAGE
    # Kept whole for learning; shown without what the source is known to repeat on every page.
    raw_html = content_html
    content_html = boilerplate.clean_for(source, raw_html)
    if content_html != raw_html:  # else content_text is already its text
        content_text = html_to_text(content_html)
    canonical = (page and page.canonical_url) or link
    if len(canonical) > Article._meta.get_field("canonical_url").max_length:
        canonical = link
    image_url = (
        (entry.image_url if entry.image_url.startswith(("http://", "https://")) else "")
        or extract.first_image(entry.content_html or entry.summary_html, entry.url)
        or (page.image_url if page else "")
    )
    published = entry.published or (page and page.published) or now
    return Article(
        source=source,
        guid=guid,
        url=canonical or source.homepage or source.feed_url,
        canonical_url=canonical,
        title=_fit(html_to_text(entry.title) or (page and page.title) or "(untitled)", "title"),
        author=_fit(html_to_text(entry.author) or (page and page.author) or "", "author"),
        published_at=min(published, now),  # a date in the future is a feed's error
        updated_at=min(entry.updated, now) if entry.updated else None,
        summary=summary,
        content_html=content_html,
        content_text=content_text,
        raw_html=raw_html,
        text_from=text_from,
        fingerprint=fingerprint(content_text),
        image_url=_fit(image_url, "image_url"),
        language=_fit(entry.language or (page and page.language) or source.language, "language"),
        categories=[html_to_text(c)[:100] for c in entry.categories[:20]],
    )


def _same_story(source: Source, draft: Article) -> Article | None:
    """An article of the source that is this entry under another GUID and link: the page's own
    canonical address, or the same text."""
    where = Q(pk__in=[])
    if draft.canonical_url:
        where |= Q(canonical_url=draft.canonical_url)
    if draft.fingerprint:
        where |= Q(fingerprint=draft.fingerprint)
    return _find(source, where)


def _with_picture(article: Article, url: str) -> bool:
    """Store the picture at `url` as the article's lead image. False if it could not be."""
    stored = images.store_lead_image(url) if url else None
    if stored is None:
        return False
    article.image_url = url
    article.image, article.image_small = stored.large, stored.small
    article.image_width, article.image_height = stored.width, stored.height
    return True


def _create(draft: Article) -> tuple[Article, bool]:
    if not _with_picture(draft, draft.image_url):
        draft.image_url = ""  # kept only for a picture we hold
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError:
        # Another worker stored the same entry between our look-up and our insert.
        same = Q(guid=draft.guid)
        if draft.canonical_url:
            same |= Q(canonical_url=draft.canonical_url)
        if existing := _find(draft.source, same):
            return existing, False
        raise
    return draft, True


def _revise(article: Article, draft: Article, now: datetime) -> Article:
    """Bring the article up to what the outlet now says; a visible change is a new revision."""
    if (
        article.text_from == Article.TextFrom.PAGE
        and draft.text_from == Article.TextFrom.FEED
        and _words(draft.content_text) < _words(article.content_text)
    ):
        # The page could not be read this time: the feed's teaser must not replace its text.
        for name in ("content_html", "content_text", "raw_html", "text_from", "fingerprint"):
            setattr(draft, name, getattr(article, name))
    changed = [name for name in REVISED if getattr(article, name) != getattr(draft, name)]
    changed += ["updated_at"] if draft.updated_at and draft.updated_at != article.updated_at else []
    fields = ["entry_hash"]
    new_picture = draft.image_url and (draft.image_url != article.image_url or not article.image)
    if new_picture and _with_picture(article, draft.image_url):
        changed.append("image")
        fields += PICTURE
    if changed:
        for name in REVISED + FOLLOWS:
            setattr(article, name, getattr(draft, name))
        article.updated_at = draft.updated_at or now
        article.revision += 1
        fields = list(dict.fromkeys(fields + REVISED + FOLLOWS + ["revision"]))
        log.info("article %s: revision %s (%s)", article.pk, article.revision, ", ".join(changed))
    else:
        article.entry_hash = draft.entry_hash
    article.save(update_fields=fields)
    return article
