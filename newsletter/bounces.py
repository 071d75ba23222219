"""Bounces and complaints: what the mail provider or the bounce mailbox reports about an address
stops mail to it (at once for a hard bounce or a complaint, after a few soft bounces).

The webhook, POST /newsletter/bounces/<NEWSLETTER_BOUNCE_SECRET>/, takes a JSON body of at most
1 MB, either a list of events or one event:

    {"events": [{"email": "ana@example.org", "type": "hard"},
                {"email": "bo@example.org", "type": "complaint"}]}
    {"email": "ana@example.org", "type": "soft"}

"type" is "hard" (the address does not exist, or refuses for good), "soft" (full mailbox, a
temporary refusal the provider gave up on) or "complaint" (the reader marked the mail as spam).
Other fields are ignored. It answers 200 {"recorded": n, "ignored": m} (ignored: addresses
Herald does not know), 400 {"error": "..."} for a body it cannot read, and 404 for a wrong
secret. A provider adapter maps its own events onto these: with django-anymail's tracking
signal, event_type "bounced" is "hard", "deferred" is "soft" when the provider has given up
(else it is left out), "complained" is "complaint", and the address is event.recipient.

A mailbox that receives the relay's bounce reports is read by read_mailbox(): RFC 3464
delivery status notifications and RFC 5965 (ARF) complaint reports."""

import email
import email.errors
import hmac
import json
import logging
import mailbox
from collections import Counter
from datetime import datetime
from email.message import Message
from email.parser import HeaderParser
from email.policy import default as default_policy
from email.utils import getaddresses
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from newsletter.models import Delivery, Subscriber
from newsletter.send import stop_address
from newsletter.subscribe import normalize_address

HARD, SOFT, COMPLAINT = "hard", "soft", "complaint"
KINDS = (HARD, SOFT, COMPLAINT)
MAX_BODY = 1024 * 1024
# Mail to these is still wanted: a report about another address changes nothing.
RECEIVING = (Subscriber.Status.ACTIVE, Subscriber.Status.PENDING)


# --- recording -----------------------------------------------------------------------------------


def find(address: str) -> Subscriber | None:
    """The subscriber of a reported address. Reports may change the case of an address: an
    exact match first, then one that differs only in case, if it is the only one."""
    try:
        address = normalize_address(address)
    except ValidationError:
        return None
    found = Subscriber.objects.filter(email=address).first()
    if found is None:
        alike = list(Subscriber.objects.filter(email__iexact=address)[:2])
        found = alike[0] if len(alike) == 1 else None
    return found


