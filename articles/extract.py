"""An article's own page, for entries whose feed carries only a summary: fetched when the
outlet's robots.txt allows, decoded whatever its charset claims, and read with trafilatura for
the article's text, metadata, canonical address and lead picture."""

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.htmlprocessing import build_html_output

from articles.canonical import canonical_url, same_site
from herald.lib import http, robots

log = logging.getLogger(__name__)

# Measured on the 181 pages of the Scrapinghub benchmark (shared/data/extraction): favouring
# precision scores token F1 0.960 against 0.955 by default, at ~25 ms a page; `fast` (no
# fallback extractors) saves ~8 ms but drops to 0.933. Comments are never the article.
EXTRACT_OPTIONS = {
    "output_format": "html",
    "include_formatting": True,
    "include_links": True,
    "include_images": False,  # the lead picture is stored locally; others would be hot-linked
    "include_tables": True,
    "include_comments": False,
    "favor_precision": True,
}
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
MIN_WORDS = 20  # less is a link list, a consent wall or an error page, not an article
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Known:
    """What the feed already said of an article."""

    title: str
    author: str
    published: datetime | None


@dataclass
class Page:
    url: str  # where it was found, after redirects
    content_html: str  # the article's body, not yet sanitised
    title: str = ""
    author: str = ""
    published: datetime | None = None
    language: str = ""
    canonical_url: str = ""  # its rel=canonical, kept only when on the page's own site
    image_url: str = ""


def fetch_page(url: str, known: Known | None = None) -> Page | None:
    """The article's page, read; None (the reason logged) when robots.txt forbids it, it cannot
    be fetched, or it holds no article. `known`: what the feed already said of it."""
    if not robots.allows(url):
        log.info("page %s: robots.txt does not allow it, keeping the feed's summary", url)
        return None
    try:
        response = http.fetch(url, headers={"Accept": ACCEPT})
    except http.FetchError as error:
        log.warning("page %s: not fetched, keeping the feed's summary: %s", url, error)
        return None
    content_type = response.headers.get("content-type", "").lower()
    if response.status != 200 or (content_type and "html" not in content_type):
        log.warning(
            "page %s: HTTP %s %s, keeping the feed's summary", url, response.status, content_type
        )
        return None
    try:
        page = read_page(decode_html(response.body, content_type), response.url, known)
    except Exception:
        # A hostile page may trip the parsers in ways no one listed; the entry must survive it.
        log.exception("page %s: could not be read, keeping the feed's summary", url)
        return None
    if page is None:
        log.warning("page %s: no article found in it, keeping the feed's summary", url)
    return page


# --- charset --------------------------------------------------------------------------------

BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:+-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:+-]+)", re.I)
_HTML_LANG = re.compile(rb"<html[^>]+lang\s*=\s*[\"']?([a-z]{2,3})", re.I)
# As browsers do (WHATWG Encoding): these labels mean windows-1252.
_MEANS_CP1252 = {"ascii", "iso8859-1"}
# The legacy charsets pages are written in; detection picks among these only.
WEB_CHARSETS = [
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "cp1253",
    "iso8859_7", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874", "shift_jis",
    "cp932", "euc_jp", "euc_kr", "cp949", "gb18030", "big5",
]  # fmt: skip
# On a short text, detection cannot tell one code page of a script from another (the bytes are
# valid in all); browsers then assume their locale's. We assume the page's language's.
LANGUAGE_CHARSETS = {
    **dict.fromkeys(["ar", "fa", "ur"], "cp1256"),
    **dict.fromkeys(["be", "bg", "kk", "mk", "ru", "sr", "uk"], "cp1251"),
    **dict.fromkeys(["cs", "hr", "hu", "pl", "ro", "sk", "sl"], "cp1250"),
    **dict.fromkeys(["et", "lt", "lv"], "cp1257"),
    **dict.fromkeys(["tr", "az"], "cp1254"),
    "el": "cp1253", "he": "cp1255", "vi": "cp1258", "th": "cp874",
    "ja": "shift_jis", "ko": "euc_kr", "zh": "gb18030",
}  # fmt: skip
NEAR_TIE = 0.01  # difference in charset_normalizer's "chaos" (mess) that is noise


def _codec(label: str) -> str:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    if name.startswith(("utf-16", "utf-32")):
        return ""  # without a BOM (checked first) a page declaring UTF-16 is ASCII-compatible
    return "cp1252" if name in _MEANS_CP1252 else name


def declared_charsets(body: bytes, content_type: str) -> list[str]:
    """What the HTTP header, then the page's own <meta>, say the charset is."""
    labels = _HEADER_CHARSET.findall(content_type)
    labels += [m.decode("ascii", "ignore") for m in _META_CHARSET.findall(body[:4096])]
    return [c for c in dict.fromkeys(_codec(label) for label in labels) if c]


def detect(body: bytes) -> str | None:
    """The page decoded in the charset detection finds likeliest, near-ties going to the one
    its language suggests (windows-1252 when it names none)."""
    matches = list(charset_normalizer.from_bytes(body, cp_isolation=WEB_CHARSETS))
    if not matches:
        return None
    language = _HTML_LANG.search(body[:4096])
    code = language.group(1).decode().lower() if language else ""
    wanted = _codec(LANGUAGE_CHARSETS.get(code, "cp1252"))
    least = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= least + NEAR_TIE and wanted in map(_codec, match.could_be_from_charset):
            return str(match)
    return str(matches[0])


