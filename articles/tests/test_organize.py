"""Organizing, end to end: the demo newswire gathered over real HTTP, then each new article given
its section and story by the same step the worker runs; and the step claimed once per article."""

import pytest
from django.utils import timezone

from articles.models import Article, Section, SectionBy, Story
from articles.organize import claim, handle_one_organize, organize_article, unorganized_ids
from herald.testing import race
from sources.models import Source
from sources.newswire import seed_newswire
from sources.tasks import poll


@pytest.fixture(scope="module")
def wire(served_wire):
    return served_wire


@pytest.fixture
def organized(wire, db, settings):
    """The whole wire polled through the poll task, which organizes what each poll created."""
    settings.FETCH_ALLOW = [f"127.0.0.1:{wire.port}"]
    seed_newswire(wire.url)
    for pk in Source.objects.values_list("pk", flat=True):
        poll.enqueue(pk)
    return {a.guid: a for a in wire.wire.articles}


def test_every_article_of_the_wire_is_organized(organized):
    assert Article.objects.count() == len(organized)
    assert not Article.objects.filter(organized_at__isnull=True).exists()
    assert not Article.objects.filter(story__isnull=True).exists()
    assert unorganized_ids(timezone.now()) == []


def test_every_seeded_section_gets_the_articles_the_outlets_filed_under_it(organized):
    for section in Section.objects.all():
        assert section.articles.exists(), section.slug
    wrong = [
        (a.guid, a.section and a.section.slug, organized[a.guid].section)
        for a in Article.objects.select_related("section")
        if (a.section and a.section.slug) != organized[a.guid].section
    ]
    assert wrong == []
    assert set(Article.objects.values_list("section_by", flat=True)) == {SectionBy.RULE}


def test_an_event_covered_by_several_outlets_is_one_story(organized):
    stories: dict[str, set[int]] = {}
    for article in Article.objects.all():
        stories.setdefault(organized[article.guid].event_id, set()).add(article.story_id)
    split = {event: ids for event, ids in stories.items() if len(ids) > 1}
    assert len(split) <= len(stories) // 20, split  # at most one event in twenty split up
    events_of_story: dict[int, set[str]] = {}
    for article in Article.objects.all():
        events_of_story.setdefault(article.story_id, set()).add(organized[article.guid].event_id)
    assert [events for events in events_of_story.values() if len(events) > 1] == []


def test_a_copy_is_marked_as_a_copy_of_what_it_copies(organized):
    copies = [a for a in organized.values() if a.coverage == "copied"]
    assert copies
    marked = Article.objects.filter(guid__in=[a.guid for a in copies], duplicate_of__isnull=False)
    assert marked.count() >= 0.9 * len(copies)


@pytest.fixture
def source(db):
    return Source.objects.create(feed_url="https://outlet.example/feed", name="Outlet")


def _article(source, n, text="The council met on Tuesday and voted on the budget."):
    return Article.objects.create(
        source=source, guid=str(n), url=f"https://outlet.example/{n}", title=f"Story {n}",
        published_at=timezone.now(), content_text=text,
    )  # fmt: skip


def test_an_article_is_organized_once(source):
    article = _article(source, 1)
    assert organize_article(article.pk) is True
    assert organize_article(article.pk) is False
    assert Story.objects.count() == 1
    assert handle_one_organize() is False


def test_a_lapsed_claim_is_taken_again(source):
    article = _article(source, 1)
    now = timezone.now()
    assert claim(article.pk, now) is not None
    assert claim(article.pk, now) is None  # another worker holds it
    assert unorganized_ids(now) == []
    later = now + timezone.timedelta(minutes=6)  # that worker died: its lease ran out
    assert unorganized_ids(later) == [article.pk]
    assert organize_article(article.pk, later) is True


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_one_article_organize_it_once():
    source = Source.objects.create(feed_url="https://outlet.example/feed", name="Outlet")
    article = _article(source, 1)
    results = race(organize_article, [article.pk] * 4)
    assert sorted(results) == [False, False, False, True]
    assert Story.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_copies_arriving_at_once_on_two_workers_join_one_story():
    text = " ".join(
        f"Paragraph {n}: the harbour authority said on Monday that ferry services to the "
        f"northern islands would resume after the storm damaged berth {n} was repaired."
        for n in range(12)
    )
    first = Source.objects.create(feed_url="https://one.example/feed", name="One")
    second = Source.objects.create(feed_url="https://two.example/feed", name="Two")
    a, b = _article(first, 1, text), _article(second, 2, text)
    assert race(organize_article, [a.pk, b.pk]) == [True, True]
    a.refresh_from_db(), b.refresh_from_db()
    assert a.story_id == b.story_id
    assert Story.objects.get().outlet_count == 2
