"""The mail the discussion sends: a notice to a reader whose comment got a reply, the editors'
digest of comments waiting for them, and the link that erases a commenter's comments. Each is
recorded as a newsletter Delivery and built here when the newsletter's sender sends it
(newsletter.send.OUTSIDE).

Turning reply notices off needs no record of its own: the one-click link sets notify_replies to
False on every comment of the address, and a notice goes only to the author of a comment that
still has it ticked. A comment the reader writes later with the box ticked again asks for its
replies anew: that is their explicit wish, and only that comment's replies are announced.

An address a commenter types is not confirmed, so the notices are held back: only replies to a
comment a moderator let through, never to the replier themselves, at most one an hour per
address and thread, and each with a link that stops them all."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.text import Truncator

from discussion.models import Comment
from herald.groups import EDITORS
from herald.lib import email, signing
from newsletter.models import Delivery, Mailing
from newsletter.send import mailing_for
from newsletter.subscribe import send_soon

QUIET = timedelta(hours=1)  # at most one reply notice per address and thread in this time
ERASE_LINK_HOURS = 72
HELD_LISTED = 50  # a digest lists this many held comments, then counts the rest


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def record(kind: str, to: str, about: dict, now: datetime) -> Delivery:
    """A mail to someone who is no subscriber, queued for the newsletter's sender. `due_at`
    is the time it was queued (retries only move it later): the rate limits here count by it,
    so that a test's clock, or the tick's, decides."""
    delivery = Delivery.objects.create(
        mailing=mailing_for(kind, now.date().isoformat()),
        kind=kind,
        to_address=to,
        about=about,
        due_at=now,
    )
    transaction.on_commit(send_soon, robust=True)
    return delivery


def address_of(purpose: str, token: str, among: QuerySet, max_age: float | None = None):
    """The address a signed link was made for, if one of `among` (comments) still has it.

    The token names a comment of the address and a digest of the address. When that comment
    is gone (erased, or deleted by a moderator) the address is looked for among the others'."""
    found = signing.read_token(purpose, token, max_age)
    if found is None:
        return None
    pk, digest = found
    first = among.filter(pk=pk).values_list("email", flat=True).first()
    if first and signing.address_digest(first) == digest:
        return first
    for address in among.exclude(email="").values_list("email", flat=True).distinct():
        if signing.address_digest(address) == digest:
            return address
    return None


# --- replies ------------------------------------------------------------------------------------


def queue_reply_notices(comment_ids: list[int], now: datetime) -> int:
    """A notice to the authors who asked to hear of replies, for these newly shown comments.
    Returns how many were queued."""
    replies = (
        Comment.objects.filter(
            pk__in=comment_ids,
            status=Comment.Status.APPROVED,
            parent__status=Comment.Status.APPROVED,
            parent__notify_replies=True,
        )
        .select_related("parent")
        .order_by("created_at", "pk")
    )
    queued = 0
    for reply in replies:
        to = reply.parent.email
        if not to or to.lower() == reply.email.lower():
            continue  # no notice of one's own reply
        sent = Delivery.objects.filter(kind=Mailing.Kind.REPLY)
        if sent.filter(about__comment=reply.pk).exists():
            continue  # approved once before already
        recent = sent.filter(
            to_address__iexact=to, about__thread=reply.thread_id, due_at__gt=now - QUIET
        )
        if recent.exists():
            continue
        record(Mailing.Kind.REPLY, to, {"comment": reply.pk, "thread": reply.thread_id}, now)
        queued += 1
    return queued


def replies_off_url(comment: Comment) -> str:
    """The link that stops reply notices to the author of `comment`."""
    token = signing.make_token("replies", comment.pk, comment.email)
    return absolute(reverse("discussion:replies-off", args=[token]))


def reply_mail(delivery: Delivery) -> tuple[dict, dict]:
    """The notice of one reply: who replied (by name: their address is never shown), what they
    wrote, and where. A reply no longer shown, or a notice its reader turned off since, is
    not sent (Comment.DoesNotExist)."""
    reply = Comment.objects.select_related(
        "parent", "thread__article", "thread__post"
    ).get(
        pk=delivery.about.get("comment"),
        status=Comment.Status.APPROVED,
        parent__notify_replies=True,
    )  # fmt: skip
    target = reply.thread.target
    off = replies_off_url(reply.parent)
    context = {
        "name": reply.name,
        "body": reply.body,
        "body_html": reply.body_html,
        "reply_url": absolute(reply.get_absolute_url()),
        "title": target.title,
        "yours": Truncator(reply.parent.body).words(25),
        "replies_off_url": off,
    }
    return context, email.list_headers(off, "replies")


def replies_off(token: str) -> str | None:
    """Reply notices stopped for the address the link was made for: every comment of it stops
    asking. Returns the address, or None when the link does not work."""
    asking = Comment.objects.filter(notify_replies=True)
    address = address_of("replies", token, asking)
    if address is None:
        # Already off (or never on): the link is good if it names any comment of its address.
        return address_of("replies", token, Comment.objects.all())
    Comment.objects.filter(email__iexact=address).update(notify_replies=False)
    return address


# --- the editors' digest of held comments -------------------------------------------------------


def editors() -> QuerySet:
    """Who moderates: active editors of the desk, and superusers, that have an address."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(is_staff=True, groups__name=EDITORS))
        .exclude(email="")
        .distinct()
    )


def held_between(since: datetime | None, until: datetime) -> QuerySet:
    held = Comment.objects.filter(status=Comment.Status.PENDING, created_at__lte=until)
    return held.filter(created_at__gt=since) if since else held


def queue_held_digest(now: datetime) -> int:
    """One mail to each editor when comments were held since the last digest (or ever, before
    the first). Returns how many were queued."""
    last = Delivery.objects.filter(kind=Mailing.Kind.HELD).order_by("-pk").first()
    since = parse_datetime(last.about["until"]) if last and last.about.get("until") else None
    if not held_between(since, now).exists():
        return 0
    about = {"since": since.isoformat() if since else None, "until": now.isoformat()}
    addresses = {user.email.lower(): user.email for user in editors()}
    for address in addresses.values():
        record(Mailing.Kind.HELD, address, about, now)
    return len(addresses)


def held_mail(delivery: Delivery) -> tuple[dict, dict]:
    """The held comments of the digest's time that still wait, and the way to the desk."""
    since = delivery.about.get("since")
    until = parse_datetime(delivery.about["until"])
    held = held_between(parse_datetime(since) if since else None, until).select_related(
        "thread__article", "thread__post"
    )
    listed = [
        {
            "name": comment.name,
            "title": comment.thread.target.title,
            "words": Truncator(comment.body).words(20),
        }
        for comment in held[:HELD_LISTED]
    ]
    count = held.count()
    desk = reverse("admin:discussion_comment_changelist") + "?status=pending"
    context = {
        "count": count,
        "comments": listed,
        "more": count - len(listed),
        "desk_url": absolute(desk),
    }
    return context, {}


# --- erasure ------------------------------------------------------------------------------------


def erase_mail(delivery: Delivery) -> tuple[dict, dict]:
    """The link that erases the comments of the address it is sent to."""
    address = delivery.to_address
    one = Comment.objects.filter(email__iexact=address).values_list("pk", flat=True).first()
    token = signing.make_token("erase", one or 0, address)
    context = {
        "erase_url": absolute(reverse("discussion:erase-confirm", args=[token])),
        "hours": ERASE_LINK_HOURS,
    }
    return context, {}
