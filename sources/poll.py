"""Polling: find the sources that are due, claim one, fetch its feed, parse it, store its entries.
poll_source() is the one function the scheduler's tasks, `herald fetch` and the tests all call."""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from articles.ingest import store_entry
from herald.lib.http import FetchError, fetch
from sources.models import Source
from sources.parse import FeedError, parse_feed

log = logging.getLogger(__name__)

# How long a claim holds. A worker killed mid-poll leaves next_poll_at this far ahead; after that
# the next tick finds the source due again and another worker takes it.
CLAIM_LEASE = timedelta(minutes=15)


@dataclass
class PollResult:
    source_id: int
    claimed: bool
    status: int | None = None
    entries: int = 0
    created: list[int] = field(default_factory=list)
    error: str = ""

    def __str__(self) -> str:
        if not self.claimed:
            return "skipped: another worker is polling it"
        if self.error:
            return f"failed: {self.error}"
        return f"HTTP {self.status}, {self.entries} entries, {len(self.created)} new articles"


def due_source_ids(now: datetime, limit: int = 100) -> list[int]:
    due = Source.objects.filter(is_active=True, next_poll_at__lte=now).order_by("next_poll_at")
    return list(due.values_list("id", flat=True)[:limit])


def claim(source_id: int, now: datetime, only_if_due: bool = True) -> Source | None:
    """Take the source for this worker: a conditional UPDATE that moves next_poll_at from the
    value we read to a lease. Two workers racing read the same value; exactly one UPDATE changes
    a row, and the other gets None."""
    source = Source.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return None
    seen = source.next_poll_at
    if only_if_due and seen is not None and seen > now:
        return None
    lease = now + CLAIM_LEASE
    changed = Source.objects.filter(pk=source_id, is_active=True, next_poll_at=seen).update(
        next_poll_at=lease
    )
    if changed != 1:
        return None
    source.next_poll_at = lease
    return source


def _record_failure(source: Source, now: datetime, message: str) -> None:
    source.error_count += 1
    source.last_error = message
    source.last_error_at = now
    source.last_polled_at = now
    source.next_poll_at = source.next_poll_after_error(now)
    source.save(
        update_fields=[
            "error_count",
            "last_error",
            "last_error_at",
            "last_polled_at",
            "next_poll_at",
        ]
    )


def poll_source(source_id: int, now: datetime | None = None, force: bool = False) -> PollResult:
    """Poll one source: claim, fetch, parse, store. `force` polls it even if it is not due yet."""
    now = now or timezone.now()
    source = claim(source_id, now, only_if_due=not force)
    if source is None:
        return PollResult(source_id, claimed=False)
    result = PollResult(source_id, claimed=True)
    try:
        response = fetch(source.feed_url)
        result.status = response.status
        if response.status != 200:
            raise FetchError(f"the server answered HTTP {response.status}")
        feed = parse_feed(response.body, response.url)
    except (FetchError, FeedError) as error:
        result.error = str(error)
        _record_failure(source, now, result.error)
        log.warning("poll %s (%s) failed: %s", source.pk, source.feed_url, error)
        return result

    result.entries = len(feed.entries)
    for entry in feed.entries:
        # Each entry in its own transaction: one bad entry loses only itself.
        try:
            with transaction.atomic():
                article, created = store_entry(source, entry, now)
        except Exception:
            log.exception("source %s: could not store entry %r", source.pk, entry.guid)
            continue
        if created:
            result.created.append(article.pk)

    source.error_count = 0
    source.last_error = ""
    source.last_polled_at = source.last_success_at = now
    source.next_poll_at = now + timedelta(seconds=source.poll_interval)
    source.save(
        update_fields=[
            "error_count", "last_error", "last_polled_at", "last_success_at", "next_poll_at"
        ]
    )  # fmt: skip
    log.info("poll %s (%s): %s", source.pk, source.name, result)
    return result


def handle_one_poll(now: datetime | None = None) -> bool:
    """Poll the most overdue source, if any is due. Returns True if there was one."""
    now = now or timezone.now()
    return any(poll_source(source_id, now).claimed for source_id in due_source_ids(now, limit=10))