def decode_html(body: bytes, content_type: str = "") -> str:
    """The page as text. A BOM decides; otherwise the first of UTF-8 and the declared charsets
    that decodes without error (bytes that are valid UTF-8 are UTF-8, whatever the page claims:
    legacy text almost never forms valid multi-byte sequences); else detection."""
    for bom, codec in BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, "replace")
    for codec in ["utf-8", *declared_charsets(body, content_type)]:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # NULs mean a UTF-16 page that lost its BOM, not UTF-8
            return text
    detected = detect(body)
    return detected if detected is not None else body.decode("cp1252", "replace")


# --- reading ----------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_page(html: str, url: str, known: Known | None = None) -> Page | None:
    """The article in a decoded page: its body by trafilatura, its metadata, canonical address
    and lead picture. None when the page holds no article text. When the feed gave the title,
    author and date (`known`), the page's metadata is not read: it costs a tenth of ingest."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with an encoding line
    # Parsed once, by trafilatura's own loader, and that tree read by every step below: the
    # extraction then sees exactly the tree it would have built from the text itself.
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    body = _extract(tree, url)
    if not body:
        return None
    if known and known.title and known.author and known.published:
        title, author, published = known.title, known.author, known.published
    else:
        metadata = trafilatura.extract_metadata(
            tree, default_url=url, date_config={"original_date": True, "outputformat": DATE_FORMAT}
        )
        title = (metadata.title or "").strip()
        author = (metadata.author or "").strip()
        published = _date(metadata.date)
    article = _article_body(body, title, author)
    if len(article.text_content().split()) < MIN_WORDS:
        return None
    canonical = _canonical(tree, url)
    image_url = lead_image(tree, url)
    language = (tree.get("lang") or tree.get(XML_LANG) or "").strip()
    return Page(
        url=url,
        content_html=_inner_html(article),
        title=title,
        author=author,
        published=published,
        language=language[:16],
        canonical_url=canonical,
        image_url=image_url,
    )


def _extract(tree, url: str) -> str:
    """The article's body as trafilatura.extract(..., **EXTRACT_OPTIONS) gives it, without the
    content hash extract() adds for its HTML output and Herald never reads (a twentieth of a
    page's reading). bare_extraction() works on a copy: `tree` is left as it was."""
    document = trafilatura.bare_extraction(tree, url=url, **EXTRACT_OPTIONS)
    if document is None:
        return ""
    return unicodedata.normalize("NFC", build_html_output(document))


def _canonical(tree, url: str) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found = canonical_url(urljoin(url, link.get("href").strip()))
            # Another site's address would let one outlet claim another's story.
            return found if found and same_site(found, url) else ""
    return ""


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _article_body(body: str, title: str, author: str):
    """trafilatura's <body>, without the blocks that only repeat the title or the byline (the
    portal shows both already)."""
    root = lxml.html.fromstring(body)
    container = root.find("body") if root.find("body") is not None else root
    for block in list(container.iter("h1", "h2", "p")):
        words = block.text_content().split()
        byline = (
            bool(author) and author in " ".join(words) and len(words) <= len(author.split()) + 3
        )
        if byline or (words and words == title.split()):
            block.drop_tree()  # keeps the text that follows it
    return container


def _inner_html(element) -> str:
    parts = [element.text or ""] + [lxml.html.tostring(c, encoding="unicode") for c in element]
    return "".join(parts).strip()


# --- lead picture -----------------------------------------------------------------------------

_IMAGE_METAS = [
    "og:image:secure_url",
    "og:image:url",
    "og:image",
    "twitter:image",
    "twitter:image:src",
]
_SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset")
_SRCS = ("data-src", "data-lazy-src", "data-original", "src")
_SPACE = re.compile(r"\s")


def lead_image(tree, url: str) -> str:
    """The page's picture: its og:image, else the first picture of the article (lazy-loading
    attributes and the largest srcset candidate included). "" when it has none."""
    metas = {
        (meta.get("property") or meta.get("name") or "").strip().lower(): meta.get("content")
        for meta in tree.iter("meta")
    }
    for name in _IMAGE_METAS:
        if (content := (metas.get(name) or "").strip()) and not content.startswith("data:"):
            return urljoin(url, content)
    scope = next(iter(tree.xpath("//article | //main")), None)
    for img in (scope if scope is not None else tree).iter("img"):
        if source := image_source(img):
            return urljoin(url, source)
    return ""


def image_source(img) -> str:
    """The best address an <img> offers, or "" for none (or a tracking pixel)."""
    if img.get("width") in ("0", "1") or img.get("height") in ("0", "1"):
        return ""
    for attribute in _SRCSETS:
        if best := largest_candidate(img.get(attribute) or ""):
            return best
    for attribute in _SRCS:
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return ""


def srcset_candidates(srcset: str):
    """(address, descriptor) pairs, split as the HTML standard does: an address runs to the
    next space (it may hold commas); one ending in a comma has no descriptor."""
    rest = srcset
    while rest := rest.lstrip(" \t\n\r\f,"):
        address, *after = _SPACE.split(rest, maxsplit=1)
        rest = after[0] if after else ""
        if address.endswith(","):
            yield address.rstrip(","), ""
        else:
            descriptor, _, rest = rest.partition(",")
            yield address, descriptor.strip().lower()


def largest_candidate(srcset: str) -> str:
    """The srcset candidate with the largest width (or density) descriptor."""
    best, best_size = "", -1.0
    for address, descriptor in srcset_candidates(srcset):
        if not address or address.startswith("data:"):
            continue
        try:
            size = float(descriptor[:-1]) if descriptor[-1:] in ("w", "x") else 1.0
        except ValueError:
            continue
        if size > best_size:
            best, best_size = address, size
    return best


def first_image(fragment: str, base_url: str) -> str:
    """The first picture in a feed entry's HTML, for feeds that carry no image of their own."""
    if "<img" not in fragment.lower():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for img in root.iter("img"):
        if source := image_source(img):
            return urljoin(base_url, source)
    return ""
