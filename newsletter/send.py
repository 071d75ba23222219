"""Sending: claim a batch of recorded deliveries, send each over one reused connection, mark it.
A worker killed at any point leaves its claim to expire and another takes the batch up again:
only a mail the relay accepted in the instant before the kill can go twice, and then under the
same Message-ID, which mail systems fold into one."""

import contextlib
import logging
import smtplib
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from articles.models import Story
from herald.lib import email, faults, signing
from newsletter.models import Delivery, Mailing, Subscriber

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)  # a claimed batch not marked by then is taken up again
BATCH = 100
MOST_ATTEMPTS = 8
# A transient failure waits longer each time: 1, 4, 16 minutes... at most 6 hours.
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MOST = timedelta(hours=6)
# Mail a reader receives before confirming: it may go to an address not yet confirmed.
BEFORE_CONFIRMING = (Mailing.Kind.CONFIRM, Mailing.Kind.INVITE)


def mailing_for(kind: str, key: str, **fields) -> Mailing:
    try:
        with transaction.atomic():
            return Mailing.objects.get_or_create(kind=kind, key=key, defaults=fields)[0]
    except IntegrityError:  # created by another worker in the same instant
        return Mailing.objects.get(kind=kind, key=key)


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_BASE * 4 ** max(attempts - 1, 0), BACKOFF_MOST)


# --- what a delivery says ------------------------------------------------------------------------


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def links(subscriber: Subscriber, mailing_id: int) -> dict[str, str]:
    token = signing.make_token("manage", subscriber.pk, subscriber.email)
    unsubscribe = absolute(reverse("newsletter:unsubscribe", args=[token])) + f"?m={mailing_id}"
    return {
        "manage_url": absolute(reverse("newsletter:manage", args=[token])),
        "unsubscribe_url": unsubscribe,
    }


def load_stories(ids: set[int], known: dict[int, Story]) -> None:
    """Fill `known` with the stories of these ids and what a mail shows of them."""
    missing = ids - known.keys()
    if missing:
        rows = (
            Story.objects.filter(pk__in=missing)
            .select_related("headline__source", "headline__section")
            .defer("profile", "headline__raw_html", "headline__content_html")
        )
        for story in rows:
            # Worked out once per story and sender, not once per mail that shows it.
            story.mail_url = absolute(reverse("portal:story", args=[story.pk]))
            known[story.pk] = story


# Mail to people who are no subscribers: the app it is about builds its context and headers
# from the delivery (`about`); it goes to `to_address` through the same queue and sender.
OUTSIDE = {
    Mailing.Kind.REPLY: "discussion.notify.reply_mail",
    Mailing.Kind.HELD: "discussion.notify.held_mail",
    Mailing.Kind.ERASE: "discussion.notify.erase_mail",
}


def compose(delivery: Delivery, stories: dict[int, Story]):
    """The message of one delivery, built the same way every time it is attempted."""
    if delivery.kind in OUTSIDE:
        context, headers = import_string(OUTSIDE[delivery.kind])(delivery)
        return email.build(
            delivery.kind, context, delivery.to_address,
            message_id=delivery.message_id, headers=headers,
        )  # fmt: skip
    subscriber = delivery.subscriber
    context: dict = {"subscriber_since": subscriber.created_at, "mailing": delivery.mailing}
    headers: dict[str, str] = {}
    kind = delivery.kind
    if kind in BEFORE_CONFIRMING and delivery.variant != "already":
        token = signing.make_token("confirm", subscriber.pk, subscriber.email)
        context["confirm_url"] = absolute(reverse("newsletter:confirm", args=[token]))
        context["hours"] = settings.NEWSLETTER_CONFIRM_HOURS
        if kind == Mailing.Kind.INVITE and subscriber.invited_by_id:
            # Named by their confirmed address, never by anything they typed about themselves.
            context["inviter"] = subscriber.invited_by.email
    else:
        context.update(links(subscriber, delivery.mailing_id))
        if kind not in BEFORE_CONFIRMING:
            headers = email.list_headers(context["unsubscribe_url"], "news")
    shown = [stories[pk] for pk in delivery.stories if pk in stories]
    context["stories"] = []
    for story in shown:
        if not story.headline_id:
            continue
        item = {
            "story": story,
            "article": story.headline,
            "url": story.mail_url,
            "section": story.headline.section,
        }
        if not hasattr(story, "mail_html"):
            # A story reads the same in every mail that shows it: rendered once per sender.
            fragment = {"item": item, "base_url": settings.BASE_URL}
            story.mail_text = render_to_string("mail/_story.txt", fragment)
            story.mail_html = render_to_string("mail/_story.html", fragment)
        context["stories"].append(item | {"text": story.mail_text, "html": story.mail_html})
    if delivery.variant == "follow_confirm":
        from newsletter.follow import follow_confirm_context  # follow.py imports this module

        context.update(follow_confirm_context(delivery))
    template = delivery.variant or kind
    return email.build(
        template, context, subscriber.email, message_id=delivery.message_id, headers=headers
    )


