"""Finding a site's feeds from its home page, which names them in <link rel="alternate">
elements, read here in the page's order. Pure functions over fetched bytes; add.py fetches."""

import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
}
PAGE_TYPES = {"text/html", "application/xhtml+xml"}
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf", "channel"}

_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z][\w:.-]*)")
_HTML_DOCTYPE = re.compile(rb"<!DOCTYPE\s+html", re.IGNORECASE)


def is_page(body: bytes, content_type: str = "") -> bool:
    """True when the bytes are a web page rather than a feed. The root element decides, because
    servers often send feeds as text/html; the Content-Type only when the root says nothing."""
    if body.lstrip()[:1] == b"{":
        return False
    # Dropping NULs reads the ASCII markup of UTF-16 and UTF-32 too.
    head = _COMMENT.sub(b"", body[:4096].replace(b"\x00", b""))
    first = _FIRST_ELEMENT.search(head)
    root = first[1].decode("ascii").lower() if first else ""
    # HTML5 may leave out <html>; only a DOCTYPE before the root counts, not one in a feed's text.
    if root == "html" or _HTML_DOCTYPE.search(head, 0, first.start() if first else len(head)):
        return True
    if root in FEED_ROOTS:
        return False
    return content_type.split(";")[0].strip().lower() in PAGE_TYPES


def feed_links(body: bytes, page_url: str) -> list[str]:
    """The absolute http(s) URLs of the feeds a page names, in its order, without repeats."""
    try:
        # libxml2's HTML parser: linear on hostile markup, where html.parser can go quadratic.
        document = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError):  # empty, or nothing like HTML
        return []
    base = next((b.get("href", "").strip() for b in document.iter("base") if b.get("href")), "")
    try:
        base = urljoin(page_url, base)
    except ValueError:
        base = page_url
    links: list[str] = []
    for element in document.iter("link"):
        rels = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        href = (element.get("href") or "").strip()
        if "alternate" not in rels or kind not in FEED_TYPES or not href:
            continue
        try:
            url = urljoin(base, href)
            scheme = urlsplit(url).scheme
        except ValueError:  # e.g. a broken IPv6 literal
            continue
        if scheme in ("http", "https") and url not in links:
            links.append(url)
    return links
