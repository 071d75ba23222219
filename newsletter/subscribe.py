"""The reader's side of a subscription: sign up, confirm, change, invite the household,
unsubscribe, export, erase. Whatever a visitor types, the answer is the same, so a sign-up never
tells whether an address is subscribed; and only the address's owner, by a link mailed to it,
can turn a sign-up or an invitation into mail."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F

from articles.models import Section
from herald.lib import signing
from newsletter.models import Delivery, Invitation, Mailing, Pace, SectionMail, Subscriber
from newsletter.schedule import next_due
from newsletter.send import mailing_for

CONFIRM = "confirm"  # the purposes of signed links
MANAGE = "manage"
RESEND_AFTER = timedelta(hours=1)  # one confirmation an hour to one address, at most


def normalize_address(value: str) -> str:
    """The address as stored, or ValidationError: well formed, its domain valid in IDNA, no line
    breaks (nothing a header could be split with)."""
    value = (value or "").strip()
    if any(ch in value for ch in "\r\n\0") or len(value) > 254:
        raise ValidationError("Enter a valid email address.")
    validate_email(value)
    local, _, domain = value.rpartition("@")
    try:
        domain.encode("idna")
    except UnicodeError:
        raise ValidationError("Enter a valid email address.") from None
    return f"{local}@{domain.lower()}"


@dataclass
class Choices:
    """What a reader wants: which sections, at which pace, when."""

    choice: str = Subscriber.Choice.ALL
    sections: list[int] = field(default_factory=list)
    pace: str = ""
    hour: int | None = None
    weekday: int | None = None
    time_zone: str = "UTC"

    def defaults(self) -> "Choices":
        """Pace and hour left open come from the first of the chosen sections' defaults."""
        if self.pace and self.hour is not None and self.weekday is not None:
            return self
        wanted = Section.objects.filter(is_active=True).order_by("order", "name")
        if self.choice == Subscriber.Choice.ONLY and self.sections:
            wanted = wanted.filter(pk__in=self.sections)
        mail = SectionMail.objects.filter(section__in=wanted).order_by("section__order").first()
        return Choices(
            self.choice,
            self.sections,
            self.pace or (mail.pace if mail else Pace.DAILY),
            self.hour if self.hour is not None else (mail.hour if mail else 7),
            self.weekday if self.weekday is not None else (mail.weekday if mail else 0),
            self.time_zone,
        )


def apply(subscriber: Subscriber, choices: Choices, now: datetime) -> None:
    """Store the choices and reschedule the next digest by them."""
    subscriber.choice = choices.choice
    subscriber.pace = choices.pace
    subscriber.hour = choices.hour
    subscriber.weekday = choices.weekday
    subscriber.time_zone = choices.time_zone
    if subscriber.is_active:
        subscriber.next_digest_at = next_due(
            choices.pace, choices.hour, choices.weekday, choices.time_zone, now
        )
    subscriber.save()
    kept = choices.sections if choices.choice in ("only", "all_but") else []
    subscriber.sections.set(Section.objects.filter(pk__in=kept))


def sign_up(email: str, choices: Choices, source: str, now: datetime) -> None:
    """A sign-up from a form. Whatever the address's state, the visitor is told the same; the
    address gets at most one mail an hour from it."""
    choices = choices.defaults()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"signed_up_from": source}
        )
        if subscriber.is_active:
            # Known and confirmed: their choices are theirs to change, by their own link.
            queue_mail(subscriber, Mailing.Kind.CONFIRM, now, template="already")
            return
        subscriber.status = Subscriber.Status.PENDING
        subscriber.signed_up_from = source
        subscriber.invited_by = None
        apply(subscriber, choices, now)
        queue_mail(subscriber, Mailing.Kind.CONFIRM, now)


def invite(inviter: Subscriber, email: str, now: datetime) -> bool:
    """Add someone to a confirmed reader's household: they get their own invitation, naming the
    inviter by their confirmed address, and nothing more unless they confirm. An address that
    is subscribed already gets nothing, and the inviter is not told. False: household full."""
    if not inviter.is_active:
        return False
    with transaction.atomic():
        if inviter.invitations.count() >= settings.NEWSLETTER_HOUSEHOLD_MAX:
            return False
        try:
            with transaction.atomic():
                Invitation.objects.create(inviter=inviter, email=email)
        except IntegrityError:
            return True  # entered before
        if email == inviter.email or Subscriber.objects.filter(email=email).exists():
            return True
        member = Subscriber.objects.create(
            email=email,
            signed_up_from=f"invitation from subscriber {inviter.pk}",
            invited_by=inviter,
        )
        sections = list(inviter.sections.values_list("pk", flat=True))
        apply(
            member,
            Choices(
                inviter.choice,
                sections,
                inviter.pace,
                inviter.hour,
                inviter.weekday,
                inviter.time_zone,
            ),
            now,
        )
        queue_mail(member, Mailing.Kind.INVITE, now)
    return True


def remove_member(inviter: Subscriber, invitation_id: int) -> None:
    """End an invitation. A member who has not confirmed is forgotten (and mailed nothing more);
    one who confirmed keeps the subscription they made their own."""
    invitation = inviter.invitations.filter(pk=invitation_id).first()
    if invitation is None:
        return
    with transaction.atomic():
        members = Subscriber.objects.filter(email=invitation.email, invited_by=inviter)
        for member in members.filter(status=Subscriber.Status.PENDING):
            cancel_queued(member)
            member.delete()
        members.update(invited_by=None)
        invitation.delete()


