"""Feed bytes in, entries out. feedparser reads RSS 0.9x/1.0/2.0 and Atom, JSON Feed is read here
by hand, and XML whose DOCTYPE declares entities is refused before either. feedparser is only ever
handed bytes that herald.lib.http fetched, never a URL or a path it could open itself."""

import calendar
import codecs
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser


class FeedError(Exception):
    """The bytes are not a feed Herald can read."""


@dataclass
class Entry:
    guid: str
    url: str
    title: str
    author: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    summary_html: str = ""
    content_html: str = ""
    image_url: str = ""
    categories: list[str] = field(default_factory=list)
    language: str = ""


@dataclass
class Feed:
    title: str
    link: str
    language: str
    entries: list[Entry]
    ttl: int | None = None  # minutes the publisher says the feed may be cached (RSS <ttl>)


def _date(struct) -> datetime | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)


def _image(item) -> str:
    for media in item.get("media_content", []) + item.get("media_thumbnail", []):
        if media.get("url"):
            return media["url"]
    for link in item.get("links", []):
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/"):
            return link.get("href", "")
    image = item.get("image")
    return image.get("href", "") if isinstance(image, dict) else ""


def _content(item) -> str:
    # Prefer the HTML body (content:encoded, Atom content, content_html) over a text version.
    contents = item.get("content", [])
    for wanted in ("text/html", "application/xhtml+xml"):
        for content in contents:
            if content.get("type") == wanted and content.get("value"):
                return content["value"]
    return contents[0].get("value", "") if contents else ""


def _entry(item, feed_language: str) -> Entry | None:
    url = item.get("link", "").strip()
    title = item.get("title", "").strip()
    summary = item.get("summary", "").strip()
    if not url and not title:
        return None
    # dict.get: feedparser's own get() would hand back the published date as "updated".
    updated = _date(dict.get(item, "updated_parsed"))
    guid = item.get("id", "").strip() or url
    if not guid:
        # No id and no link: a title-only item; its title and summary are all that identify it.
        guid = "sha1:" + hashlib.sha1(f"{title}\n{summary}".encode()).hexdigest()
    return Entry(
        guid=guid,
        url=url,
        title=title,
        author=item.get("author", "").strip(),
        published=_date(item.get("published_parsed")) or updated,
        updated=updated,
        summary_html=summary,
        content_html=_content(item),
        image_url=_image(item),
        categories=[t.get("term", "") for t in item.get("tags", []) if t.get("term")],
        language=(item.get("language") or feed_language or "").strip(),
    )


