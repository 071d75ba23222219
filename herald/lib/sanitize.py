"""HTML that came from outside is made safe here, and only here (nh3, an allow-list sanitiser)."""

import html
import re
from urllib.parse import urlsplit

import nh3

TAGS = {
    "p", "br", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
    "blockquote", "q", "cite", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "img", "hr",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "abbr", "time",
    "iframe",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "iframe": {"src", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# Dropped with everything inside them, not just unwrapped.
DROP_WITH_CONTENT = {
    "script", "style", "object", "embed", "noscript", "form", "template", "textarea",
    "select", "button", "svg", "math", "xmp", "noembed", "noframes", "plaintext",
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto"}

# The only frames kept: a video player from one of these, over https. The player runs in a
# sandbox that lets it play but not navigate our page.
VIDEO_EMBEDS = (
    "https://www.youtube.com/embed/",
    "https://youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
    "https://www.dailymotion.com/embed/video/",
)
FRAME_ATTRIBUTES = {
    "sandbox": "allow-scripts allow-same-origin allow-presentation allow-popups",
    "allowfullscreen": "",
    "loading": "lazy",
    "referrerpolicy": "strict-origin-when-cross-origin",
}
# Plain URL characters only: no quotes, spaces, backslashes or angle brackets to play with.
_URL_CHARS = re.compile(r"[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+")
_NUMBER = re.compile(r"\d{1,4}")


def is_video_embed(url: str) -> bool:
    if not _URL_CHARS.fullmatch(url) or not url.startswith(VIDEO_EMBEDS):
        return False
    path = urlsplit(url).path.lower()
    # A dot segment would let the browser walk out of /embed/ to any page of the host.
    return "/." not in path and "%2e" not in path


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        return value if is_video_embed(value) else None
    if tag == "iframe" and attribute in ("width", "height"):
        return value if _NUMBER.fullmatch(value) else None
    return value


# nh3 keeps an allowed frame's inner text raw (browsers never render it); its attributes are
# checked above to hold no ">", so the first ">" closes the tag and the first </iframe> ends it.
_FRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe>", re.S)


def _tidy_frame(match: re.Match) -> str:
    attributes = match.group(1)
    return f"<iframe{attributes}></iframe>" if ' src="' in attributes else ""


def clean_html(fragment: str, base_url: str = "", keep_images: bool = True) -> str:
    """Keep the article's structure and links; drop scripts, styles, event handlers, forms, any
    URL scheme other than http, https and mailto, and every frame but a video player's.
    Relative links are resolved against `base_url` (the article's address) when given.
    `keep_images=False` drops <img>, for pages that must not load another site's pictures."""
    tags = TAGS if keep_images else TAGS - {"img"}
    absolute = base_url.startswith(("http://", "https://"))
    cleaned = nh3.clean(
        fragment,
        tags=tags,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        set_tag_attribute_values={"iframe": FRAME_ATTRIBUTES},
        url_schemes=URL_SCHEMES,
        url_relative=("rewrite_with_base", base_url) if absolute else None,
        link_rel="noopener noreferrer nofollow",
    )
    if "<iframe" in cleaned:
        cleaned = _FRAME.sub(_tidy_frame, cleaned)
    return cleaned.strip()


_SPACE = re.compile(r"\s+")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|pre|tr|figcaption)\s*>|<br\s*/?>", re.I)


def html_to_text(fragment: str) -> str:
    """Plain text for search and excerpts: paragraphs become blank lines, tags go, entities are
    decoded."""
    marked = _BLOCK_END.sub("\n\n", fragment)
    bare = nh3.clean(marked, tags=set(), clean_content_tags=DROP_WITH_CONTENT | {"iframe"})
    paragraphs = (_SPACE.sub(" ", html.unescape(p)).strip() for p in bare.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


# What a reader's comment may hold: paragraphs, links, emphasis, quotes and code.
COMMENT_TAGS = {"p", "br", "a", "em", "strong", "blockquote", "code", "pre"}


def clean_comment(fragment: str) -> str:
    """A reader's comment, rendered, made safe: the few tags above, links only to http(s) and
    marked as the reader's, not the site's (rel="nofollow ugc")."""
    return nh3.clean(
        fragment,
        tags=COMMENT_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener noreferrer",
    ).strip()
