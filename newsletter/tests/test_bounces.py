"""Bounces and complaints: reported by the provider's webhook or found in the bounce mailbox,
they stop mail to the address."""

import json
import mailbox
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from newsletter.bounces import parse_dsn, read_mailbox, record
from newsletter.models import Delivery, Subscriber
from newsletter.send import mailing_for
from newsletter.subscribe import unsubscribe
from newsletter.tests.helpers import reader

pytestmark = pytest.mark.django_db

TESTDATA = Path(__file__).parent / "testdata"
NOW = timezone.now()
SECRET = "s3cret-for-the-provider"
WEBHOOK = f"/newsletter/bounces/{SECRET}/"


@pytest.fixture(autouse=True)
def bounce_settings(settings):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    settings.NEWSLETTER_SOFT_BOUNCES = 3


def delivery(subscriber, status, key, sent_at=None) -> Delivery:
    return Delivery.objects.create(
        mailing=mailing_for("daily", key),
        subscriber=subscriber,
        kind="daily",
        status=status,
        due_at=sent_at or NOW,
        sent_at=sent_at,
    )


def status_of(email: str) -> str:
    return Subscriber.objects.get(email=email).status


def post(body, client=None, secret=SECRET):
    data = body if isinstance(body, bytes) else json.dumps(body)
    return (client or Client()).post(
        f"/newsletter/bounces/{secret}/", data, content_type="application/json"
    )


# --- recording -----------------------------------------------------------------------------------


def test_a_hard_bounce_stops_the_address_and_cancels_its_queued_mail():
    ana = reader("ana@example.org", NOW)
    waiting = delivery(ana, "queued", "2025-03-05")
    assert record("ana@example.org", "hard", NOW) is True
    ana.refresh_from_db()
    assert ana.status == "bounced"
    assert ana.stopped_at == NOW
    assert ana.next_digest_at is None
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"


def test_a_bounce_marks_the_last_mail_sent_to_the_address_as_bounced():
    ana = reader("ana@example.org", NOW)
    older = delivery(ana, "sent", "2025-03-03", sent_at=NOW - timedelta(days=2))
    last = delivery(ana, "sent", "2025-03-04", sent_at=NOW - timedelta(days=1))
    record("ana@example.org", "soft", NOW)
    assert Delivery.objects.get(pk=last.pk).status == "bounced"
    assert Delivery.objects.get(pk=older.pk).status == "sent"


def test_a_complaint_stops_the_address_at_once():
    ana = reader("ana@example.org", NOW)
    sent = delivery(ana, "sent", "2025-03-04", sent_at=NOW)
    waiting = delivery(ana, "queued", "2025-03-05")
    record("ana@example.org", "complaint", NOW)
    assert status_of("ana@example.org") == "complained"
    assert Delivery.objects.get(pk=waiting.pk).status == "cancelled"
    # The mail was delivered: the reader did not want it, but it did not bounce.
    assert Delivery.objects.get(pk=sent.pk).status == "sent"


def test_soft_bounces_stop_the_address_when_they_reach_the_limit():
    reader("ana@example.org", NOW)
    record("ana@example.org", "soft", NOW)
    record("ana@example.org", "soft", NOW)
    ana = Subscriber.objects.get()
    assert (ana.status, ana.soft_bounces) == ("active", 2)
    record("ana@example.org", "soft", NOW)
    ana.refresh_from_db()
    assert (ana.status, ana.soft_bounces) == ("bounced", 3)


def test_a_report_about_an_unknown_address_is_ignored():
    reader("ana@example.org", NOW)
    assert record("nobody@example.org", "hard", NOW) is False
    assert record("not an address", "complaint", NOW) is False
    assert status_of("ana@example.org") == "active"


def test_a_report_finds_the_address_whatever_its_case():
    reader("bo@example.org", NOW)
    record("Bo@EXAMPLE.ORG", "hard", NOW)
    assert status_of("bo@example.org") == "bounced"


def test_an_unsubscribed_address_stays_unsubscribed_after_a_bounce():
    ana = reader("ana@example.org", NOW)
    unsubscribe(ana, NOW)
    record("ana@example.org", "complaint", NOW + timedelta(hours=1))
    ana.refresh_from_db()
    assert (ana.status, ana.stopped_at) == ("unsubscribed", NOW)


# --- the webhook ---------------------------------------------------------------------------------


def test_the_webhook_records_the_providers_events():
    reader("ana@example.org", NOW)
    reader("bo@example.org", NOW)
    events = [
        {"email": "ana@example.org", "type": "hard", "provider_id": "x1"},
        {"email": "bo@example.org", "type": "complaint"},
        {"email": "nobody@example.org", "type": "hard"},
    ]
    response = post({"events": events})
    assert response.status_code == 200
    assert response.json() == {"recorded": 2, "ignored": 1}
    assert "no-store" in response["Cache-Control"]
    assert status_of("ana@example.org") == "bounced"
    assert status_of("bo@example.org") == "complained"


def test_the_webhook_takes_a_single_event():
    reader("ana@example.org", NOW)
    response = post({"email": "ana@example.org", "type": "soft"})
    assert response.json() == {"recorded": 1, "ignored": 0}
    assert Subscriber.objects.get().soft_bounces == 1


