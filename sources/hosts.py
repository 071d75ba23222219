"""The per-host limit: at most FETCH_PER_HOST requests in flight to one host, across every
worker. A slot is a row (host, slot number) under a unique constraint; taking one is an INSERT
that only one worker can win, and an expiry frees slots a killed worker left behind."""

from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from sources.models import HostSlot

# As long as a poll's claim: a slot is held while the feed's pages are fetched too.
SLOT_LEASE = timedelta(minutes=15)


def acquire(host: str, now: datetime) -> HostSlot | None:
    HostSlot.objects.filter(host=host, expires_at__lte=now).delete()
    for number in range(settings.FETCH_PER_HOST):
        try:
            with transaction.atomic():
                return HostSlot.objects.create(host=host, slot=number, expires_at=now + SLOT_LEASE)
        except IntegrityError:
            continue
    return None


@contextmanager
def host_slot(host: str, now: datetime):
    """Yields the slot taken, or None when the host is busy; the slot is freed on exit."""
    slot = acquire(host, now)
    try:
        yield slot
    finally:
        if slot is not None:
            slot.delete()
