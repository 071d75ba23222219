"""Sending when things go wrong: a relay that drops us, goes away, defers or refuses, a worker that
falls behind its lease, and a sender process killed mid-mailing. Nothing is lost; a mail goes
twice only when the relay took it in the instant before the kill, and then under one Message-ID."""

import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from herald.testing_smtp import SmtpSink, relay
from newsletter.models import Delivery, Subscriber
from newsletter.send import BACKOFF_MOST, LEASE, MOST_ATTEMPTS, Sender, claim_batch, mailing_for
from newsletter.tests.helpers import Clock, digest_round, no_pause, received_by

# `herald` is herald.cli; run as a module from the project folder, as test_processes does, it
# does not depend on how the package was installed into the virtualenv.
HERALD = [sys.executable, "-m", "herald.cli"]
PROJECT = Path(__file__).resolve().parents[2]


def statuses() -> Counter:
    return Counter(Delivery.objects.values_list("status", flat=True))


# --- the relay ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_dropped_connection_is_opened_again_and_nothing_goes_twice(smtp_sink):
    digest_round(5, timezone.now())
    smtp_sink.drop_after(2)
    assert Sender(pause=no_pause).send_due() == 5
    assert len(smtp_sink.wait_for(5)) == 5
    assert set(received_by(smtp_sink).values()) == {1}
    assert len(smtp_sink.sessions) == 2
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


@pytest.mark.django_db
def test_with_the_relay_gone_the_round_waits_and_goes_out_once_it_is_back(smtp_sink):
    now = timezone.now()
    digest_round(3, now)
    smtp_sink.stop()
    assert Sender(pause=no_pause).send_due() == 0
    assert statuses() == {"queued": 3}
    assert all(due > now for due in Delivery.objects.values_list("due_at", flat=True))

    smtp_sink.start()
    assert Sender(pause=no_pause).send_due() == 0  # not before the wait is over
    later = Clock(now + timedelta(minutes=5))
    assert Sender(clock=later, pause=no_pause).send_due() == 3
    smtp_sink.wait_for(3)
    assert received_by(smtp_sink) == {f"reader{n:02d}@example.org": 1 for n in range(3)}
    assert statuses() == {"sent": 3}


@pytest.mark.django_db
def test_a_deferred_mail_is_tried_again_later_and_the_others_go_on(smtp_sink):
    now = timezone.now()
    digest_round(3, now)
    smtp_sink.fail_data(451, times=1)
    clock = Clock(now)
    assert Sender(clock=clock, pause=no_pause).send_due() == 2
    deferred = Delivery.objects.get(status="queued")
    assert deferred.attempts == 1
    assert deferred.due_at > now
    assert "451" in deferred.error

    clock.now = deferred.due_at
    assert Sender(clock=clock, pause=no_pause).send_due() == 1
    deferred.refresh_from_db()
    assert (deferred.status, deferred.attempts) == ("sent", 2)
    assert received_by(smtp_sink)[deferred.subscriber.email] == 1


@pytest.mark.django_db
def test_a_mail_deferred_every_time_fails_after_the_last_attempt(smtp_sink):
    now = timezone.now()
    digest_round(1, now)
    smtp_sink.fail_data(451, times=MOST_ATTEMPTS)
    clock = Clock(now)
    waits = []
    for _ in range(MOST_ATTEMPTS - 1):
        assert Sender(clock=clock, pause=no_pause).send_due() == 0
        delivery = Delivery.objects.get()
        assert delivery.status == "queued"
        waits.append(delivery.due_at - clock.now)
        clock.now = delivery.due_at
    assert waits == sorted(waits) and waits[0] < waits[-1] <= BACKOFF_MOST

    assert Sender(clock=clock, pause=no_pause).send_due() == 0
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", MOST_ATTEMPTS)
    assert smtp_sink.messages == []
    assert delivery.subscriber.status == "active"  # deferred is not bounced


@pytest.mark.django_db
def test_an_address_refused_for_good_is_bounced_and_its_queued_mail_cancelled(smtp_sink):
    now = timezone.now()
    ana, bo, cy = digest_round(3, now)
    later = Delivery.objects.create(
        mailing=mailing_for("weekly", "2099-W01"),
        subscriber=bo,
        kind="weekly",
        due_at=now + timedelta(days=3),
    )
    smtp_sink.refuse(bo.email, 550)
    assert Sender(pause=no_pause).send_due() == 2
    assert received_by(smtp_sink) == {ana.email: 1, cy.email: 1}
    refused = bo.deliveries.get(kind="daily")
    assert (refused.status, refused.error) == ("failed", "recipient refused (550)")
    bo.refresh_from_db()
    assert bo.status == "bounced" and bo.next_digest_at is None
    later.refresh_from_db()
    assert later.status == "cancelled"


