import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from herald.testing import rss
from sources.models import Source
from sources.poll import CLAIM_LEASE, claim, due_source_ids, handle_one_poll, poll_source

ITEMS = [
    {
        "guid": f"urn:test:{n}",
        "title": f"Story number {n}",
        "link": f"https://outlet.example/story-{n}",
        "description": f"Summary of story {n}.",
        "content": f"<p>Full text of story {n}.</p><script>alert(1)</script>",
        "author": "Ada Writer",
        "pubDate": "Mon, 23 Nov 2026 08:00:00 GMT",
    }
    for n in range(3)
]


@pytest.fixture
def source(feed_server, db):
    url = feed_server.serve("/feed.xml", rss(ITEMS))
    return Source.objects.create(feed_url=url, name="Test Outlet", next_poll_at=timezone.now())


def test_it_stores_each_entry_as_an_article(source):
    result = poll_source(source.pk)
    assert result.claimed and not result.error
    assert len(result.created) == 3
    article = Article.objects.get(guid="urn:test:1")
    assert article.title == "Story number 1"
    assert article.author == "Ada Writer"
    assert article.url == "https://outlet.example/story-1"
    assert article.summary == "Summary of story 1."
    assert "Full text of story 1." in article.content_html
    assert "<script" not in article.content_html and "alert" not in article.content_html
    assert article.published_at.isoformat() == "2026-11-23T08:00:00+00:00"


def test_it_creates_nothing_when_the_feed_is_polled_again(source, feed_server):
    poll_source(source.pk)
    second = poll_source(source.pk, force=True)
    assert second.claimed and second.entries == 3 and second.created == []
    assert Article.objects.count() == 3
    assert feed_server.hits["/feed.xml"] == 2


def test_it_schedules_the_next_poll_after_the_interval(source):
    now = timezone.now()
    poll_source(source.pk, now=now)
    source.refresh_from_db()
    assert source.next_poll_at == now + timedelta(seconds=source.poll_interval)
    assert source.last_success_at == now and source.error_count == 0


def test_it_skips_a_source_that_is_not_due(source, feed_server):
    source.next_poll_at = timezone.now() + timedelta(minutes=5)
    source.save()
    assert not poll_source(source.pk).claimed
    assert feed_server.hits["/feed.xml"] == 0


def test_a_claim_holds_the_source_for_the_lease(source):
    now = timezone.now()
    assert claim(source.pk, now) is not None
    assert claim(source.pk, now) is None
    source.refresh_from_db()
    assert source.next_poll_at == now + CLAIM_LEASE
    # A worker that died holding the claim: once the lease runs out, the source is due again.
    assert due_source_ids(now + CLAIM_LEASE) == [source.pk]


def test_it_records_a_broken_feed_and_stores_nothing(source, feed_server):
    feed_server.serve(
        "/feed.xml", "<html><body>Not a feed at all</body></html>", content_type="text/html"
    )
    now = timezone.now()
    result = poll_source(source.pk, now=now)
    assert result.error.startswith("not a")
    source.refresh_from_db()
    assert source.error_count == 1 and source.last_error == result.error
    assert source.next_poll_at == now + timedelta(seconds=2 * source.poll_interval)
    assert source.is_active  # a failing source keeps being retried
    assert Article.objects.count() == 0


def test_it_records_an_http_error(source, feed_server):
    feed_server.serve("/feed.xml", "gone fishing", status=503, content_type="text/plain")
    result = poll_source(source.pk)
    assert result.error == "the server answered HTTP 503"
    assert Source.objects.get().error_count == 1


def test_errors_back_off_up_to_a_cap(source):
    now = timezone.now()
    source.error_count = 30
    assert source.next_poll_after_error(now) == now + Source.MAX_BACKOFF


def test_handle_one_poll_takes_the_due_source(source):
    assert handle_one_poll() is True
    assert Article.objects.count() == 3
    assert handle_one_poll() is False


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_one_due_source_poll_it_once(feed_server):
    url = feed_server.serve("/feed.xml", rss(ITEMS))
    source = Source.objects.create(feed_url=url, name="Raced", next_poll_at=timezone.now())
    start = threading.Barrier(2)
    results = []

    def worker():
        from django.db import connection

        start.wait()
        try:
            results.append(poll_source(source.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.claimed for r in results) == [False, True]
    assert feed_server.hits["/feed.xml"] == 1
    assert Article.objects.count() == 3
