"""When to poll a source next: the adaptive interval, the server's own hints (Cache-Control,
Expires, the feed's <ttl>, Retry-After), the editor's bounds, and jitter. Pure functions."""

import random
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

# Adapting: a poll that brought something new shortens the interval, an empty one lengthens it.
BUSIER = 0.75
QUIETER = 1.5
JITTER = 0.1
LONGEST_RETRY_AFTER = timedelta(days=7)


def _http_date(value: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else None


def server_hint(headers: dict[str, str], ttl_minutes: int | None, now: datetime) -> int:
    """The longest freshness the server asked for, in seconds (0 when it asked for none)."""
    hints = [ttl_minutes * 60 if ttl_minutes and ttl_minutes > 0 else 0]
    for directive in headers.get("cache-control", "").split(","):
        name, _, value = directive.strip().partition("=")
        if name.lower() in ("max-age", "s-maxage") and value.strip().isdigit():
            hints.append(int(value))
    if "expires" in headers and (expires := _http_date(headers["expires"])):
        hints.append(int((expires - now).total_seconds()))
    return max(0, *hints)


def retry_after(headers: dict[str, str], now: datetime) -> timedelta | None:
    """Retry-After as a wait (seconds or an HTTP date), capped at a week."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        wait = timedelta(seconds=int(value))
    elif moment := _http_date(value):
        wait = moment - now
    else:
        return None
    return min(max(wait, timedelta(0)), LONGEST_RETRY_AFTER)


def adapt(interval: int, found_new: bool, shortest: int, longest: int) -> int:
    factor = BUSIER if found_new else QUIETER
    return clamp(round(interval * factor), shortest, longest)


def clamp(seconds: int, shortest: int, longest: int) -> int:
    return max(shortest, min(longest, seconds))


def jittered(seconds: int, rng: random.Random | None = None) -> timedelta:
    """Spread polls of many sources so they do not fall due in the same second."""
    spread = (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return timedelta(seconds=seconds * spread)