@pytest.mark.django_db
def test_a_refused_address_is_not_offered_again_in_the_same_batch(smtp_sink):
    [ana] = digest_round(1, timezone.now(), pace="each")  # two mails in one batch
    smtp_sink.refuse(ana.email, 550)
    assert Sender(pause=no_pause).send_due() == 0
    assert statuses() == {"failed": 1, "cancelled": 1}


class RefusingSender(SmtpSink):
    """A relay that will not take mail from our From address."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        return "550 5.7.1 Sender address rejected"


@pytest.mark.django_db
def test_a_relay_refusing_our_sender_address_bounces_no_reader(settings):
    now = timezone.now()
    digest_round(3, now)
    with relay(RefusingSender, settings):
        assert Sender(pause=no_pause).send_due() == 0
    assert set(Subscriber.objects.values_list("status", flat=True)) == {"active"}
    assert statuses() == {"queued": 3}
    assert all(due > now for due in Delivery.objects.values_list("due_at", flat=True))


@pytest.mark.django_db
def test_a_mail_that_cannot_be_built_waits_and_the_others_go_on(smtp_sink):
    now = timezone.now()
    digest_round(3, now)
    broken = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=broken.pk).update(variant="no-such-mail")
    assert Sender(pause=no_pause).send_due() == 2
    broken.refresh_from_db()
    assert (broken.status, broken.attempts) == ("queued", 1)
    assert broken.due_at > now


# --- the lease ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_sender_past_its_lease_leaves_the_rest_to_the_one_that_took_it_over(smtp_sink, settings):
    settings.NEWSLETTER_SEND_RATE = 5
    now = timezone.now()
    digest_round(4, now)
    clock = Clock(now)
    taken_over: list[int] = []

    def stalled(seconds: float) -> None:
        # Each wait takes four minutes; once the lease has passed, another worker claims.
        clock.advance(minutes=4)
        if clock.now > now + LEASE and not taken_over:
            taken_over.extend(claim_batch(clock.now))

    assert Sender(clock=clock, pause=stalled, monotonic=lambda: 0.0).send_due() == 3
    assert len(taken_over) == 1
    assert len(smtp_sink.messages) == 3
    last = Delivery.objects.get(pk=taken_over[0])
    assert last.status == "sending" and last.claimed_until == clock.now + LEASE
    assert last.subscriber.email not in received_by(smtp_sink)


# --- a killed sender process --------------------------------------------------------------------


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def herald_send(tmp_path, settings, smtp_sink):
    """Runs `herald newsletter send` in its own process, against the test database and the
    sink, optionally to be killed at a fault point."""

    def run(kill_at: str = "") -> subprocess.CompletedProcess:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "herald.settings",
            "DATABASE_URL": database_url(),
            "HERALD_DATA_DIR": str(tmp_path),
            "SECRET_KEY": settings.SECRET_KEY,
            "EMAIL_URL": f"smtp://{smtp_sink.host}:{smtp_sink.port}",
            "NEWSLETTER_SEND_RATE": "0",
            "HERALD_KILL_AT": kill_at,
        }
        return subprocess.run(
            [*HERALD, "newsletter", "send"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run


def expire_leases() -> None:
    """What waiting out the lease would do, without the wait."""
    Delivery.objects.filter(status="sending").update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_before_sending_is_resumed_without_a_duplicate(smtp_sink, herald_send):
    readers = digest_round(12, timezone.now())
    killed = herald_send("before-send:5")
    assert killed.returncode == -9, killed.stderr
    assert len(smtp_sink.messages) == 4
    assert statuses() == {"sent": 4, "sending": 8}  # claimed, stuck until the lease passes

    expire_leases()
    resumed = herald_send()
    assert resumed.returncode == 0, resumed.stderr
    assert "8 mails sent" in resumed.stdout
    assert received_by(smtp_sink) == {r.email: 1 for r in readers}
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_after_sending_sends_that_one_again_under_its_message_id(
    smtp_sink, herald_send
):
    readers = digest_round(12, timezone.now())
    killed = herald_send("after-send:5")
    assert killed.returncode == -9, killed.stderr
    assert len(smtp_sink.messages) == 5
    assert statuses() == {"sent": 4, "sending": 8}

    expire_leases()
    assert herald_send().returncode == 0
    received = received_by(smtp_sink)
    assert set(received) == {r.email for r in readers}
    assert sorted(received.values()) == [1] * 11 + [2]  # exactly one reader got it twice
    [twice] = [address for address, n in received.items() if n == 2]
    copies = {mail["Message-ID"] for mail in smtp_sink.messages if mail["To"] == twice}
    assert copies == {Delivery.objects.get(subscriber__email=twice).message_id}
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}