def queue_mail(subscriber: Subscriber, kind: str, now: datetime, template: str = "") -> bool:
    """A confirmation or an invitation, recorded to be sent, unless this address had one within
    the hour or sign-ups have used up the hour's mails."""
    if subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < RESEND_AFTER:
        return False
    hour_ago = now - timedelta(hours=1)
    sent = Delivery.objects.filter(
        kind__in=[Mailing.Kind.CONFIRM, Mailing.Kind.INVITE], created_at__gte=hour_ago
    )
    if sent.count() >= settings.NEWSLETTER_CONFIRMATIONS_PER_HOUR:
        return False
    Delivery.objects.create(
        mailing=mailing_for(kind, now.date().isoformat()),
        subscriber=subscriber,
        kind=kind,
        due_at=now,
        variant=template,
    )
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
    subscriber.confirmation_sent_at = now
    transaction.on_commit(send_soon, robust=True)
    return True


def send_soon() -> None:
    from newsletter import tasks  # the queue is loaded only where mail is queued

    tasks.send_soon()


def from_token(purpose: str, token: str, max_age: float | None = None) -> Subscriber | None:
    found = signing.read_token(purpose, token, max_age)
    if found is None:
        return None
    subscriber = Subscriber.objects.filter(pk=found[0]).first()
    if subscriber is None or signing.address_digest(subscriber.email) != found[1]:
        return None
    return subscriber


def confirm(token: str, now: datetime, network: str = "") -> Subscriber | None:
    """One click on the mailed link: the address is confirmed and its schedule starts. None: the
    link is forged, for another address, or expired."""
    max_age = settings.NEWSLETTER_CONFIRM_HOURS * 3600
    subscriber = from_token(CONFIRM, token, max_age)
    if subscriber is None:
        return None
    if subscriber.status != Subscriber.Status.PENDING:
        return subscriber
    Subscriber.objects.filter(pk=subscriber.pk, status=Subscriber.Status.PENDING).update(
        status=Subscriber.Status.ACTIVE,
        confirmed_at=now,
        confirmed_by=confirmed_by(subscriber, network),
        digest_since=now,
        next_digest_at=next_due(
            subscriber.pace, subscriber.hour, subscriber.weekday, subscriber.time_zone, now
        ),
        stopped_at=None,
        soft_bounces=0,
    )
    subscriber.refresh_from_db()
    from newsletter.follow import confirm_follows  # follow.py imports this module

    confirm_follows(subscriber, now)
    return subscriber


def confirmed_by(subscriber: Subscriber, network: str) -> str:
    """The consent record's last part: which mailed link was clicked, from which network."""
    sent = subscriber.confirmation_sent_at
    link = f"link mailed at {sent:%Y-%m-%d %H:%M} UTC" if sent else "link"
    return link + (f", opened from {network}" if network else "")


def unsubscribe(subscriber: Subscriber, now: datetime, mailing_id: int | None = None) -> None:
    """Nothing more is sent, at once: mail queued for the address is cancelled too."""
    with transaction.atomic():
        changed = Subscriber.objects.filter(
            pk=subscriber.pk, status__in=[Subscriber.Status.ACTIVE, Subscriber.Status.PENDING]
        ).update(status=Subscriber.Status.UNSUBSCRIBED, stopped_at=now, next_digest_at=None)
        cancel_queued(subscriber)
        subscriber.follows.filter(ended_at__isnull=True).update(ended_at=now)
        if changed and mailing_id:
            Mailing.objects.filter(pk=mailing_id).update(unsubscribed=F("unsubscribed") + 1)
    subscriber.refresh_from_db()


def cancel_queued(subscriber: Subscriber) -> None:
    subscriber.deliveries.filter(status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.CANCELLED
    )


def pause(subscriber: Subscriber, until: datetime | None) -> None:
    Subscriber.objects.filter(pk=subscriber.pk).update(paused_until=until)
    subscriber.paused_until = until


def export(subscriber: Subscriber) -> dict:
    """Everything Herald keeps about the reader, as JSON-ready data."""
    return {
        "email": subscriber.email,
        "status": subscriber.status,
        "sections": {
            "choice": subscriber.choice,
            "chosen": [s.name for s in subscriber.sections.order_by("order")],
        },
        "pace": subscriber.pace,
        "hour": subscriber.hour,
        "weekday": subscriber.weekday,
        "time_zone": subscriber.time_zone,
        "daily_cap": subscriber.daily_cap,
        "paused_until": subscriber.paused_until,
        "consent": {
            "signed_up_at": subscriber.created_at,
            "signed_up_from": subscriber.signed_up_from,
            "confirmation_sent_at": subscriber.confirmation_sent_at,
            "confirmed_at": subscriber.confirmed_at,
            "confirmed_by": subscriber.confirmed_by,
        },
        "household": [i.email for i in subscriber.invitations.order_by("created_at")],
        "following": [
            {"story": f.story_id, "since": f.created_at, "ended": f.ended_at}
            for f in subscriber.follows.order_by("created_at")
        ],
        "mails": [
            {"kind": d.kind, "status": d.status, "created": d.created_at, "sent": d.sent_at}
            for d in subscriber.deliveries.order_by("created_at")
        ],
    }


def erase(subscriber: Subscriber) -> None:
    """Forget the reader: the address and all tied to it. What stays is anonymous: the mails
    counted in their mailings, without whom they went to."""
    with transaction.atomic():
        cancel_queued(subscriber)
        Invitation.objects.filter(email=subscriber.email).delete()
        subscriber.delete()
