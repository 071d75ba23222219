"""Videos from the allowed players load only when the reader asks: until a click, the stored
article shows a link where the outlet embedded the player, and no request leaves for its host."""

import html
import re
from urllib.parse import urlsplit

from django import template
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from herald.lib.sanitize import is_video_embed

register = template.Library()

# Stored HTML is sanitised: a frame left in it is `<iframe src="…" …></iframe>` with an allowed
# player's address (herald/lib/sanitize.py), so this simple pattern is enough to find it.
_FRAME = re.compile(r'<iframe\b[^>]*?\bsrc="([^"]+)"[^>]*></iframe>')


def _placeholder(match: re.Match) -> str:
    src = html.unescape(match.group(1))
    if not is_video_embed(src):
        return ""
    host = (urlsplit(src).hostname or "").removeprefix("www.")
    address = html.escape(src)
    return (
        f'<p class="video"><a href="{address}" data-embed="{address}">'
        f"Play the video (loads it from {html.escape(host)})</a></p>"
    )


@register.filter
def click_to_play(content_html: str) -> SafeString:
    """The article's sanitised HTML with each player replaced by its link, and the small script
    that turns the link into the player on a click (once, where there is a video)."""
    shown, videos = _FRAME.subn(_placeholder, content_html)
    if videos:
        shown += f'<script src="{static("portal/video.js")}" defer></script>'
    return mark_safe(shown)  # sanitised when stored; the links are escaped above
