"""The schedule: Huey's periodic tasks, run by `herald scheduler`. Each tick only looks in the
database for due work and enqueues a task per item; a task lost with a killed worker is found
again by the next tick, because the schedule lives in the rows (next_poll_at), not in the queue."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from articles.classify import retrain
from articles.organize import unorganized_ids
from articles.posts import publish_due_posts
from articles.tasks import organize
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


def enqueue_unorganized() -> int:
    """Articles whose organize task was lost (a killed worker, a full queue) are found here."""
    ids = unorganized_ids(timezone.now())
    for article_id in ids:
        organize.enqueue(article_id)
    return len(ids)


@db_periodic_task(crontab(minute="*/5"))
def tick_organize() -> int:
    return enqueue_unorganized()


@db_periodic_task(crontab(minute="*"))
def tick_posts() -> int:
    """Scheduled posts publish themselves at their time."""
    return publish_due_posts(timezone.now())


@db_periodic_task(crontab(minute="17"))
def tick_retrain() -> str:
    """The classifier learns the labels of the last hour (editor corrections, rule-assigned
    articles); nothing changed, nothing is trained."""
    version = retrain(timezone.now())
    return str(version) if version else "labels unchanged"
