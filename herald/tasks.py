"""The schedule: Huey's periodic tasks, run by `herald scheduler`. Each tick only looks in the
database for due work and enqueues a task per item; a task lost with a killed worker is found
again by the next tick, because the schedule lives in the rows (next_poll_at), not in the queue."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from sources.poll import due_source_ids
from sources.tasks import poll


def enqueue_due_polls() -> int:
    ids = due_source_ids(timezone.now())
    for source_id in ids:
        poll.enqueue(source_id)
    return len(ids)


@db_periodic_task(crontab(minute="*"))
def tick_polls() -> int:
    return enqueue_due_polls()
