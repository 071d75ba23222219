import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from articles.models import Article
from herald.testing import race, rss
from sources.hosts import acquire
from sources.models import HostSlot, Source
from sources.poll import (
    CLAIM_LEASE,
    HOST_BUSY_WAIT,
    claim,
    due_source_ids,
    handle_one_poll,
    poll_source,
)

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


class NoJitter:
    """Randomness pinned to the middle, so schedules can be checked to the second."""

    def uniform(self, a, b):
        return 1.0


def test_new_entries_make_the_next_poll_come_sooner(source):
    now = timezone.now()
    poll_source(source.pk, now=now, rng=NoJitter())
    source.refresh_from_db()
    assert source.poll_interval == 1800 * 0.75
    assert source.next_poll_at == now + timedelta(seconds=1350)
    assert source.last_success_at == now and source.error_count == 0


def test_a_quiet_feed_is_polled_less_often_within_the_bounds(source):
    poll_source(source.pk)
    for _ in range(15):
        poll_source(source.pk, force=True)
    source.refresh_from_db()
    assert source.poll_interval == source.max_interval == 24 * 3600


def test_a_busy_feed_is_polled_no_more_often_than_the_shortest_interval(source):
    source.poll_interval = source.min_interval + 1
    source.save()
    poll_source(source.pk, rng=NoJitter())
    assert Source.objects.get().poll_interval == source.min_interval


def test_the_schedule_is_jittered(source, feed_server):
    nexts = set()
    for n in range(5):
        feed_server.serve(
            "/feed.xml", rss([ITEMS[0] | {"guid": f"j{n}", "link": f"https://o.example/j{n}"}])
        )
        poll_source(source.pk, force=True)
        source.refresh_from_db()
        nexts.add(
            round(
                (source.next_poll_at - source.last_polled_at).total_seconds()
                / source.poll_interval,
                3,
            )
        )
    assert len(nexts) > 1 and all(0.9 <= n <= 1.1 for n in nexts)


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
    result = poll_source(source.pk, now=now, rng=NoJitter())
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
    source.error_count = 30
    assert source.error_backoff() == Source.MAX_BACKOFF


def test_handle_one_poll_takes_the_due_source(source):
    assert handle_one_poll() is True
    assert Article.objects.count() == 3
    assert handle_one_poll() is False


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_one_due_source_poll_it_once(feed_server):
    url = feed_server.serve("/feed.xml", rss(ITEMS))
    source = Source.objects.create(feed_url=url, name="Raced", next_poll_at=timezone.now())
    results = race(poll_source, [source.pk, source.pk])
    assert sorted(r.claimed for r in results) == [False, True]
    assert feed_server.hits["/feed.xml"] == 1
    assert Article.objects.count() == 3


def test_it_asks_conditionally_and_a_304_changes_nothing(source, feed_server):
    feed_server.serve(
        "/feed.xml",
        rss(ITEMS),
        headers={"ETag": '"v1"', "Last-Modified": "Sat, 28 Nov 2026 10:00:00 GMT"},
    )
    poll_source(source.pk)
    again = poll_source(source.pk, force=True)
    assert again.status == 304 and not again.error and again.created == []
    _, headers = feed_server.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Sat, 28 Nov 2026 10:00:00 GMT"
    source.refresh_from_db()
    assert source.etag == '"v1"' and source.error_count == 0 and source.last_status == 304
    assert Article.objects.count() == 3


def test_retry_after_is_a_minimum_wait(source, feed_server):
    feed_server.serve(
        "/feed.xml", "busy", status=503, content_type="text/plain", headers={"Retry-After": "86400"}
    )
    now = timezone.now()
    result = poll_source(source.pk, now=now)
    assert result.error == "the server answered HTTP 503"
    source.refresh_from_db()
    assert source.next_poll_at == now + timedelta(days=1)  # past the 1-hour backoff


def test_cache_control_asks_for_a_longer_wait_within_the_bounds(source, feed_server):
    feed_server.serve("/feed.xml", rss(ITEMS), headers={"Cache-Control": "public, max-age=7200"})
    now = timezone.now()
    poll_source(source.pk, now=now, rng=NoJitter())
    assert Source.objects.get().next_poll_at == now + timedelta(hours=2)
    feed_server.serve("/feed.xml", rss(ITEMS), headers={"Cache-Control": "max-age=999999"})
    poll_source(source.pk, now=now, force=True, rng=NoJitter())
    assert Source.objects.get().next_poll_at == now + timedelta(seconds=source.max_interval)


