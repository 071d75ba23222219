"""Background entry points of the newsletter: tasks carry ids only, the database the rest."""

from django.tasks import task
from django.utils import timezone

from herald.nudge import nudge
from newsletter.digest import queue_due_digests
from newsletter.follow import queue_follow_updates
from newsletter.send import Sender

# A sending task stops after this many mails and hands on, so other work gets a worker too.
SEND_CHUNK = 1000


def send_soon() -> None:
    """Mail was recorded: a sender soon, or the next tick's if the queue is unreachable."""
    nudge(send)


@task
def queue_digests(subscriber_ids: list[int]) -> int:
    queued = queue_due_digests(timezone.now(), subscriber_ids)
    if queued:
        send_soon()
    return queued


@task
def send() -> int:
    sent = Sender().send_due(most=SEND_CHUNK)
    if sent == SEND_CHUNK:
        send_soon()
    return sent


@task
def queue_follows() -> int:
    queued = queue_follow_updates(timezone.now())
    if queued:
        send_soon()
    return queued
