"""A commenter erases their comments: they ask with their address, a signed link comes to it,
and its button takes every comment of that address away. A comment others answered keeps its
place, emptied, so their replies still read in order."""

from datetime import datetime

from django import forms
from django.db import transaction
from django.db.models import Exists, OuterRef

from discussion.models import Comment, Thread
from discussion.moderate import recount
from discussion.notify import ERASE_LINK_HOURS, QUIET, address_of, record
from newsletter.models import Delivery, Mailing

REMOVED = "<p>This comment was removed by its author.</p>"
# Replies that are shown or may be: a comment with one of these is emptied, not deleted (the
# delete would take them along).
KEPT_REPLIES = (Comment.Status.APPROVED, Comment.Status.PENDING)


def address(typed: str) -> str | None:
    """The typed address, checked like the comment form's, or None."""
    try:
        return forms.EmailField(max_length=254).clean(typed)
    except forms.ValidationError:
        return None


def request_erasure(to: str, now: datetime) -> bool:
    """Send the erasure link to an address that has comments, at most once an hour. The asker
    is told the same whatever this returns: the page must not tell who commented."""
    if not Comment.objects.filter(email__iexact=to).exists():
        return False
    asked = Delivery.objects.filter(
        kind=Mailing.Kind.ERASE, to_address__iexact=to, due_at__gt=now - QUIET
    )
    if asked.exists():
        return False
    record(Mailing.Kind.ERASE, to, {}, now)
    return True


def address_from(token: str) -> str | None:
    """The address of a good erasure link (72 hours) that still has comments."""
    return address_of("erase", token, Comment.objects.all(), max_age=ERASE_LINK_HOURS * 3600)


def erase(to: str) -> tuple[int, int]:
    """Every comment of the address: deleted, or emptied where others' replies hang from it.
    Returns (deleted, emptied)."""
    theirs = Comment.objects.filter(email__iexact=to)
    with transaction.atomic():
        threads = set(theirs.values_list("thread_id", flat=True))
        erased = list(theirs.values_list("pk", flat=True))
        replied = Comment.objects.filter(parent=OuterRef("pk"), status__in=KEPT_REPLIES)
        deleted = 0
        # Leaves first, again and again: a comment answered only by the same author's own
        # reply becomes a leaf once that reply is gone.
        while True:
            leaves = list(theirs.exclude(Exists(replied)).values_list("pk", flat=True))
            if not leaves:
                break
            Comment.objects.filter(pk__in=leaves).delete()
            deleted += len(leaves)
        emptied = theirs.update(
            name="Removed", email="", website="", body="", body_html=REMOVED,
            ip_network="", author_key="", notify_replies=False,
        )  # fmt: skip
        forget_mail(to, erased)
        for thread in Thread.objects.filter(pk__in=threads):
            recount(thread)
    return deleted, emptied


def forget_mail(to: str, comment_ids: list[int]) -> None:
    """Mail not yet sent about these comments or to this address is cancelled, and the address
    is taken off the mail already sent to it (the counts stay)."""
    outside = Delivery.objects.filter(kind__in=[Mailing.Kind.REPLY, Mailing.Kind.ERASE])
    waiting = outside.filter(status=Delivery.Status.QUEUED)
    waiting.filter(about__comment__in=comment_ids).update(status=Delivery.Status.CANCELLED)
    waiting.filter(to_address__iexact=to).update(status=Delivery.Status.CANCELLED)
    outside.filter(to_address__iexact=to).update(to_address="")