def test_the_webhook_needs_no_csrf_token():
    reader("ana@example.org", NOW)
    response = post({"email": "ana@example.org", "type": "hard"}, Client(enforce_csrf_checks=True))
    assert response.status_code == 200
    assert status_of("ana@example.org") == "bounced"


def test_the_webhook_is_not_found_with_a_wrong_secret():
    reader("ana@example.org", NOW)
    response = post({"email": "ana@example.org", "type": "hard"}, secret="guess")
    assert response.status_code == 404
    assert status_of("ana@example.org") == "active"


def test_the_webhook_is_not_found_while_no_secret_is_set(settings):
    settings.NEWSLETTER_BOUNCE_SECRET = ""
    reader("ana@example.org", NOW)
    response = post({"email": "ana@example.org", "type": "hard"})
    assert response.status_code == 404
    assert status_of("ana@example.org") == "active"


def test_the_webhook_only_takes_posts(client):
    response = client.get(WEBHOOK)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    "body, error",
    [
        (b"email=ana@example.org&type=hard", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b'[{"email": "ana@example.org", "type": "hard"}]', "expected an object"),
        (b'{"events": {"email": "ana@example.org", "type": "hard"}}', "must be a list"),
        (b'{"events": ["ana@example.org"]}', "event 0: not an object"),
        (b'{"events": [{"type": "hard"}]}', 'event 0: "email"'),
        (b'{"events": [{"email": "ana@example.org", "type": "bounce"}]}', 'event 0: "type"'),
        (
            b'{"email": "ana@example.org", "type": "hard", "pad": "' + b"x" * 2**20 + b'"}',
            "1048576",
        ),
    ],
)
def test_the_webhook_refuses_a_malformed_body_and_says_why(body, error):
    reader("ana@example.org", NOW)
    response = post(body)
    assert response.status_code == 400
    assert error in response.json()["error"]
    assert status_of("ana@example.org") == "active"


def test_the_webhook_records_nothing_of_a_body_with_one_bad_event():
    reader("ana@example.org", NOW)
    events = [{"email": "ana@example.org", "type": "hard"}, {"email": 7, "type": "hard"}]
    assert post({"events": events}).status_code == 400
    assert status_of("ana@example.org") == "active"


# --- reports by mail -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, found",
    [
        ("postfix_hard.eml", [("ana@example.org", "hard")]),
        ("exim_soft.eml", [("bo@EXAMPLE.org", "soft")]),
        ("two_recipients.eml", [("cy@example.net", "hard")]),  # the other one is delayed
        ("delayed.eml", []),
        ("arf_complaint.eml", [("ana@example.org", "complaint")]),
        ("arf_headers_only.eml", [("bo@example.org", "complaint")]),
        ("out_of_office.eml", []),
    ],
)
def test_a_report_mail_tells_which_address_failed_and_how(name, found):
    assert parse_dsn((TESTDATA / name).read_bytes()) == found


def test_feedback_that_is_no_complaint_is_ignored():
    raw = (TESTDATA / "arf_complaint.eml").read_bytes()
    assert parse_dsn(raw.replace(b"Feedback-Type: abuse", b"Feedback-Type: not-spam")) == []


def write_mbox(path: Path, *names: str) -> Path:
    box = mailbox.mbox(path)
    for name in names:
        box.add((TESTDATA / name).read_bytes())
    box.close()
    return path


def test_reading_the_bounce_mailbox_records_each_report_and_keeps_other_mail(tmp_path):
    for address in ["ana@example.org", "bo@example.org", "cy@example.net"]:
        reader(address, NOW)
    path = write_mbox(
        tmp_path / "bounces",
        "postfix_hard.eml",
        "exim_soft.eml",
        "two_recipients.eml",
        "delayed.eml",
        "arf_headers_only.eml",
        "out_of_office.eml",
    )
    counts = read_mailbox(path, NOW)
    assert counts == {"reports": 5, "hard": 2, "soft": 1, "complaint": 1, "other": 1}
    assert status_of("ana@example.org") == "bounced"
    assert status_of("cy@example.net") == "bounced"
    bo = Subscriber.objects.get(email="bo@example.org")
    assert (bo.status, bo.soft_bounces) == ("complained", 1)
    [kept] = mailbox.mbox(path)
    assert kept["Subject"].startswith("Out of office")


def test_a_report_is_recorded_once_however_often_the_mailbox_is_read(tmp_path):
    reader("bo@example.org", NOW)
    path = write_mbox(tmp_path / "bounces", "exim_soft.eml")
    assert read_mailbox(path, NOW)["soft"] == 1
    assert read_mailbox(path, NOW) == {}
    assert Subscriber.objects.get().soft_bounces == 1


def test_a_report_about_an_unknown_address_is_counted_as_unknown(tmp_path):
    path = write_mbox(tmp_path / "bounces", "postfix_hard.eml")
    assert read_mailbox(path, NOW) == {"reports": 1, "unknown": 1}


def test_the_herald_command_reads_the_bounce_mailbox(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    reader("ana@example.org", NOW)
    path = write_mbox(tmp_path / "bounces", "postfix_hard.eml")
    out = StringIO()
    call_command("newsletter", "bounces", str(path), stdout=out)
    assert out.getvalue().strip() == "1 reports, 1 hard"
    assert status_of("ana@example.org") == "bounced"