# --- the queue -----------------------------------------------------------------------------------


def claimable(now: datetime):
    return Delivery.objects.filter(
        Q(status=Delivery.Status.QUEUED, due_at__lte=now)
        | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
    )


def claim_batch(now: datetime, size: int = BATCH) -> list[int]:
    """Take up to `size` due deliveries for this worker: on PostgreSQL rows others hold are
    skipped (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time anyway."""
    with transaction.atomic():
        ids = list(
            claimable(now)
            .order_by("due_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENDING, claimed_until=now + LEASE
        )
    return ids


class RelayDown(Exception):
    """The relay cannot be reached, dropped us, or refuses us as a sender: the rest of the batch
    waits."""


class LeaseOver(Exception):
    """This worker's claim on its batch is (almost) over: another may take the rest up now."""


# Refusals that are about the relay or about us, never about the reader: a relay that rejects
# our From or our login would otherwise mark every reader of the batch bounced.
RELAY_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
    smtplib.SMTPNotSupportedError,
    smtplib.SMTPSenderRefused,
)


def is_relay_error(error: Exception) -> bool:
    # Every SMTPException is an OSError: only the ones above, and socket errors proper
    # (refused, reset, timed out), say the relay is gone; a 4xx to one message does not.
    if isinstance(error, RELAY_ERRORS):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def permanent_code(error: Exception) -> int | None:
    """The 5xx code of a refusal of this message or address that retrying will not change."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return codes[0] if codes and all(500 <= c < 600 for c in codes) else None
    if isinstance(error, smtplib.SMTPDataError) and 500 <= error.smtp_code < 600:
        return error.smtp_code
    return None


def describe(error: Exception) -> str:
    """What went wrong, without the address (the relay's refusal may quote it)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = next(iter(error.recipients.values()), (0, b""))[0]
        return f"recipient refused ({code})"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__} {error.smtp_code}"
    return type(error).__name__


