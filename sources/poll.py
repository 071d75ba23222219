"""Polling: find the sources that are due, claim one, fetch its feed politely, parse it, store its
entries, and schedule the next poll. poll_source() is the one function the scheduler's tasks,
`herald fetch` and the tests all call."""

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.utils import timezone

from articles import boilerplate
from articles.ingest import Holdings, store_entry
from herald.lib import faults
from herald.lib.http import FetchError, Response, fetch, keep_alive
from sources import schedule
from sources.hosts import host_slot
from sources.models import FetchLog, Source
from sources.parse import Feed, FeedError, parse_feed

log = logging.getLogger(__name__)

# How long a claim holds. A worker killed mid-poll leaves next_poll_at this far ahead; after that
# the next tick finds the source due again and another worker takes it.
CLAIM_LEASE = timedelta(minutes=15)
# A source whose host is busy with other polls waits this long (jittered) and tries again.
HOST_BUSY_WAIT = 5
PERMANENT = {301, 308}
POLL_FIELDS = [
    "feed_url", "etag", "last_modified", "poll_interval", "next_poll_at", "last_polled_at",
    "last_success_at", "last_status", "last_error", "last_error_at", "error_count",
]  # fmt: skip


@dataclass
class PollResult:
    source_id: int
    claimed: bool
    status: int | None = None
    entries: int = 0
    created: list[int] = field(default_factory=list)
    error: str = ""
    deferred: bool = False

    def __str__(self) -> str:
        if not self.claimed:
            return "skipped: another worker is polling it"
        if self.deferred:
            return "deferred: its host is busy with other polls"
        if self.error:
            return f"failed: {self.error}"
        if self.status == 304:
            return "HTTP 304, not modified"
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


class PollFailed(Exception):
    def __init__(self, message: str, wait: timedelta | None = None, disable: bool = False):
        super().__init__(message)
        self.wait = wait
        self.disable = disable


def _check_status(response: Response, now: datetime) -> None:
    status = response.status
    if status in (200, 304):
        return
    if status == 410:
        raise PollFailed("the feed is gone (HTTP 410)", disable=True)
    wait = schedule.retry_after(response.headers, now) if status in (429, 503) else None
    raise PollFailed(f"the server answered HTTP {status}", wait=wait)


def _follow_permanent_redirect(source: Source, response: Response) -> None:
    """A feed moved for good (every hop 301/308) is polled at its new address from now on."""
    hops = response.redirects
    if not hops or any(status not in PERMANENT for status, _ in hops):
        return
    if not Source.objects.filter(feed_url=response.url).exclude(pk=source.pk).exists():
        log.info("source %s moved permanently: %s -> %s", source.pk, source.feed_url, response.url)
        source.feed_url = response.url


def _store(source: Source, feed: Feed, now: datetime, result: PollResult) -> None:
    result.entries = len(feed.entries)
    holdings = Holdings(source, feed.entries)  # one look-up for the feed, not one per entry
    for entry in feed.entries:
        # store_entry fetches pages and images before it writes, and writes atomically; no
        # transaction here, so no write lock is held across a slow outlet. One bad entry loses
        # only itself.
        try:
            article, created = store_entry(source, entry, now, holdings)
        except Exception:
            log.exception("source %s: could not store entry %r", source.pk, entry.guid)
            continue
        if created:
            result.created.append(article.pk)


def _succeeded(source: Source, response: Response, feed: Feed | None, now, found_new, rng):
    source.error_count = 0
    source.last_error = ""
    source.last_success_at = now
    if response.status == 200:
        source.etag = response.headers.get("etag", "")[:500]
        source.last_modified = response.headers.get("last-modified", "")[:100]
    source.poll_interval = schedule.adapt(
        source.poll_interval, found_new, source.min_interval, source.max_interval
    )
    hint = schedule.server_hint(response.headers, feed.ttl if feed else None, now)
    wait = schedule.clamp(max(source.poll_interval, hint), source.min_interval, source.max_interval)
    source.next_poll_at = now + schedule.jittered(wait, rng)


def _failed(source: Source, failure: PollFailed, now: datetime, rng) -> None:
    source.error_count += 1
    source.last_error = str(failure)
    source.last_error_at = now
    if failure.disable:
        source.is_active = False
        source.disabled_reason = str(failure)
    backoff = schedule.jittered(int(source.error_backoff().total_seconds()), rng)
    # Retry-After is a minimum, even past our own backoff.
    source.next_poll_at = now + max(backoff, failure.wait or timedelta(0))


def poll_source(
    source_id: int,
    now: datetime | None = None,
    force: bool = False,
    rng: random.Random | None = None,
) -> PollResult:
    """Poll one source: claim, fetch (conditionally, within the per-host limit), parse, store,
    schedule. `force` polls it even if it is not due yet."""
    now = now or timezone.now()
    source = claim(source_id, now, only_if_due=not force)
    if source is None:
        return PollResult(source_id, claimed=False)
    result = PollResult(source_id, claimed=True)
    started = time.monotonic()
    response = feed = failure = None
    # One connection to the outlet for the feed and its pages, not one per request.
    with host_slot(urlsplit(source.feed_url).hostname or "", now) as slot, keep_alive():
        if slot is None:
            source.next_poll_at = now + schedule.jittered(HOST_BUSY_WAIT, rng)
            source.save(update_fields=["next_poll_at"])
            result.deferred = True
            return result
        try:
            response = fetch(source.feed_url, etag=source.etag, last_modified=source.last_modified)
            result.status = response.status
            _check_status(response, now)
            if response.status == 200:
                feed = parse_feed(response.body, response.url)
        except (FetchError, FeedError, PollFailed) as error:
            failure = error if isinstance(error, PollFailed) else PollFailed(str(error))
            result.error = str(failure)
        if feed is not None:
            # Still inside the slot: the article pages and pictures fetched while storing are
            # requests to the outlet too, made one at a time.
            _follow_permanent_redirect(source, response)
            faults.point("poll-fetched")  # the feed read, none of its entries stored yet
            _store(source, feed, now, result)
    if result.created:
        boilerplate.relearn(source)

    source.last_polled_at = now
    source.last_status = result.status
    if failure:
        _failed(source, failure, now, rng)
        log.warning("poll %s (%s) failed: %s", source.pk, source.feed_url, result.error)
    else:
        _succeeded(source, response, feed, now, bool(result.created), rng)
        log.info("poll %s (%s): %s", source.pk, source.name, result)
    # Only what polling owns: an editor may have changed the rest meanwhile.
    source.save(
        update_fields=POLL_FIELDS
        + (["is_active", "disabled_reason"] if failure and failure.disable else [])
    )
    FetchLog.objects.create(
        source=source,
        at=now,
        status=result.status,
        duration_ms=round((time.monotonic() - started) * 1000),
        bytes=len(response.body) if response else 0,
        entries=result.entries,
        created=len(result.created),
        error=result.error,
    )
    return result


def handle_one_poll(now: datetime | None = None) -> bool:
    """Poll the most overdue source, if any is due. Returns True if there was one."""
    now = now or timezone.now()
    return any(poll_source(source_id, now).claimed for source_id in due_source_ids(now, limit=10))