def record(address: str, kind: str, now: datetime) -> bool:
    """Take in one report about an address. False when Herald does not know the address."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of report: {kind!r}")
    found = find(address)
    if found is None:
        return False
    with transaction.atomic():
        # Locked, so two soft bounces reported at once both count.
        subscriber = Subscriber.objects.select_for_update().filter(pk=found.pk).first()
        if subscriber is None:  # erased in between
            return False
        if kind != COMPLAINT:
            mark_last_bounced(subscriber)
        if subscriber.status not in RECEIVING:
            return True  # stopped already, or unsubscribed: it stays as it is
        if kind == HARD:
            stop_address(subscriber, Subscriber.Status.BOUNCED, now)
        elif kind == COMPLAINT:
            stop_address(subscriber, Subscriber.Status.COMPLAINED, now)
        else:
            subscriber.soft_bounces += 1
            Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=subscriber.soft_bounces)
            if subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCES:
                stop_address(subscriber, Subscriber.Status.BOUNCED, now)
    return True


def mark_last_bounced(subscriber: Subscriber) -> None:
    """The mail that bounced is, as far as Herald can tell, the last one sent to the address:
    the mailing counts it as bounced."""
    last = (
        subscriber.deliveries.filter(status=Delivery.Status.SENT)
        .order_by("-sent_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if last is not None:
        Delivery.objects.filter(pk=last).update(status=Delivery.Status.BOUNCED)


def record_all(events: list[tuple[str, str]], now: datetime) -> dict[str, int]:
    known = sum(record(address, kind, now) for address, kind in events)
    return {"recorded": known, "ignored": len(events) - known}


# --- the webhook ---------------------------------------------------------------------------------


class BadEvents(ValueError):
    """A webhook body that is not the documented shape; the message says what is wrong."""


def secret_matches(given: str) -> bool:
    expected = settings.NEWSLETTER_BOUNCE_SECRET
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def events_from(body: bytes) -> list[tuple[str, str]]:
    """The (address, kind) pairs of a webhook body, or BadEvents."""
    if len(body) > MAX_BODY:
        raise BadEvents(f"the body is larger than {MAX_BODY} bytes")
    try:
        data = json.loads(body)
    except ValueError:  # also UnicodeDecodeError
        raise BadEvents("the body is not JSON") from None
    if not isinstance(data, dict):
        raise BadEvents('expected an object: {"events": [...]} or one event')
    events = data.get("events", [data])
    if not isinstance(events, list):
        raise BadEvents('"events" must be a list')
    found = []
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            raise BadEvents(f"event {index}: not an object")
        address, kind = event.get("email"), event.get("type")
        if not isinstance(address, str) or not address.strip() or len(address) > 254:
            raise BadEvents(f'event {index}: "email" must be an email address')
        if kind not in KINDS:
            raise BadEvents(f'event {index}: "type" must be one of {", ".join(KINDS)}')
        found.append((address.strip(), kind))
    return found


# --- reports by mail -----------------------------------------------------------------------------


def parse_dsn(raw: bytes) -> list[tuple[str, str]]:
    """The (address, kind) pairs a report mail tells of: an RFC 3464 delivery status
    notification (a failed recipient: status 5.x.x hard, 4.x.x soft; a delayed one is not
    given up yet) or an ARF complaint (RFC 5965). Any other mail tells of nothing."""
    return reports_in(email.message_from_bytes(raw, policy=default_policy))


def reports_in(message: Message) -> list[tuple[str, str]]:
    if message.get_content_type() != "multipart/report":
        return []
    report_type = (message.get_param("report-type") or "").lower()
    if report_type == "delivery-status":
        return failed_recipients(message)
    if report_type == "feedback-report":
        return complaints(message)
    return []


def failed_recipients(report: Message) -> list[tuple[str, str]]:
    found = []
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        # The parser gives one header block per entry: the message's, then each recipient's.
        for block in part.get_payload():
            action = str(block.get("Action", "")).strip().lower()
            address = recipient(str(block.get("Final-Recipient", "")))
            if action != "failed" or not address:
                continue
            status = str(block.get("Status", "")).strip()
            found.append((address, HARD if status.startswith("5") else SOFT))
    return found


def recipient(field: str) -> str:
    """The address of a Final-Recipient field: 'rfc822; ana@example.org'."""
    kind, _, address = field.partition(";")
    if not address:
        address, kind = kind, "rfc822"
    address = address.strip().strip("<>").strip()
    return address if kind.strip().lower() == "rfc822" and "@" in address else ""


def complaints(report: Message) -> list[tuple[str, str]]:
    feedback_type = "abuse"
    original: Message | None = None
    for part in report.walk():
        content_type = part.get_content_type()
        if content_type == "message/feedback-report":
            fields = part.get_payload()[0]
            feedback_type = str(fields.get("Feedback-Type", "abuse")).strip().lower()
        elif content_type == "message/rfc822" and original is None:
            original = part.get_payload()[0]
        elif content_type == "text/rfc822-headers" and original is None:
            original = HeaderParser(policy=default_policy).parsestr(part.get_content())
    # Other feedback (a virus found, a not-spam vote) is no reader's complaint.
    if feedback_type != "abuse" or original is None:
        return []
    addresses = getaddresses([str(original.get("To", ""))])
    return [(address, COMPLAINT) for _, address in addresses if "@" in address]


def read_mailbox(path: str | Path, now: datetime | None = None, keep: bool = False) -> Counter:
    """Record the reports of an mbox file and take them out of it (unless `keep`); other mail
    stays for a person to read. Returns counts: reports, each kind recorded, unknown (addresses
    Herald does not know), other (mail that is no report), unreadable."""
    now = now or timezone.now()
    counts: Counter = Counter()
    box = mailbox.mbox(path, create=False)
    box.lock()
    try:
        for key in list(box.iterkeys()):  # keys, not messages: each may be removed
            try:
                message = email.message_from_bytes(box.get_bytes(key), policy=default_policy)
                events = reports_in(message)
            except (ValueError, LookupError, TypeError, email.errors.MessageError):
                logging.getLogger(__name__).warning("unreadable mail in %s", path, exc_info=True)
                counts["unreadable"] += 1
                continue
            if message.get_content_type() != "multipart/report":
                counts["other"] += 1
                continue
            counts["reports"] += 1
            for address, kind in events:
                counts[kind if record(address, kind, now) else "unknown"] += 1
            if not keep:
                box.remove(key)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return counts
