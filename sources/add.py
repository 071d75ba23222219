"""Adding a source: the feed is fetched and read first, so a URL that is not a feed is refused
with the reason and nothing is stored."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from herald.lib.http import FetchError, fetch
from sources.models import Source
from sources.parse import FeedError, parse_feed


class SourceError(Exception):
    pass


def add_source(feed_url: str, name: str = "", display: str = "") -> Source:
    feed_url = feed_url.strip()
    try:
        URLValidator(schemes=["http", "https"])(feed_url)
    except ValidationError:
        raise SourceError(f"{feed_url!r} is not an http(s) URL") from None
    if Source.objects.filter(feed_url=feed_url).exists():
        raise SourceError(f"{feed_url} is already a source")
    try:
        response = fetch(feed_url)
        if response.status != 200:
            raise SourceError(f"{feed_url} answered HTTP {response.status}")
        feed = parse_feed(response.body, response.url)
    except (FetchError, FeedError) as error:
        raise SourceError(f"{feed_url}: {error}") from None
    source = Source(
        feed_url=feed_url,
        name=(name or feed.title or urlsplit(feed_url).hostname or feed_url)[:200],
        homepage=feed.link if feed.link.startswith(("http://", "https://")) else "",
        language=feed.language[:16],
    )
    if display:
        source.display = display
    source.full_clean()
    source.save()
    return source
