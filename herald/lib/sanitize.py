"""HTML that came from outside is made safe here, and only here (nh3, an allow-list sanitiser)."""

import html
import re

import nh3

TAGS = {
    "p", "br", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
    "blockquote", "q", "cite", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "img", "hr",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "abbr", "time",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# Dropped with everything inside them, not just unwrapped.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "form", "template"}


def clean_html(fragment: str) -> str:
    """Keep the article's structure and links; drop scripts, styles, event handlers, forms and
    any URL scheme other than http, https and mailto."""
    return nh3.clean(
        fragment,
        tags=TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


_SPACE = re.compile(r"\s+")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|pre|tr|figcaption)\s*>|<br\s*/?>", re.I)


def html_to_text(fragment: str) -> str:
    """Plain text for search and excerpts: paragraphs become blank lines, tags go, entities are
    decoded."""
    marked = _BLOCK_END.sub("\n\n", fragment)
    bare = nh3.clean(marked, tags=set(), clean_content_tags=DROP_WITH_CONTENT)
    paragraphs = (_SPACE.sub(" ", html.unescape(p)).strip() for p in bare.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
