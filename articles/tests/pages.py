"""What the article tests serve: outlet pages with their chrome around the story, pictures made
with Pillow, and hostile pictures."""

import io
import struct
import zlib

from PIL import Image

PARAGRAPHS = [
    "The harbour board voted on Tuesday to rebuild the north pier, which has been closed to "
    "ferries since a winter storm cracked its concrete deck two years ago.",
    "Engineers told the board that the new pier would stand on steel piles driven twenty "
    "metres into the seabed, and that work could begin in the spring if the tender goes well.",
    "Fishing crews, who have had to land their catch at the southern quay and truck it back "
    "around the bay, welcomed the decision but asked for a temporary landing stage meanwhile.",
    "The board's chair said the cost would be shared between the port's reserves and a loan "
    "from the regional development fund, so harbour dues would not rise next year.",
    "A public meeting on the designs is planned for the first week of next month at the old "
    "customs house, where models of the three proposals will be on display.",
]
TEXT = "\n\n".join(PARAGRAPHS)
# Letters outside ASCII that every legacy Western charset encodes differently (curly quotes, euro).
ACCENTED_TEXT = "Café owners\u2019 \u201cflat white\u201d costs €4 — naïve déjà vu at the quay"
CHROME = ["Subscribe from $1 a week", "Most read", "Courier Newspapers Ltd", "Accept all cookies"]


def article_page(
    title: str = "Harbour board votes to rebuild the north pier",
    paragraphs: list[str] = PARAGRAPHS,
    head: str = "",
    figure: str = "",
    lang: str = "en",
) -> str:
    """A news page as outlets make them: the story inside navigation, a sidebar, a footer and a
    cookie banner."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><title>{title} | The Courier</title>
{head}
<meta property="article:published_time" content="2026-11-20T09:30:00Z">
<meta name="author" content="Rhea Page">
</head><body>
<div class="cookie-consent"><p>{CHROME[3]} to help us count our readers.</p>
<button>Accept</button></div>
<header class="masthead"><a href="/">The Courier</a>
<a class="subscribe" href="/subscribe">{CHROME[0]}</a>
<nav><ul><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
<p class="byline">By Rhea Page</p>
{figure}
<div class="story-body">
{body}
</div></article>
<aside><h2>{CHROME[1]}</h2><ol><li><a href="/a">Council tax frozen for a third year</a></li>
<li><a href="/b">Ferry timetable changes from Monday</a></li></ol></aside></main>
<footer><p>&copy; 2026 {CHROME[2]}, 14 Quay Street.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>"""


def picture(width: int = 1600, height: int = 900, format: str = "JPEG", exif=None) -> bytes:
    image = Image.new("RGB", (width, height), (30, 90, 160))
    for x in range(0, width, 50):  # some detail, so the encoder has work to do
        image.paste((240, 200, 40), (x, 0, x + 10, height))
    out = io.BytesIO()
    image.save(out, format, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG header claiming width x height pixels, around one pixel's worth of data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + _chunk(b"IEND", b"")
    )
