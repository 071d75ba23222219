"""What Herald keeps only for a while, and its going: once a day (tick_prune in herald/tasks.py)
each kind older than its RETAIN_* period is deleted, BATCH rows at a time, so no statement holds
a big table for long. prune() runs them all and says how many of each went."""

import contextlib
import logging
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from huey.storage import SqliteStorage

from discussion.moderate import forget_networks
from newsletter.models import Delivery, Mailing, Subscriber
from sources.models import FetchLog, HostSlot, Source

log = logging.getLogger(__name__)

BATCH = 5000  # rows per DELETE
OPEN = [Delivery.Status.QUEUED, Delivery.Status.SENDING]


def delete_in_batches(rows: QuerySet) -> int:
    """Delete `rows` by lists of at most BATCH primary keys, each list its own statement (and,
    outside a transaction, its own commit). The condition is asked again in each delete, so a
    row that changed since it was listed stays."""
    deleted = 0
    while ids := list(rows.values_list("pk", flat=True)[:BATCH]):
        deleted += rows.filter(pk__in=ids).delete()[1].get(rows.model._meta.label, 0)
    return deleted


def prune_fetch_log(now: datetime) -> int:
    """Poll lines older than RETAIN_FETCH_LOG_DAYS, but a source's latest RETAIN_FETCH_LOG_KEEP
    stay whatever their age: the desk shows a quiet or failing source's recent polls."""
    cutoff = now - timedelta(days=settings.RETAIN_FETCH_LOG_DAYS)
    keep = settings.RETAIN_FETCH_LOG_KEEP
    deleted = 0
    for source_id in list(Source.objects.values_list("pk", flat=True)):
        lines = FetchLog.objects.filter(source_id=source_id)
        older = cutoff
        if keep > 0:
            # The keep-th newest line's time, found on the fetchlog_recent index.
            kept = lines.order_by("-at", "-id").values_list("at", flat=True)[keep - 1 : keep]
            oldest_kept = next(iter(kept), None)
            if oldest_kept is None:
                continue  # fewer lines than are kept
            older = min(cutoff, oldest_kept)
        deleted += delete_in_batches(lines.filter(at__lt=older))
    return deleted


def prune_deliveries(now: datetime) -> int:
    """Mailings older than RETAIN_DELIVERY_DAYS go whole, with their deliveries, once every one
    of those is in a final state and old: the desk counts a mailing's deliveries, so a mailing
    either keeps them all or is no longer listed. The latest mailing of each kind stays (the
    editors' held digest starts from its last one)."""
    # The hourly and daily limits look at the last day's mail.
    older = now - timedelta(days=max(settings.RETAIN_DELIVERY_DAYS, 1))
    active = Delivery.objects.filter(
        Q(status__in=OPEN) | Q(created_at__gte=older) | Q(due_at__gte=older) | Q(sent_at__gte=older)
    )
    latest = Mailing.objects.values("kind").annotate(last=Max("pk")).values("last")
    done = (
        Mailing.objects.filter(created_at__lt=older)
        .exclude(pk__in=active.values("mailing_id"))
        .exclude(pk__in=latest)
    )
    deleted = 0
    for mailing_id in list(done.values_list("pk", flat=True)):
        deliveries = Delivery.objects.filter(mailing_id=mailing_id)
        deleted += delete_in_batches(deliveries.exclude(status__in=OPEN))
        try:
            with transaction.atomic():
                Mailing.objects.filter(pk=mailing_id).exclude(deliveries__isnull=False).delete()
        except IntegrityError:
            pass  # a delivery was recorded on it meanwhile: the mailing stays, with it
    return deleted


def prune_task_results(now: datetime, huey=None) -> int:
    """Django tasks' results in the SQLite queue (the records huey's django.tasks backend keeps
    under 'djt.<id>'), once nothing happened to them for RETAIN_TASK_RESULT_HOURS. Redis drops
    them by itself after the same time (config.huey); locks and revocations are not results."""
    if huey is None:
        from huey.contrib.djhuey import HUEY as huey  # the queue is loaded only where needed
    storage = huey.storage
    if not isinstance(storage, SqliteStorage):
        return 0
    older = now - timedelta(hours=settings.RETAIN_TASK_RESULT_HOURS)
    deleted, after = 0, 0
    while rows := storage.sql(
        "SELECT rowid, key, value FROM kv WHERE queue = ? AND key LIKE 'djt.%' AND rowid > ? "
        "ORDER BY rowid LIMIT ?",
        (storage.name, after, BATCH),
        results=True,
    ):
        after = rows[-1][0]
        old = [key for _, key, value in rows if stale(huey.serializer.deserialize(value), older)]
        if old:
            storage.sql(
                f"DELETE FROM kv WHERE queue = ? AND key IN ({','.join('?' * len(old))})",
                (storage.name, *old),
                commit=True,
            )
            deleted += len(old)
    return deleted


def stale(record: dict, older: datetime) -> bool:
    """Whether a task's record last changed (enqueued, due, started, finished) before `older`."""
    names = ("enqueued_at", "run_after", "started_at", "finished_at")
    times = [datetime.fromisoformat(record[name]) for name in names if record.get(name)]
    return bool(times) and max(times) < older


def prune_unconfirmed(now: datetime) -> int:
    """Addresses entered but never confirmed, RETAIN_UNCONFIRMED_DAYS after their last
    confirmation mail (never before its link expired): nobody consented to keeping them."""
    older = now - max(
        timedelta(days=settings.RETAIN_UNCONFIRMED_DAYS),
        timedelta(hours=settings.NEWSLETTER_CONFIRM_HOURS),
    )
    return delete_in_batches(
        Subscriber.objects.filter(
            status=Subscriber.Status.PENDING, confirmed_at__isnull=True, created_at__lt=older
        )
        .exclude(confirmation_sent_at__gte=older)
        .exclude(deliveries__status__in=OPEN)
    )


def prune_sessions(now: datetime) -> int:
    """Expired sessions, by the session engine's own clearsessions (nothing for one that
    expires them itself, like the cache's)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    model = getattr(store, "get_model_class", None)
    expired = model().objects.filter(expire_date__lt=now).count() if model else 0
    with contextlib.suppress(NotImplementedError):  # an engine that cannot list its sessions
        store.clear_expired()
    return expired


def prune(now: datetime) -> dict[str, int]:
    pruned = {
        "fetch_log": prune_fetch_log(now),
        "deliveries": prune_deliveries(now),
        "task_results": prune_task_results(now),
        # Commenters' network addresses are emptied after COMMENTS_IP_DAYS; the comments stay.
        "comment_networks": forget_networks(now),
        "unconfirmed_subscribers": prune_unconfirmed(now),
        "sessions": prune_sessions(now),
        # Leases of requests to hosts no longer polled (acquire() clears a polled host's).
        "host_slots": HostSlot.objects.filter(expires_at__lte=now).delete()[0],
    }
    log.info("pruned: %s", ", ".join(f"{kind} {n}" for kind, n in pruned.items()))
    return pruned
