"""Workers killed mid-work, and workers racing: real `herald worker` processes on the test database
and a real queue, killed with SIGKILL at a named point (herald/lib/faults.py) in the middle of a
poll, an ingest and a mailing. A new worker and the periodic ticks (called here, as the scheduler
would once the leases have run out) finish the work: nothing lost, nothing done twice."""

import os
import re
import signal
import uuid
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta
from random import Random

import pytest
from django.core.cache import cache
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from articles.models import Article, Section, Story
from articles.tests.pages import PARAGRAPHS, article_page
from herald.tasks import enqueue_due_digests, enqueue_due_polls, enqueue_unorganized, tick_send
from herald.testing import race, rss, wait_for
from herald.tests.test_processes import Herald, database_url
from newsletter.digest import queue_due_digests
from newsletter.models import Delivery, Pace, Subscriber
from newsletter.tests.helpers import reader, received_by, section, story_in
from sources.models import FetchLog, HostSlot, Source
from sources.tasks import poll

# What organize_article logs once it is done with an article (articles/organize.py).
ORGANIZED = re.compile(r"article (\d+): section")
WORDS = " ".join(PARAGRAPHS).split()


# --- real workers on a real queue ---------------------------------------------------------------


@contextmanager
def shared_queue(name: str, data_dir):
    """Tasks enqueued by this process (the ticks) go to the queue the started workers consume,
    not inline as elsewhere in the tests: the same SQLite file, or the same Redis."""
    HUEY.immediate = False
    options = dict(HUEY.storage_kwargs)
    if "filename" in options:
        options["filename"] = str(data_dir / "queue.sqlite3")  # where a worker's settings put it
    HUEY.storage = HUEY.storage_class(name, **options)
    try:
        yield
    finally:
        HUEY.storage.flush_all()
        HUEY.immediate = True


@pytest.fixture
def worker_env(tmp_path, settings):
    """The environment of the workers a test starts; the test adds FETCH_ALLOW, EMAIL_URL..."""
    name = f"faults-{uuid.uuid4().hex[:8]}"
    cache.clear()  # robots.txt answers are cached per host, and test servers reuse ports
    env = {
        "DJANGO_SETTINGS_MODULE": "herald.settings",
        "DATABASE_URL": database_url(),
        "HERALD_DATA_DIR": str(tmp_path),
        "SECRET_KEY": settings.SECRET_KEY,
        "HUEY_QUEUE": name,
        "NEWSWIRE": "0",
        "FETCH_ALLOW": "",
        "NEWSLETTER_SEND_RATE": "0",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    with shared_queue(name, tmp_path):
        yield env


@pytest.fixture
def workers(worker_env):
    """start(kill_at="name:n", threads=2) starts a `herald worker`; all are stopped at the end."""
    started: list[Herald] = []

    def start(kill_at: str = "", threads: int = 2) -> Herald:
        env = os.environ | worker_env | {"WORKER_THREADS": str(threads), "HERALD_KILL_AT": kill_at}
        started.append(Herald(env, "worker"))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def killed(worker: Herald) -> bool:
    """Whether the worker died of SIGKILL (its fault point), waiting for it to die."""
    wait_for(lambda: worker.process.poll() is not None, 90, "the worker to reach its kill point")
    return worker.process.returncode == -signal.SIGKILL


def finish(*workers: Herald) -> None:
    """Stop gracefully (SIGINT: the tasks in hand are finished first), once the queue is empty."""
    wait_for(lambda: HUEY.pending_count() == 0, 60, "the queue to drain")
    for worker in workers:
        worker.process.send_signal(signal.SIGINT)
    for worker in workers:
        worker.process.wait(timeout=60)


def leases_run_out() -> None:
    """What waiting out the leases of a killed worker would do, without the wait: its source
    claim (next_poll_at), its host slot, its batch of deliveries."""
    past = timezone.now() - timedelta(seconds=1)
    Source.objects.filter(next_poll_at__gt=timezone.now()).update(next_poll_at=past)
    HostSlot.objects.update(expires_at=past)
    Delivery.objects.filter(status="sending").update(claimed_until=past)


# --- what the feeds hold ------------------------------------------------------------------------


def text(n: int) -> list[str]:
    """Paragraphs of the n-th story: the same words in another order, so no two are one text."""
    rng = Random(n)
    return [" ".join(rng.sample(WORDS, 40)) + "." for _ in range(3)]


def items(base: str, count: int, full: bool = True, start: int = 0) -> list[dict]:
    """Feed items whose links name the World section by their folder; `full`: the text is in
    the feed, else only a summary and the text is on the page."""
    return [
        {
            "guid": f"urn:fault:{n}",
            "title": f"Report number {n}",
            "link": f"{base}/world/report-{n}.html",
            "description": f"Summary of report {n}.",
            **({"content": "".join(f"<p>{p}</p>" for p in text(n))} if full else {}),
        }
        for n in range(start, start + count)
    ]


def outlet(feed_server, path: str, entries: list[dict]) -> Source:
    Section.objects.get_or_create(slug="world", defaults={"name": "World"})
    url = feed_server.serve(path, rss(entries))
    return Source.objects.create(feed_url=url, name=path, next_poll_at=timezone.now())


def organized_once(*workers: Herald) -> Counter:
    """How many times each article was organized, by the workers' own word."""
    return Counter(int(pk) for w in workers for pk in ORGANIZED.findall(w.output()))


def polled():
    """The articles of the feeds polled in the test (not the newsletter's newsroom)."""
    return Article.objects.filter(source__next_poll_at__isnull=False)


def unorganized() -> bool:
    return polled().filter(organized_at__isnull=True).exists()


def all_organized(count: int):
    return lambda: polled().filter(organized_at__isnull=False).count() == count


def assert_each_article_organized_once(*workers: Herald) -> None:
    articles = list(polled())
    assert all(a.organized_at and a.story_id and a.section_id for a in articles)
    assert organized_once(*workers) == {a.pk: 1 for a in articles}
    assert not Story.objects.filter(articles__isnull=True).exists()  # no story made twice


# --- killed mid-work ----------------------------------------------------------------------------


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_poll_leaves_the_source_to_the_tick_after_its_lease(
    feed_server, workers, worker_env
):
    worker_env["FETCH_ALLOW"] = f"127.0.0.1:{feed_server.port}"
    source = outlet(feed_server, "/feed.xml", items("https://outlet.example", 4))
    first = workers(kill_at="poll-fetched:1")
    assert enqueue_due_polls() == 1
    assert killed(first), first.output()
    # The feed was read, nothing stored, and the source is still claimed.
    assert feed_server.hits["/feed.xml"] == 1
    assert not Article.objects.exists() and not FetchLog.objects.exists()
    assert enqueue_due_polls() == 0

    leases_run_out()
    second = workers()
    assert enqueue_due_polls() == 1
    wait_for(all_organized(4), 90, "four organized articles")
    finish(second)
    assert sorted(Article.objects.values_list("guid", flat=True)) == [
        f"urn:fault:{n}" for n in range(4)
    ]
    [logged] = FetchLog.objects.all()
    assert (logged.status, logged.entries, logged.created, logged.error) == (200, 4, 4, "")
    assert feed_server.hits["/feed.xml"] == 2
    source.refresh_from_db()
    assert source.error_count == 0 and source.next_poll_at > timezone.now()
    assert not HostSlot.objects.exists()  # the dead worker's slot was taken back
    assert_each_article_organized_once(first, second)


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_ingest_keeps_what_it_stored_and_the_rest_follows(
    feed_server, workers, worker_env
):
    worker_env["FETCH_ALLOW"] = f"127.0.0.1:{feed_server.port}"
    for n in range(5):
        feed_server.serve(
            f"/world/report-{n}.html",
            article_page(title=f"Report number {n}", paragraphs=text(n)),
            content_type="text/html; charset=utf-8",
        )
    source = outlet(feed_server, "/feed.xml", items(feed_server.url, 5, full=False))
    first = workers(kill_at="ingest-stored:3")
    assert enqueue_due_polls() == 1
    assert killed(first), first.output()
    # Three pages read and stored as articles, none organized, the poll not logged.
    assert Article.objects.count() == 3
    assert not Article.objects.filter(organized_at__isnull=False).exists()
    assert not FetchLog.objects.exists()

    leases_run_out()
    second = workers()
    assert enqueue_unorganized() == 3  # their organize tasks were never queued
    assert enqueue_due_polls() == 1
    wait_for(all_organized(5), 90, "five organized articles")
    finish(second)
    guids = Counter(Article.objects.values_list("guid", flat=True))
    links = Counter(Article.objects.values_list("canonical_url", flat=True))
    assert guids == {f"urn:fault:{n}": 1 for n in range(5)}
    assert links == {f"{feed_server.url}/world/report-{n}.html": 1 for n in range(5)}
    assert set(Article.objects.values_list("text_from", flat=True)) == {"page"}
    # The pages of the three stored before the kill were not fetched again.
    assert {n: feed_server.hits[f"/world/report-{n}.html"] for n in range(5)} == dict.fromkeys(
        range(5), 1
    )
    [logged] = FetchLog.objects.filter(source=source)
    assert (logged.status, logged.entries, logged.created) == (200, 5, 2)
    assert_each_article_organized_once(first, second)


def due_readers(count: int) -> list[Subscriber]:
    """`count` confirmed readers whose digest of two stories is due now, not yet recorded."""
    now = timezone.now()
    world = section("world")
    story_in(world, 1, now - timedelta(hours=3))
    story_in(world, 2, now - timedelta(hours=2))
    # The newsroom's outlets of those stories are not polled here, their articles organized.
    Source.objects.filter(articles__story__isnull=False).update(next_poll_at=None)
    Article.objects.filter(story__isnull=False).update(organized_at=now)
    readers = [reader(f"reader{n:02d}@example.org", now - timedelta(days=1)) for n in range(count)]
    Subscriber.objects.update(next_digest_at=now)
    return readers


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_mailing_repeats_at_most_the_mail_in_flight(
    smtp_sink, workers, worker_env
):
    worker_env["EMAIL_URL"] = f"smtp://{smtp_sink.host}:{smtp_sink.port}"
    readers = due_readers(12)
    first = workers(kill_at="after-send:5")
    assert enqueue_due_digests() == 12
    assert killed(first), first.output()
    # Every digest recorded; five went to the relay, the fifth not marked sent.
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    assert statuses == {"sent": 4, "sending": 8}
    assert len(smtp_sink.messages) == 5

    leases_run_out()
    second = workers()
    assert enqueue_due_digests() == 0  # each digest is recorded once
    assert tick_send.call_local() is True
    wait_for(lambda: not Delivery.objects.exclude(status="sent").exists(), 90, "every mail sent")
    finish(second)
    received = received_by(smtp_sink)
    assert set(received) == {r.email for r in readers}
    assert sorted(received.values()) == [1] * 11 + [2]
    [twice] = [address for address, n in received.items() if n == 2]
    copies = {mail["Message-ID"] for mail in smtp_sink.messages if mail["To"] == twice}
    assert copies == {Delivery.objects.get(subscriber__email=twice).message_id}
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


# --- workers racing -----------------------------------------------------------------------------


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_two_workers_given_every_task_twice_do_each_piece_of_work_once(
    feed_server, smtp_sink, workers, worker_env
):
    """Two worker processes, each task given twice (a tick that came round again before the
    queue was worked off): each source polled once, each entry one article, each article
    organized once, each reader one digest and one mail. The races of each step between
    threads let go at the same instant are in their apps' tests; this is the whole path across
    processes."""
    worker_env |= {
        "FETCH_ALLOW": f"127.0.0.1:{feed_server.port}",
        "FETCH_PER_HOST": "3",
        "EMAIL_URL": f"smtp://{smtp_sink.host}:{smtp_sink.port}",
    }
    sources = [
        outlet(feed_server, f"/feed-{k}.xml", items(f"https://o{k}.example", 3, start=3 * k))
        for k in range(3)
    ]
    readers = due_readers(8)
    racers = [workers(), workers()]
    for source in sources:
        poll.enqueue(source.pk)
        poll.enqueue(source.pk)  # side by side in the queue: two threads take them at once
    for _ in range(2):
        assert enqueue_due_digests() == 8
    nudges = {"organize": 2, "send": 2}

    def done() -> bool:
        # Meanwhile the ticks come round again and nudge what is still waiting.
        stored = polled().count() == 9
        if stored and nudges["organize"] and unorganized():
            nudges["organize"] -= 1
            enqueue_unorganized()
        if nudges["send"] and tick_send.call_local():
            nudges["send"] -= 1
        sent = Delivery.objects.filter(status="sent").count() == 8
        return stored and not unorganized() and sent

    wait_for(done, 90, "every article organized and every mail sent")
    finish(*racers)

    for source in sources:
        assert source.fetch_log.count() == 1
    assert set(feed_server.hits.values()) == {1}
    assert Counter(polled().values_list("source", "guid")) == {
        (s.pk, f"urn:fault:{n}"): 1 for k, s in enumerate(sources) for n in range(3 * k, 3 * k + 3)
    }
    assert len(set(polled().values_list("canonical_url", flat=True))) == 9  # one per link
    assert_each_article_organized_once(*racers)
    assert received_by(smtp_sink) == {r.email: 1 for r in readers}
    assert len({mail["Message-ID"] for mail in smtp_sink.messages}) == 8
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_a_round_of_digests_record_each_readers_mail_once():
    """The one claimed step without a race test of its own. At the pace of each story a reader
    gets one mail per story, with no unique constraint behind the claim."""
    readers = due_readers(6)
    daily, each = readers[:3], readers[3:]
    Subscriber.objects.filter(pk__in=[r.pk for r in each]).update(pace=Pace.EACH)
    recorded = race(lambda _: queue_due_digests(timezone.now()), [1, 2, 3])
    assert sum(recorded) == Delivery.objects.count() == 3 + 3 * 2
    per_reader = Counter(Delivery.objects.values_list("subscriber__email", flat=True))
    assert per_reader == {r.email: 1 for r in daily} | {r.email: 2 for r in each}