def _iso_date(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_json_feed(document: dict) -> Feed:
    """JSON Feed 1.0/1.1 (feedparser reads only XML)."""
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("not a JSON Feed: it has no list of items")
    language = _text(document.get("language"))
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        url = _text(item.get("url")) or _text(item.get("external_url"))
        title = _text(item.get("title"))
        guid = str(item.get("id") or "").strip() or url
        if not guid or not (url or title):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
        tags = item.get("tags") if isinstance(item.get("tags"), list) else []
        entries.append(
            Entry(
                guid=guid,
                url=url,
                title=title,
                author=", ".join(n for n in names if n),
                published=_iso_date(item.get("date_published")),
                updated=_iso_date(item.get("date_modified")),
                summary_html=_text(item.get("summary")),
                content_html=_text(item.get("content_html")) or _text(item.get("content_text")),
                image_url=_text(item.get("image")) or _text(item.get("banner_image")),
                categories=[t.strip() for t in tags if isinstance(t, str) and t.strip()],
                language=_text(item.get("language")) or language,
            )
        )
    return Feed(
        title=_text(document.get("title")),
        link=_text(document.get("home_page_url")),
        language=language,
        entries=entries,
    )


# A DOCTYPE can declare entities that expand a small feed into gigabytes (billion laughs,
# quadratic blowup) or that read files and URLs (XXE). feedparser strips the DOCTYPE but keeps
# "safe" text entities, which still blow up quadratically, and expat reads a DOCTYPE feedparser
# missed; so a feed whose prolog holds such a DOCTYPE is refused before either sees it. RSS 0.91's
# public DTD is the one external DTD real feeds carry; it is allowed because nothing fetches it.
RSS_091_PUBLIC_ID = "-//Netscape Communications//DTD RSS 0.91//EN"
_FIRST_TAG = re.compile(r"<\w", re.ASCII)  # where feedparser ends the prolog it searches
# What expat reads before a DOCTYPE: a byte-order mark (as latin-1 shows UTF-8's), space, PIs and
# comments, which may well contain "<a".
_PROLOG_MISC = re.compile(r"\ufeff|\xef\xbb\xbf|\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_EXTERNAL_ID = re.compile(r"""\b(SYSTEM|PUBLIC)\b\s*(?:"([^"]*)"|'([^']*)')?""", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
# Encodings in which only ASCII bytes read as "<", "!" or letters: the latin-1 reading covers them.
_ASCII_MARKUP_CODECS = {"utf-8", "ascii", "iso8859-1", "cp1252"}
_DECLARED_ENCODING = re.compile(r"""^[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})["']""")


def _decodings(body: bytes) -> list[str]:
    """The body decoded every way feedparser might read it, tolerantly: latin-1 shows the markup
    of any ASCII-compatible encoding; UTF-16/32 and EBCDIC are tried when the first bytes hint at
    them; and the encoding the XML declaration names, which could hide "<!ENTITY" (UTF-7)."""
    tried = ["iso8859-1"]
    if b"\x00" in body[:4] or body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        tried += ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
    if body[:4] == b"\x4c\x6f\xa7\x94":  # "<?xm" in EBCDIC
        tried.append("cp037")
    texts = []
    for codec in tried:
        texts.append(body.decode(codec, "replace"))
        declared = _DECLARED_ENCODING.match(texts[-1].lstrip("\ufeff"))
        try:
            name = codecs.lookup(declared[1]).name if declared else ""
        except LookupError:
            name = ""
        if name and name not in tried and name not in _ASCII_MARKUP_CODECS:
            tried.append(name)
    return texts


def _doctype_at(text: str) -> int | None:
    """Where a DOCTYPE starts if one comes before the root element, as either parser sees it."""
    first_tag = _FIRST_TAG.search(text)
    found = _DOCTYPE.search(text, 0, first_tag.start() if first_tag else len(text))
    if found:
        return found.start()
    position = 0
    while misc := _PROLOG_MISC.match(text, position):
        position = misc.end()
    return position if _DOCTYPE.match(text, position) else None


def refuse_dangerous_doctype(body: bytes) -> None:
    """Raise FeedError if the XML declares entities or names an external DTD."""
    for text in _decodings(body):
        start = _doctype_at(text)
        if start is None:
            continue
        # Anywhere after the DOCTYPE, not just inside its [...]: literals may hide a "]>".
        if _ENTITY.search(text, start):
            raise FeedError("the feed declares entities: refused")
        end = min(i for i in (text.find("[", start), text.find(">", start), len(text)) if i >= 0)
        external = _EXTERNAL_ID.search(text, start, end)
        public_id = (external[2] or external[3]) if external else None
        if external and not (external[1].upper() == "PUBLIC" and public_id == RSS_091_PUBLIC_ID):
            raise FeedError("the feed refers to an external DTD: refused")


def _minutes(value) -> int | None:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        return None
    return minutes if minutes >= 0 else None


def parse_feed(body: bytes, url: str = "") -> Feed:
    """Parse a feed. A feed with small flaws still yields its entries; bytes that hold no feed at
    all, or XML that declares entities or names an external DTD, raise FeedError with the reason."""
    if not isinstance(body, bytes):
        raise TypeError("parse_feed takes the fetched bytes")
    if body.lstrip()[:1] == b"{":
        try:
            document = json.loads(body)
        except (ValueError, RecursionError) as error:
            raise FeedError(f"not a readable JSON Feed: {error}") from None
        if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version")):
            raise FeedError("not a JSON Feed: no jsonfeed.org version")
        return parse_json_feed(document)
    refuse_dangerous_doctype(body)
    # A stream, never bare bytes: feedparser would try to open() bytes that look like a path.
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers={"content-location": url} if url else None
    )
    if parsed.bozo and not parsed.entries and not parsed.feed.get("title"):
        reason = parsed.get("bozo_exception") or "no feed found"
        raise FeedError(f"not a readable feed: {reason}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not a feed: no RSS, Atom or JSON Feed found")
    language = parsed.feed.get("language", "")
    entries = [e for e in (_entry(item, language) for item in parsed.entries) if e]
    return Feed(
        title=parsed.feed.get("title", "").strip(),
        link=parsed.feed.get("link", "").strip(),
        language=language,
        entries=entries,
        ttl=_minutes(parsed.feed.get("ttl")),
    )
