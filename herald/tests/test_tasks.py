from datetime import datetime, timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from articles.models import Article, ClassifierVersion, Post, Section, SectionBy
from herald.tasks import (
    enqueue_due_polls,
    tick_organize,
    tick_polls,
    tick_posts,
    tick_retrain,
)
from herald.testing import rss
from sources.hosts import acquire
from sources.models import Source
from sources.tasks import poll

FEED = rss([{"guid": "1", "title": "One", "link": "https://o.example/1"}])


def test_the_tick_enqueues_a_poll_for_each_due_source_only(feed_server, db):
    due = Source.objects.create(feed_url=feed_server.serve("/due.xml", FEED), name="Due")
    later = Source.objects.create(
        feed_url=feed_server.serve("/later.xml", FEED),
        name="Later",
        next_poll_at=timezone.now() + timedelta(hours=1),
    )
    assert enqueue_due_polls() == 1
    assert feed_server.hits == {"/due.xml": 1}
    assert due.articles.count() == 1 and later.articles.count() == 0


def test_the_tick_is_a_huey_periodic_task_run_every_minute(db):
    every_minute = [datetime(2026, 11, 29, 12, minute) for minute in (0, 1, 37)]
    for moment in every_minute:
        assert tick_polls.s().name in [task.name for task in HUEY.read_periodic(moment)]
    assert tick_polls.call_local() == 0  # nothing due: nothing enqueued


def test_a_poll_task_goes_through_djangos_task_interface(feed_server, db):
    source = Source.objects.create(feed_url=feed_server.serve("/f.xml", FEED), name="Outlet")
    result = poll.enqueue(source.pk)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "HTTP 200, 1 entries, 1 new articles"
    assert Article.objects.count() == 1


def test_a_deferred_poll_comes_back_by_itself_when_due(feed_server, db, settings):
    settings.FETCH_PER_HOST = 1
    source = Source.objects.create(feed_url=feed_server.serve("/f.xml", FEED), name="Outlet")
    held = acquire("127.0.0.1", timezone.now())
    try:
        HUEY.storage.flush_schedule()
        result = poll.enqueue(source.pk)
        result.refresh()
        assert result.return_value == "deferred: its host is busy with other polls"
        (again,) = HUEY.scheduled()
        source.refresh_from_db()
        assert abs(again.eta - source.next_poll_at.replace(tzinfo=None)) < timedelta(seconds=1)
    finally:
        held.delete()


def test_the_schedule_organizes_publishes_and_retrains(db):
    names = {task.name for task in HUEY.read_periodic(datetime(2026, 11, 29, 12, 15))}
    assert {tick_organize.s().name, tick_posts.s().name} <= names
    hourly = {task.name for task in HUEY.read_periodic(datetime(2026, 11, 29, 12, 17))}
    assert tick_retrain.s().name in hourly and tick_retrain.s().name not in names


def test_the_organize_tick_finds_articles_whose_task_was_lost(db):
    source = Source.objects.create(feed_url="https://o.example/feed", name="Outlet")
    article = Article.objects.create(
        source=source, guid="1", url="https://o.example/1", title="Lost",
        published_at=timezone.now(),
    )  # fmt: skip
    assert tick_organize.call_local() == 1
    article.refresh_from_db()
    assert article.organized_at is not None and article.story_id is not None
    assert tick_organize.call_local() == 0


def test_the_posts_tick_publishes_a_post_whose_time_has_come(db):
    due = Post.objects.create(
        title="Due", slug="due", body="x", status=Post.Status.SCHEDULED,
        publish_at=timezone.now() - timedelta(minutes=1),
    )  # fmt: skip
    assert tick_posts.call_local() == 1
    due.refresh_from_db()
    assert due.status == Post.Status.PUBLISHED and due.published_at == due.publish_at


def test_the_retrain_tick_learns_from_labels_once(db):
    source = Source.objects.create(feed_url="https://o.example/feed", name="Outlet")
    labels = [("sports", "goal match striker league"), ("business", "shares profit bank")]
    for slug, words in labels:
        section = Section.objects.get(slug=slug)
        for n in range(6):
            Article.objects.create(
                source=source, guid=f"{slug}{n}", url=f"https://o.example/{slug}/{n}",
                title=f"{words} {n}", content_text=f"{words} " * 20, published_at=timezone.now(),
                section=section, section_by=SectionBy.RULE,
            )  # fmt: skip
    assert tick_retrain.call_local().startswith("v")
    assert ClassifierVersion.objects.count() == 1
    assert tick_retrain.call_local() == "labels unchanged"