def test_the_feeds_ttl_is_honoured(source, feed_server):
    body = rss(ITEMS).replace("<language>en</language>", "<language>en</language><ttl>180</ttl>")
    feed_server.serve("/feed.xml", body)
    now = timezone.now()
    poll_source(source.pk, now=now, rng=NoJitter())
    assert Source.objects.get().next_poll_at == now + timedelta(minutes=180)


def test_410_gone_disables_the_source(source, feed_server):
    feed_server.serve("/feed.xml", "gone", status=410, content_type="text/plain")
    poll_source(source.pk)
    source.refresh_from_db()
    assert not source.is_active and source.disabled_reason == "the feed is gone (HTTP 410)"
    assert due_source_ids(timezone.now() + timedelta(days=30)) == []


def test_a_failing_source_is_never_silently_abandoned(source, feed_server):
    feed_server.serve("/feed.xml", "oops", status=500, content_type="text/plain")
    now = timezone.now()
    for _ in range(20):
        poll_source(source.pk, now=now, force=True, rng=NoJitter())
    source.refresh_from_db()
    assert source.is_active and source.error_count == 20
    assert source.next_poll_at == now + Source.MAX_BACKOFF


def test_a_permanent_redirect_moves_the_source(source, feed_server):
    new_url = feed_server.serve("/new-feed.xml", rss(ITEMS))
    feed_server.redirect("/feed.xml", "/new-feed.xml", status=301)
    poll_source(source.pk)
    assert Source.objects.get().feed_url == new_url


def test_a_temporary_redirect_does_not(source, feed_server):
    feed_server.serve("/elsewhere.xml", rss(ITEMS))
    old_url = source.feed_url
    feed_server.redirect("/feed.xml", "/elsewhere.xml", status=302)
    poll_source(source.pk)
    assert Source.objects.get().feed_url == old_url
    assert Article.objects.count() == 3


def test_every_poll_is_logged(source, feed_server):
    poll_source(source.pk)
    feed_server.serve("/feed.xml", "nope", status=500, content_type="text/plain")
    poll_source(source.pk, force=True)
    failed, succeeded = source.fetch_log.all()
    assert (succeeded.status, succeeded.entries, succeeded.created, succeeded.error) == (
        200,
        3,
        3,
        "",
    )
    assert succeeded.bytes > 0
    assert (failed.status, failed.error) == (500, "the server answered HTTP 500")


def test_a_busy_host_defers_the_poll(source, settings):
    settings.FETCH_PER_HOST = 1
    now = timezone.now()
    held = acquire("127.0.0.1", now)
    result = poll_source(source.pk, now=now, rng=NoJitter())
    assert result.deferred and str(result) == "deferred: its host is busy with other polls"
    assert Source.objects.get().next_poll_at == now + timedelta(seconds=HOST_BUSY_WAIT)
    held.delete()
    assert poll_source(source.pk, now=now + timedelta(seconds=HOST_BUSY_WAIT)).created


@pytest.mark.django_db(transaction=True)
def test_no_more_than_the_limit_of_requests_reach_one_host_at_once(settings):
    settings.FETCH_PER_HOST = 2
    release = threading.Event()
    state = {"now": 0, "most": 0}
    lock = threading.Lock()

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self):
            with lock:
                state["now"] += 1
                state["most"] = max(state["most"], state["now"])
            release.wait(10)
            body = rss(ITEMS).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with lock:
                state["now"] -= 1

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    settings.FETCH_ALLOW = [f"127.0.0.1:{port}"]
    ids = [
        Source.objects.create(feed_url=f"http://127.0.0.1:{port}/{n}.xml", name=f"S{n}").pk
        for n in range(4)
    ]
    results = []

    def worker(pk):
        from django.db import connection

        try:
            results.append(poll_source(pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in ids]
    for thread in threads:
        thread.start()
    # The two that found the host busy return at once; then let the two in flight finish.
    deadline = threading.Event()
    for _ in range(200):
        if sum(r.deferred for r in results) == 2:
            break
        deadline.wait(0.05)
    release.set()
    for thread in threads:
        thread.join()
    server.shutdown()
    server.server_close()
    assert state["most"] == 2
    assert sorted(r.deferred for r in results) == [False, False, True, True]
    assert not HostSlot.objects.exists()
