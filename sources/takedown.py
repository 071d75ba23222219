"""Takedowns: an outlet that asks to be removed loses its source and every article Herald kept of
it, and its hosts are refused from then on wherever a source can be added."""

from urllib.parse import urlsplit

from django.db import transaction

from articles import cluster
from articles.models import Article, Story
from sources.models import Source, Takedown


def normal_host(host: str) -> str:
    # www.example.com and example.com are one outlet.
    return host.strip().lower().rstrip(".").removeprefix("www.")


def host_of(url: str) -> str:
    try:
        return normal_host(urlsplit(url.strip()).hostname or "")
    except ValueError:
        return ""


def hosts_of(source: Source) -> list[str]:
    """The feed's host and the homepage's host."""
    hosts = [host_of(source.feed_url), host_of(source.homepage)]
    return list(dict.fromkeys(h for h in hosts if h))


def refusal(*urls: str) -> str:
    """Why these URLs may not be added ("" if they may): one of their hosts was taken down."""
    hosts = {h for h in map(host_of, urls) if h}
    if not hosts:
        return ""
    takedown = Takedown.objects.filter(host__in=hosts).first()
    if takedown is None:
        return ""
    return (
        f"{takedown.host} was taken down on {takedown.requested_at:%Y-%m-%d}: "
        "Herald does not gather from it again"
    )


def taken_down_hosts() -> set[str]:
    """Every host taken down, for checking many URLs at once (an OPML import)."""
    return set(Takedown.objects.values_list("host", flat=True))


@transaction.atomic
def take_down(source: Source, reason: str, by: str) -> list[Takedown]:
    """Record a takedown for the source's hosts, then delete every source on those hosts (an
    outlet may have a feed per section) with all their articles. The stories those articles
    were part of are counted again (or go, if nothing is left)."""
    hosts = set(hosts_of(source))
    takedowns = []
    for host in hosts:
        takedown, _ = Takedown.objects.get_or_create(
            host=host, defaults={"name": source.name, "reason": reason, "by": by}
        )
        takedowns.append(takedown)
    outlet = [s.pk for s in Source.objects.all() if hosts & set(hosts_of(s))]
    articles = Article.objects.filter(source__in=outlet, story__isnull=False)
    story_ids = list(articles.values_list("story", flat=True).distinct())
    Source.objects.filter(pk__in=outlet).delete()  # their articles go with them (CASCADE)
    for story in Story.objects.filter(pk__in=story_ids):
        cluster.refresh_story(story)
    return takedowns
