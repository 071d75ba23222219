"""Related stories under an article: other stories that read like it, in its language and from
around its time, one article each, newest first, and computed again when its story changes. The
stories are made here article by article, so that what is linked does not hang on clustering."""

from datetime import UTC, datetime, timedelta

import pytest

from articles import cluster, related
from articles.models import Article, RelatedArticle, Story
from newswire.stories import EVENTS, spin
from sources.models import Source

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
EVENT = {e.id: e for e in EVENTS}
LEVY = EVENT["pol-harbour-levy"]
CUP = EVENT["spo-cup-final"]


@pytest.fixture
def source():
    return Source.objects.create(feed_url="https://courier.example/feed", name="Courier")


def publish(source, event, variant=0, at=NOW, language="en") -> Article:
    n = Article.objects.count()
    return Article.objects.create(
        source=source, guid=f"a{n}", url=f"https://courier.example/{n}",
        title=event.headlines[min(variant, len(event.headlines) - 1)],
        content_text="\n\n".join(spin(p, variant) for p in event.paragraphs),
        published_at=at, language=language,
    )  # fmt: skip


def story_of(*articles: Article) -> Story:
    first = min(a.published_at for a in articles)
    story = Story.objects.create(
        language=articles[0].language, first_published_at=first, last_published_at=first
    )
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(story=story)
    for article in articles:
        article.story = story
    return cluster.refresh_story(story)


def links(article: Article) -> list[Article]:
    related.refresh_related(article, NOW)
    return [link.related for link in RelatedArticle.objects.filter(article=article)]


def test_it_links_a_story_that_reads_alike(source):
    article = publish(source, LEVY)
    story_of(article)
    other = publish(source, LEVY, variant=1, at=NOW - timedelta(hours=5))
    story_of(other)
    assert links(article) == [other]


def test_it_leaves_out_stories_that_read_otherwise(source):
    article = publish(source, LEVY)
    story_of(article)
    story_of(publish(source, CUP))
    assert links(article) == []


def test_it_never_links_the_articles_own_story(source):
    article = publish(source, LEVY)
    story_of(article, publish(source, LEVY, variant=1), publish(source, LEVY, variant=2))
    assert links(article) == []


def test_it_links_one_article_of_a_story_its_headline(source):
    article = publish(source, LEVY)
    story_of(article)
    others = [publish(source, LEVY, v, at=NOW - timedelta(hours=v)) for v in (1, 2, 3)]
    other = story_of(*others)
    assert links(article) == [other.headline] == [others[-1]]  # the earliest


def test_it_links_no_story_whose_headline_an_editor_hid(source):
    article = publish(source, LEVY)
    story_of(article)
    hidden = publish(source, LEVY, variant=1)
    story_of(hidden)
    Article.objects.filter(pk=hidden.pk).update(is_hidden=True)
    assert links(article) == []


def test_it_links_stories_in_the_articles_language_only(source):
    article = publish(source, LEVY)
    story_of(article)
    story_of(publish(source, LEVY, variant=1, language="es"))
    assert links(article) == []


def test_it_links_no_story_from_weeks_before(source):
    article = publish(source, LEVY)
    story_of(article)
    story_of(publish(source, LEVY, variant=1, at=NOW - timedelta(days=21)))
    assert links(article) == []


def test_it_links_at_most_five_stories_newest_first(source):
    article = publish(source, LEVY)
    story_of(article)
    for variant in range(1, 8):
        story_of(publish(source, LEVY, variant, at=NOW - timedelta(hours=variant * 7 % 8)))
    found = links(article)
    assert len(found) == related.LINKS == 5
    assert [a.published_at for a in found] == sorted((a.published_at for a in found), reverse=True)
    assert len({a.story_id for a in found}) == 5


def test_it_links_the_stories_again_when_its_story_changes(source):
    article = publish(source, LEVY)
    own = story_of(article)
    other = story_of(publish(source, LEVY, variant=1))
    assert links(article) == [other.headline]
    cluster.merge_stories(own, other)
    assert RelatedArticle.objects.filter(article=article).count() == 0  # one story now
    cluster.split_story(own, [article.pk])
    assert [link.related for link in RelatedArticle.objects.filter(article=article)] == [
        other.headline
    ]
