"""Lead pictures for wire articles: a small PNG per article, drawn from the section's palette
with bands, a disc and a skyline placed by a hash of the seed. Pure stdlib (zlib + struct)."""

import hashlib
import math
import struct
import zlib
from functools import lru_cache

WIDTH, HEIGHT = 960, 540

# (sky top, sky bottom, disc, skyline, ground) per section.
_PALETTES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "politics": ((24, 38, 74), (92, 110, 160), (214, 64, 58), (34, 40, 60), (150, 28, 40)),
    "world": ((16, 72, 96), (120, 186, 200), (245, 210, 96), (30, 90, 80), (22, 58, 70)),
    "business": ((20, 30, 40), (70, 96, 110), (232, 180, 40), (44, 60, 70), (18, 120, 90)),
    "health": ((220, 242, 240), (120, 200, 190), (230, 70, 90), (40, 140, 130), (24, 96, 110)),
    "science-tech": ((10, 12, 40), (60, 40, 120), (90, 220, 250), (30, 30, 70), (140, 60, 200)),
    "entertainment": ((60, 10, 60), (200, 70, 120), (255, 200, 80), (80, 20, 70), (30, 10, 40)),
    "showbiz": ((250, 200, 210), (250, 120, 160), (255, 240, 140), (160, 40, 100), (90, 20, 60)),
    "tourism": ((120, 190, 240), (250, 220, 170), (255, 170, 60), (40, 120, 90), (230, 200, 140)),
    "comedy": ((255, 230, 90), (255, 160, 60), (60, 160, 230), (220, 80, 40), (120, 40, 120)),
    "sports": ((40, 90, 160), (150, 195, 230), (250, 250, 240), (64, 66, 80), (30, 140, 60)),
}
_BANDS = 18


@lru_cache(maxsize=1024)
def render_png(seed: str, section: str) -> bytes:
    """The picture for `seed` (same seed, same bytes) in `section`'s colours."""
    top, bottom, disc, skyline, ground = _PALETTES.get(section, _PALETTES["world"])
    digest = hashlib.sha256(seed.encode()).digest()
    cx = 120 + digest[0] * (WIDTH - 240) // 255
    cy = 70 + digest[1] * 160 // 255
    radius = 40 + digest[2] * 80 // 255
    horizon = HEIGHT * 3 // 4 - digest[3] % 40
    blocks = _skyline(digest[4:], horizon)
    stripe = digest[5] % 3  # thin accent stripes across the sky, 0-2 of them

    band_rows = [_row(_mix(top, bottom, i / (_BANDS - 1))) for i in range(_BANDS)]
    ground_row = _row(ground)
    rows = []
    for y in range(HEIGHT):
        if y >= horizon:
            row = bytearray(ground_row)
        else:
            row = bytearray(band_rows[y * _BANDS // horizon])
            if stripe and (y - cy) % 90 < 3 * stripe:
                _span(row, 0, WIDTH, _mix(top, disc, 0.35))
            dy = y - cy
            if abs(dy) < radius:
                dx = math.isqrt(radius * radius - dy * dy)
                _span(row, cx - dx, cx + dx, disc)
            for x0, x1, block_top in blocks:
                if y >= block_top:
                    _span(row, x0, x1, skyline)
        rows.append(b"\x00" + bytes(row))  # filter type 0 for every scanline
    return _png(b"".join(rows))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def _skyline(entropy: bytes, horizon: int) -> list[tuple[int, int, int]]:
    blocks, x, i = [], 0, 0
    while x < WIDTH:
        width = 50 + entropy[i % len(entropy)] % 90
        height = 20 + entropy[(i + 7) % len(entropy)] % 140
        blocks.append((x, min(WIDTH, x + width), horizon - height))
        x += width + entropy[(i + 3) % len(entropy)] % 30
        i += 1
    return blocks


def _mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _row(colour) -> bytes:
    return bytes(colour) * WIDTH


def _span(row: bytearray, x0: int, x1: int, colour) -> None:
    x0, x1 = max(0, x0), min(WIDTH, x1)
    if x1 > x0:
        row[x0 * 3 : x1 * 3] = bytes(colour) * (x1 - x0)


def _png(raw: bytes) -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )
