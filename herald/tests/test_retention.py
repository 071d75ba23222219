"""Retention: what is kept only for a while goes after its period, in batches, and nothing that
is still in use or still shown goes with it."""

import os
import re
import uuid
from datetime import datetime, timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from huey import SqliteHuey
from huey.contrib.djhuey import HUEY
from huey.utils import load_class

from discussion.models import Comment
from discussion.tests.helpers import open_article, post, reader
from herald import config, retention
from herald.tasks import tick_prune
from newsletter import tasks as newsletter_tasks
from newsletter.models import Delivery, Mailing, Subscriber
from sources.models import FetchLog, HostSlot, Source

pytestmark = pytest.mark.django_db

NOW = timezone.now()
Status = Delivery.Status


def lines(source: Source, *days_ago: float) -> None:
    FetchLog.objects.bulk_create(
        FetchLog(source=source, at=NOW - timedelta(days=d), status=200) for d in days_ago
    )


def kept(source: Source) -> list[int]:
    """The age in whole days of the source's remaining poll lines, newest first."""
    return [(NOW - at).days for at in source.fetch_log.values_list("at", flat=True)]


def test_old_poll_lines_go_but_each_source_keeps_its_latest(settings):
    settings.RETAIN_FETCH_LOG_DAYS = 30
    settings.RETAIN_FETCH_LOG_KEEP = 3
    busy = Source.objects.create(feed_url="https://busy.example/feed", name="Busy")
    lines(busy, 1, 2, 3, 4, 40, 50)
    quiet = Source.objects.create(feed_url="https://quiet.example/feed", name="Quiet")
    lines(quiet, 1, 40, 50, 60, 70)
    gone_silent = Source.objects.create(feed_url="https://silent.example/feed", name="Silent")
    lines(gone_silent, 40, 50)

    assert retention.prune_fetch_log(NOW) == 2 + 2
    assert kept(busy) == [1, 2, 3, 4]  # recent ones all stay
    assert kept(quiet) == [1, 40, 50]  # old ones too, up to three in all
    assert kept(gone_silent) == [40, 50]  # fewer than three: the desk still shows them


def test_deletes_go_in_batches_of_the_batch_size(settings, monkeypatch):
    settings.RETAIN_FETCH_LOG_KEEP = 0
    monkeypatch.setattr(retention, "BATCH", 2)
    source = Source.objects.create(feed_url="https://o.example/feed", name="Outlet")
    lines(source, 1, 40, 41, 42, 43, 44)
    with CaptureQueriesContext(connection) as queries:
        assert retention.prune_fetch_log(NOW) == 5
    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 3 and all("fetchlog" in sql for sql in deletes)
    assert kept(source) == [1]


# --- mailings and their deliveries ---------------------------------------------------------------

ROW = re.compile(r"<tr>.*?</tr>", re.S)
NAME = re.compile(r'<th class="field-__str__"><a [^>]*>([^<]+)</a>')
CELL = re.compile(r'<td class="field-(queued|sent|failed|bounced)">(\d+)</td>')


def desk(admin_client) -> dict[str, dict[str, int]]:
    """The desk's list of mailings: each one's counts by what became of its deliveries."""
    page = admin_client.get("/admin/newsletter/mailing/").content.decode()
    rows = {}
    for row in ROW.findall(page):
        if name := NAME.search(row):
            rows[name.group(1)] = {field: int(n) for field, n in CELL.findall(row)}
    return rows


def mailing(kind: str, key: str, days_ago: int, *statuses: str) -> Mailing:
    made = Mailing.objects.create(kind=kind, key=key)
    Mailing.objects.filter(pk=made.pk).update(created_at=NOW - timedelta(days=days_ago))
    at = NOW - timedelta(days=days_ago)
    for status in statuses:
        delivery = Delivery.objects.create(
            mailing=made, kind=kind, to_address="someone@example.org", status=status, due_at=at
        )
        sent_at = at if status in (Status.SENT, Status.BOUNCED) else None
        Delivery.objects.filter(pk=delivery.pk).update(created_at=at, sent_at=sent_at)
    return made


def test_finished_mailings_go_whole_and_the_desk_counts_the_rest_right(settings, admin_client):
    settings.RETAIN_DELIVERY_DAYS = 90
    finished = Status.SENT, Status.SENT, Status.FAILED, Status.BOUNCED, Status.CANCELLED
    mailing("daily", "old", 100, *finished)
    mailing("daily", "old-retrying", 100, *finished, Status.QUEUED)
    mailing("daily", "old-in-flight", 100, *finished, Status.SENDING)
    mailing("daily", "recent", 10, *finished)
    mailing("held", "old-but-last-of-its-kind", 100, Status.SENT)
    before = desk(admin_client)

    assert retention.prune_deliveries(NOW) == len(finished)

    after = desk(admin_client)
    assert "daily digest old" not in after
    assert after == {name: counts for name, counts in before.items() if name in after}
    assert len(after) == 4
    assert after["daily digest old-retrying"] == {"queued": 1, "sent": 2, "failed": 1, "bounced": 1}


def test_a_mailing_with_a_recent_delivery_stays(settings):
    settings.RETAIN_DELIVERY_DAYS = 90
    old = mailing("daily", "old", 100, Status.SENT)
    Delivery.objects.create(mailing=old, kind="daily", status=Status.SENT, due_at=NOW)
    mailing("daily", "latest", 1)
    assert retention.prune_deliveries(NOW) == 0
    assert old.deliveries.count() == 2


# --- task results --------------------------------------------------------------------------------


def task_record() -> dict:
    """A task's record as huey's django.tasks backend keeps it (here in the tests' in-memory
    queue): a real task, enqueued and run."""
    result = newsletter_tasks.send.enqueue()
    return HUEY.get(f"djt.{result.id}", peek=True)


def aged(record: dict, hours: float) -> dict:
    moved = (NOW - timedelta(hours=hours)).isoformat()
    return record | {key: moved for key in ("enqueued_at", "started_at", "finished_at")}


def test_task_results_in_the_sqlite_queue_go_after_their_period(settings, monkeypatch, tmp_path):
    settings.RETAIN_TASK_RESULT_HOURS = 24
    monkeypatch.setattr(retention, "BATCH", 2)  # and the store is read page by page
    queue = SqliteHuey("retention-test", filename=str(tmp_path / "queue.sqlite3"))
    record = task_record()
    assert record["finished_at"]
    for n in range(3):
        queue.put_result(f"djt.old{n}", aged(record, 30))
    queue.put_result("djt.recent", aged(record, 2))
    # Enqueued long ago to run later, and not run yet.
    waiting = aged(record, 72) | {"started_at": None, "finished_at": None}
    queue.put_result("djt.waiting", waiting | {"run_after": (NOW + timedelta(hours=1)).isoformat()})
    queue.put_if_empty("herald.lock.something", "held")

    assert retention.prune_task_results(NOW, queue) == 3
    assert set(queue.storage.result_items()) == {
        "djt.recent",
        "djt.waiting",
        "herald.lock.something",
    }


def test_task_results_in_redis_expire_by_themselves(tmp_path):
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("Redis is the second leg's queue (REDIS_URL)")
    environ = {"REDIS_URL": url, "HUEY_QUEUE": f"retention{uuid.uuid4().hex}"}
    options = config.huey(environ | {"RETAIN_TASK_RESULT_HOURS": "2"}, tmp_path)
    options.pop("consumer")
    # Made from the settings as djhuey makes the project's queue.
    queue = load_class(options.pop("huey_class"))(options.pop("name"), **options)
    try:
        queue.put_result("djt.done", {"status": "SUCCESSFUL"})
        seconds = queue.storage.conn.ttl(queue.storage.result_key("djt.done"))
        assert 2 * 3600 - 60 < seconds <= 2 * 3600
        assert queue.get("djt.done", peek=True) == {"status": "SUCCESSFUL"}
    finally:
        queue.storage.flush_results()


# --- readers who never confirmed -----------------------------------------------------------------


def pending(email: str, days_ago: int, **fields) -> Subscriber:
    made = Subscriber.objects.create(email=email, signed_up_from="test")
    at = NOW - timedelta(days=days_ago)
    Subscriber.objects.filter(pk=made.pk).update(
        created_at=at, **({"confirmation_sent_at": at} | fields)
    )
    return made


def test_addresses_never_confirmed_go_after_their_period(settings):
    settings.RETAIN_UNCONFIRMED_DAYS = 30
    pending("never@example.org", 40)
    pending("asked-again@example.org", 40, confirmation_sent_at=NOW - timedelta(days=2))
    pending("came-back@example.org", 40, confirmed_at=NOW - timedelta(days=400))
    pending("confirmed@example.org", 40, status=Subscriber.Status.ACTIVE)
    pending("recent@example.org", 3)
    relay_down = pending("relay-down@example.org", 40)
    confirm = Mailing.objects.create(kind="confirm", key="then")
    Delivery.objects.create(mailing=confirm, subscriber=relay_down, kind="confirm", due_at=NOW)

    assert retention.prune_unconfirmed(NOW) == 1
    assert not Subscriber.objects.filter(email="never@example.org").exists()
    assert Subscriber.objects.count() == 5


def test_an_unconfirmed_address_stays_while_its_link_works(settings):
    settings.RETAIN_UNCONFIRMED_DAYS = 1
    settings.NEWSLETTER_CONFIRM_HOURS = 72
    pending("clicks-tomorrow@example.org", 2)
    assert retention.prune_unconfirmed(NOW) == 0


# --- the tick ------------------------------------------------------------------------------------


def test_the_daily_tick_prunes_every_kind(settings):
    settings.COMMENTS_IP_DAYS = 30
    post(reader(), open_article("publish"))
    Comment.objects.update(created_at=NOW - timedelta(days=31))
    expired = SessionStore()
    expired.set_expiry(NOW - timedelta(days=1))
    expired.save()
    live = SessionStore()
    live.create()
    HostSlot.objects.create(host="gone.example", slot=0, expires_at=NOW - timedelta(hours=1))
    source = Source.objects.create(feed_url="https://o.example/feed", name="Outlet")
    lines(source, *range(40, 40 + settings.RETAIN_FETCH_LOG_KEEP + 1))
    pending("never@example.org", 40)
    mailing("daily", "old", 100, Status.SENT)
    mailing("daily", "latest", 1)

    pruned = tick_prune.call_local()

    assert pruned == {
        "fetch_log": 1,
        "deliveries": 1,
        "task_results": 0,  # the tests' queue is in memory: results go with the process
        "comment_networks": 1,
        "unconfirmed_subscribers": 1,
        "sessions": 1,
        "host_slots": 1,
    }
    assert Comment.objects.get().ip_network == ""
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_the_tick_runs_once_a_day_at_night():
    names = {
        hour: {task.name for task in HUEY.read_periodic(datetime(2026, 11, 29, hour, 40))}
        for hour in range(24)
    }
    assert [hour for hour in names if tick_prune.s().name in names[hour]] == [3]
