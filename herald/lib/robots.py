"""Whether an outlet's robots.txt lets Herald fetch a page. Each site's robots.txt is fetched
through the guarded client at most once per ROBOTS_TTL (kept in Django's cache, so every worker
shares it) and read with the standard library's parser."""

import logging
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings
from django.core.cache import cache

from herald.lib import http

log = logging.getLogger(__name__)

ROBOTS_TTL = 6 * 3600
# A site whose robots.txt cannot be read right now is asked again after this long.
UNREACHABLE_TTL = 30 * 60
ROBOTS_MAX_BYTES = 512 * 1024  # what RFC 9309 asks crawlers to read at least
ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _fetch_rules(url: str) -> tuple[str, int]:
    """The robots.txt text to obey and how long to keep it (RFC 9309: a missing file allows
    everything, an unreachable one disallows everything for now)."""
    try:
        response = http.fetch(url, max_bytes=ROBOTS_MAX_BYTES)
    except http.FetchError as error:
        log.info("robots.txt %s unreachable, pages not fetched for now: %s", url, error)
        return DISALLOW_ALL, UNREACHABLE_TTL
    if response.status == 200:
        return response.body.decode("utf-8", "replace"), ROBOTS_TTL
    if 400 <= response.status < 500 and response.status != 429:
        return ALLOW_ALL, ROBOTS_TTL
    log.info("robots.txt %s answered HTTP %s, pages not fetched for now", url, response.status)
    return DISALLOW_ALL, UNREACHABLE_TTL


def allows(url: str) -> bool:
    """True if the site's robots.txt lets HERALD_USER_AGENT fetch `url`."""
    where = robots_url(url)
    key = "robots:" + where.lower()
    rules = cache.get(key)
    if rules is None:
        rules, ttl = _fetch_rules(where)
        cache.set(key, rules, ttl)
    parser = RobotFileParser(where)
    parser.parse(rules.splitlines())
    return parser.can_fetch(settings.HERALD_USER_AGENT, url)
