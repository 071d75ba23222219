"""Hostile feed servers against real `herald worker` processes: a server that hangs, one that
resets the connection, one that answers 500, one that answers 429 with Retry-After. Each failure
is logged, the source backs off further each time (never sooner than Retry-After) and nothing
else of it changes; a hanging host holds no more than FETCH_PER_HOST fetches, and the sources of
other hosts are polled meanwhile. The single-process schedule arithmetic is in
sources/tests/test_poll.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from herald.tasks import enqueue_due_polls
from herald.testing import rss, wait_for
from herald.testing_hostile import HostileServer
from herald.tests import test_faults_work as work
from sources.models import FetchLog, Source

pytestmark = [pytest.mark.process, pytest.mark.django_db(transaction=True)]

# The workers and their queue, as in the kill tests.
worker_env = work.worker_env
workers = work.workers

# What a failed poll must leave as it was: the editor's settings and what the last good poll
# learned.
KEPT = [
    "name", "feed_url", "etag", "last_modified", "last_success_at", "poll_interval",
    "is_active", "fetch_pages",
]  # fmt: skip
DAY = timedelta(days=1)


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.stop()


def known_source(url: str, name: str) -> Source:
    """A source polled well before: validators, a last success, an article."""
    source = Source.objects.create(
        feed_url=url,
        name=name,
        etag='"v7"',
        last_modified="Sat, 28 Nov 2026 10:00:00 GMT",
        last_success_at=timezone.now() - DAY,
        next_poll_at=timezone.now(),
    )
    Article.objects.create(
        source=source, guid="kept", url="https://outlet.example/kept", title="Kept",
        published_at=timezone.now() - DAY, content_text="What the last good poll stored.",
    )  # fmt: skip
    return source


def polls_logged(count: int):
    return lambda: FetchLog.objects.count() == count


def state(source: Source) -> tuple[dict, list]:
    row = Source.objects.filter(pk=source.pk).values(*KEPT).get()
    return row, list(source.articles.values("guid", "title", "content_text", "revision"))


def test_each_hostile_answer_is_logged_and_backs_off_and_nothing_else_changes(
    feed_server, hostile, workers, worker_env
):
    worker_env |= {
        "FETCH_ALLOW": f"127.0.0.1:{feed_server.port},{hostile.host_port}",
        "FETCH_READ_TIMEOUT": "2",  # the hanging server is cut off after two seconds
        "FETCH_TIMEOUT": "10",
        "FETCH_PER_HOST": "4",
    }
    busy = {"Retry-After": str(2 * 86400)}
    sources = {
        "hang": known_source(hostile.hang("/hang.xml"), "Hangs"),
        "reset": known_source(hostile.reset("/reset.xml"), "Resets"),
        "500": known_source(feed_server.serve("/500.xml", "oops", 500, "text/plain"), "Fails"),
        "429": known_source(
            feed_server.serve("/429.xml", "slow down", 429, "text/plain", headers=busy), "Busy"
        ),
    }
    before = {name: state(source) for name, source in sources.items()}
    workers()
    waits: dict[str, list[timedelta]] = {name: [] for name in sources}
    for polls in (1, 2):
        if polls == 2:
            work.leases_run_out()  # the backoff waited out
        assert enqueue_due_polls() == 4
        wait_for(polls_logged(4 * polls), 60, f"poll round {polls}")
        for name, source in sources.items():
            source.refresh_from_db()
            log = source.fetch_log.order_by("-at").first()
            assert (source.error_count, source.last_error) == (polls, log.error), name
            waits[name].append(source.next_poll_at - source.last_polled_at)
            assert state(source) == before[name], name  # nothing else of the source changed

    logged = {
        name: list(source.fetch_log.values_list("status", "error"))
        for name, source in sources.items()
    }
    assert logged["hang"] == [(None, "the server did not answer in time")] * 2
    assert [status for status, _ in logged["reset"]] == [None, None]
    assert all("reset by peer" in error for _, error in logged["reset"]), logged["reset"]
    assert logged["500"] == [(500, "the server answered HTTP 500")] * 2
    assert logged["429"] == [(429, "the server answered HTTP 429")] * 2
    # Backoff grows with each failure (jitter is 10%, each step doubles)...
    for name in ("hang", "reset", "500"):
        first, second = waits[name]
        assert timedelta(minutes=30) < first < second, name
    # ...and Retry-After is a minimum, far past the backoff.
    assert all(wait >= 2 * DAY for wait in waits["429"])
    # One request per poll: no retries hammering a failing host.
    assert hostile.hits == {"/hang.xml": 2, "/reset.xml": 2}
    assert (feed_server.hits["/500.xml"], feed_server.hits["/429.xml"]) == (2, 2)


def test_a_hanging_host_holds_no_more_than_its_limit_and_other_hosts_are_polled_meanwhile(
    feed_server, workers, worker_env
):
    # A host of its own for the per-host limit: 127.0.0.2 is not 127.0.0.1.
    hanging = HostileServer("127.0.0.2")
    try:
        worker_env |= {
            "FETCH_ALLOW": f"127.0.0.1:{feed_server.port},{hanging.host_port}",
            "FETCH_PER_HOST": "2",
            # Long enough that the hang lasts until the test lets go.
            "FETCH_READ_TIMEOUT": "120",
            "FETCH_TIMEOUT": "180",
        }
        start = timezone.now()
        stuck = [
            Source.objects.create(
                feed_url=hanging.hang(f"/{n}.xml"),
                name=f"Hangs {n}",
                next_poll_at=start - timedelta(minutes=10 - n),
            )
            for n in range(5)
        ]
        entries = work.items("https://healthy.example", 3)
        healthy = Source.objects.create(
            feed_url=feed_server.serve("/feed.xml", rss(entries)),
            name="Healthy",
            next_poll_at=start,
        )
        # Two processes of two threads: four threads, a limit of two for the hanging host.
        racers = [workers(), workers()]
        assert enqueue_due_polls() == 6  # the healthy source last

        def deferred() -> int:
            """Sources of the hanging host that found it busy and come back in a moment."""
            soon = timezone.now() + timedelta(minutes=1)
            waiting = Source.objects.filter(pk__in=[s.pk for s in stuck])
            return waiting.filter(next_poll_at__gt=start, next_poll_at__lt=soon).count()

        wait_for(
            lambda: healthy.fetch_log.exists() and (deferred() == 3 or hanging.in_flight > 2),
            90,
            "the healthy source polled while three sources wait for the hanging host",
        )
        # Two fetches hang, no more; the other threads went on to other work.
        assert (hanging.in_flight, hanging.most_in_flight) == (2, 2)
        [ok] = healthy.fetch_log.all()
        assert (ok.status, ok.created, ok.error) == (200, 3, "")
        assert healthy.articles.count() == 3

        hanging.let_go()  # the host gives up its connections, unanswered
        wait_for(
            lambda: FetchLog.objects.filter(source__in=stuck).count() == 5,
            90,
            "every source of the hanging host polled in turn",
        )
        work.finish(*racers)
    finally:
        hanging.stop()
    assert hanging.most_in_flight == 2
    assert hanging.hits == {f"/{n}.xml": 1 for n in range(5)}  # a deferred poll asks nothing
    for source in stuck:
        source.refresh_from_db()
        [log] = source.fetch_log.all()
        assert log.status is None and log.error.startswith("the fetch failed")
        assert source.error_count == 1 and source.next_poll_at > timezone.now() + timedelta(
            minutes=30
        )
