"""Adding a source by its feed URL or by its site's home page: the feed is fetched and read first,
so a URL that leads to no feed is refused with the reason and nothing is stored."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from herald.lib.http import FetchError, Response, fetch
from sources import takedown
from sources.discover import feed_links, is_page
from sources.models import Source
from sources.parse import Feed, FeedError, parse_feed

# A page may name many feeds (one per category, comments...); the first few that read are enough,
# and a hostile page must not make Herald fetch hundreds of URLs.
MAX_FEEDS_TRIED = 5


class SourceError(Exception):
    pass


def is_http_url(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return len(url) <= 2000  # the length of Source's URL fields


def check_feed_url(url: str) -> str:
    """The URL stripped, or SourceError if it is not an http(s) URL."""
    url = url.strip()
    if not is_http_url(url):
        raise SourceError(f"{url!r} is not an http(s) URL")
    return url


def _refuse_known(feed_url: str) -> None:
    if Source.objects.filter(feed_url=feed_url).exists():
        raise SourceError(f"{feed_url} is already a source")


def _refuse_taken_down(*urls: str) -> None:
    reason = takedown.refusal(*urls)
    if reason:
        raise SourceError(reason)


def _get(url: str) -> Response:
    response = fetch(url)
    if response.status != 200:
        raise FetchError(f"the server answered HTTP {response.status}")
    return response


def _read_feed(url: str) -> Feed:
    response = _get(url)
    return parse_feed(response.body, response.url)


def _discover(page_url: str, page: Response) -> tuple[str, Feed]:
    """The first feed the page names that reads, and its URL."""
    links = feed_links(page.body, page.url)
    if not links:
        raise SourceError(
            f"{page_url} is a web page that names no feed "
            '(no <link rel="alternate"> to an RSS, Atom or JSON feed)'
        )
    reasons = []
    for link in links[:MAX_FEEDS_TRIED]:
        try:
            return link, _read_feed(link)
        except (FetchError, FeedError) as error:
            reasons.append(f"{link}: {error}")
    raise SourceError(f"{page_url} names no feed Herald can read: " + "; ".join(reasons))


def add_source(feed_url: str, name: str = "", display: str = "") -> Source:
    """Add the feed at feed_url, or the first readable feed the page at feed_url names."""
    url = check_feed_url(feed_url)
    _refuse_known(url)
    _refuse_taken_down(url)
    homepage = ""
    try:
        response = _get(url)
        if is_page(response.body, response.headers.get("content-type", "")):
            homepage = url
            url, feed = _discover(url, response)
            _refuse_known(url)
        else:
            feed = parse_feed(response.body, response.url)
    except (FetchError, FeedError) as error:
        raise SourceError(f"{url}: {error}") from None
    if not homepage and is_http_url(feed.link):
        homepage = feed.link
    # The feed a page named, or the site a feed names, may be on a host that was taken down.
    _refuse_taken_down(url, homepage)
    source = Source(
        feed_url=url,
        name=(name or feed.title or urlsplit(url).hostname or url)[:200],
        homepage=homepage,
        language=feed.language[:16],
    )
    if display:
        source.display = display
    source.full_clean()
    source.save()
    return source
