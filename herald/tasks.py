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
from discussion import spam
from discussion.notify import queue_held_digest
from herald.retention import prune
from newsletter import tasks as newsletter
from newsletter.counts import count_sections
from newsletter.digest import due_subscriber_ids
from newsletter.send import claimable
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


DIGEST_CHUNK = 200  # readers per digest task


def enqueue_due_digests() -> int:
    ids = due_subscriber_ids(timezone.now())
    for start in range(0, len(ids), DIGEST_CHUNK):
        newsletter.queue_digests.enqueue(ids[start : start + DIGEST_CHUNK])
    return len(ids)


@db_periodic_task(crontab(minute="*"))
def tick_digests() -> int:
    """The digests due this minute are claimed and recorded; their sending follows."""
    return enqueue_due_digests()


@db_periodic_task(crontab(minute="*"))
def tick_send() -> bool:
    """Mail recorded but not sent (a retry come due, a sender killed mid-batch) is sent."""
    if claimable(timezone.now()).exists():
        newsletter.send.enqueue()
        return True
    return False


@db_periodic_task(crontab(minute="*/15"))
def tick_follows() -> None:
    """Followed stories with news since their readers last heard: one mail a story a day."""
    newsletter.queue_follows.enqueue()


@db_periodic_task(crontab(minute="55", hour="23"))
def tick_subscriber_counts() -> int:
    """Each day's subscribers per section, for the desk's chart (anonymous counts)."""
    return count_sections(timezone.localdate())


@db_periodic_task(crontab(minute="40", hour="3"))
def tick_prune() -> dict[str, int]:
    """Once a day, at night: what is kept only for a while goes (herald/retention.py)."""
    return prune(timezone.now())


@db_periodic_task(crontab(minute="5"))
def tick_held_digest() -> int:
    """Editors hear of newly held comments in one mail an hour, not one per comment."""
    return queue_held_digest(timezone.now())


@db_periodic_task(crontab(minute="47"))
def tick_spam_filter() -> str:
    """The spam filter learns the moderators' decisions of the last hour; none, none trained."""
    version = spam.retrain(timezone.now())
    return str(version) if version else "decisions unchanged"