class Sender:
    """Sends batches over one connection to the relay, at most `rate` mails a second. `clock`
    is the time rows are claimed and marked by; `monotonic` and `pause` keep the pace."""

    # A batch is sent from only while its lease has this much left: a worker slowed down past
    # it hands the rest back instead of sending what another worker may have taken up.
    LEASE_MARGIN = timedelta(minutes=1)

    def __init__(
        self,
        clock: Callable[[], datetime] = timezone.now,
        pause: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.clock = clock
        self.pause = pause
        self.monotonic = monotonic
        self.rate = settings.NEWSLETTER_SEND_RATE
        self.connection = None
        self.stories: dict[int, Story] = {}
        self.last_sent: float | None = None
        self.lease_ends: datetime | None = None
        self.sent = 0  # by the current send_due()
        # Readers stopped by a bounce during this run: the rest of their mail in the batch
        # is cancelled rather than offered to the relay again.
        self.stopped: set[int] = set()

    def send_due(self, most: int | None = None) -> int:
        """Send what is due, batch after batch, until the queue is empty, `most` are sent or the
        relay fails. Returns how many were sent."""
        self.sent = 0  # counted as they go: a batch the relay cut short counts what it sent
        try:
            while most is None or self.sent < most:
                now = self.clock()
                ids = claim_batch(now, BATCH if most is None else min(BATCH, most - self.sent))
                if not ids:
                    break
                self.lease_ends = now + LEASE
                self.send_batch(ids)
        except RelayDown as error:
            log.warning("mail relay unavailable, sending paused: %s", error)
        finally:
            self.close()
        return self.sent

    def send_batch(self, ids: list[int]) -> None:
        deliveries = list(
            Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING)
            .select_related("subscriber__invited_by", "mailing")
            .order_by("due_at", "pk")
        )
        load_stories(
            {pk for d in deliveries for pk in d.stories if isinstance(pk, int)}, self.stories
        )
        for index, delivery in enumerate(deliveries):
            rest = [d.pk for d in deliveries[index:]]
            try:
                self.sent += self.send_one(delivery)
            except RelayDown:
                # This one and the rest go back to the queue, for a little later.
                self.release(rest, self.clock() + backoff(delivery.attempts + 1))
                raise
            except LeaseOver:
                log.warning("lease of a batch ran out, %d deliveries handed back", len(rest))
                self.release(rest)
                break

    def release(self, ids: list[int], due_at: datetime | None = None) -> None:
        """Back to the queue (due again at `due_at`, if given), if still this worker's to give."""
        claimed = Q(claimed_until=self.lease_ends) if self.lease_ends else Q()
        later = {"due_at": due_at} if due_at else {}
        Delivery.objects.filter(claimed, pk__in=ids, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.QUEUED, claimed_until=None, **later
        )

    def send_one(self, delivery: Delivery) -> int:
        subscriber = delivery.subscriber
        wanted = (delivery.kind in OUTSIDE and delivery.to_address) or (
            subscriber is not None
            and subscriber.pk not in self.stopped
            and (
                subscriber.is_active
                or (delivery.kind in BEFORE_CONFIRMING and subscriber.status == "pending")
            )
        )
        if not wanted:
            self.mark(delivery, Delivery.Status.CANCELLED)
            return 0
        try:
            message = compose(delivery, self.stories)
        except ObjectDoesNotExist:
            # Mail about something gone since (a reply trashed, notices turned off): not sent.
            self.mark(delivery, Delivery.Status.CANCELLED)
            return 0
        except Exception as error:
            # A mail that cannot be built (a template error) must not hold up the batch, nor
            # come back every lease for ever: it is retried like a transient refusal.
            log.exception("could not compose delivery %s", delivery.pk)
            self.retry_later(delivery, describe(error))
            return 0
        self.keep_pace()
        if self.lease_ends and self.clock() > self.lease_ends - self.LEASE_MARGIN:
            raise LeaseOver()
        faults.point("before-send")
        try:
            self.transmit(message)
        except Exception as error:
            self.failed(delivery, error)
            return 0
        faults.point("after-send")
        self.mark(delivery, Delivery.Status.SENT, sent_at=self.clock())
        return 1

    def transmit(self, message) -> None:
        """Over the open connection; one that the relay closed since (idle too long) is opened
        again once before the relay counts as down."""
        reused = self.connection is not None
        try:
            if self.connection is None:
                self.connection = mailers.default
                self.connection.open()
            self.connection.send_messages([message])
        except (smtplib.SMTPServerDisconnected, ConnectionError):
            self.close()
            if not reused:
                raise
            self.transmit(message)

    def keep_pace(self) -> None:
        """Wait until a mail may go: 1/rate seconds after the previous one started."""
        if self.rate <= 0:
            return
        if self.last_sent is not None:
            wait = self.last_sent + 1 / self.rate - self.monotonic()
            if wait > 0:
                self.pause(wait)
        self.last_sent = self.monotonic()

    def mark(self, delivery: Delivery, status: str, **fields) -> None:
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
            status=status, claimed_until=None, attempts=F("attempts") + 1, **fields
        )

    def failed(self, delivery: Delivery, error: Exception) -> None:
        if is_relay_error(error):
            self.close()
            raise RelayDown(describe(error)) from error
        if permanent_code(error) is not None:
            # The relay says this address will never take mail: stop writing to it.
            self.mark(delivery, Delivery.Status.FAILED, error=describe(error))
            if delivery.subscriber is not None:
                stop_address(delivery.subscriber, Subscriber.Status.BOUNCED, self.clock())
                self.stopped.add(delivery.subscriber.pk)
            return
        # Transient (4xx): this one waits and is tried again, the batch goes on.
        self.retry_later(delivery, describe(error))

    def retry_later(self, delivery: Delivery, error: str) -> None:
        attempts = delivery.attempts + 1
        if attempts >= MOST_ATTEMPTS:
            self.mark(delivery, Delivery.Status.FAILED, error=error)
            return
        Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.QUEUED,
            attempts=attempts,
            due_at=self.clock() + backoff(attempts),
            claimed_until=None,
            error=error,
        )

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(Exception):  # a dead connection closes with an error
                self.connection.close()
            self.connection = None


def stop_address(subscriber: Subscriber, status: str, now: datetime) -> None:
    """A hard bounce, a complaint or too many soft bounces: no more mail to the address."""
    Subscriber.objects.filter(pk=subscriber.pk).update(
        status=status, stopped_at=now, next_digest_at=None
    )
    subscriber.deliveries.filter(status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.CANCELLED
    )
