"""Sending a digest round through a real SMTP server: what each reader receives, over how many
connections, at what pace, and with two senders at work at once."""

import pytest
from django.utils import timezone

from herald.testing import race
from newsletter import send
from newsletter.models import Delivery
from newsletter.send import Sender
from newsletter.tests.helpers import digest_round, no_pause, received_by


@pytest.mark.django_db
def test_each_reader_gets_one_digest_with_text_html_and_list_headers(smtp_sink):
    now = timezone.now()
    digest_round(3, now)
    assert Sender(pause=no_pause).send_due() == 3
    mails = smtp_sink.wait_for(3)
    assert received_by(smtp_sink) == {f"reader{n:02d}@example.org": 1 for n in range(3)}
    for mail in mails:
        delivery = Delivery.objects.get(subscriber__email=mail["To"])
        assert mail.get_content_type() == "multipart/alternative"
        assert mail.get_body(("plain",)).get_content().strip()
        assert "<html" in mail.get_body(("html",)).get_content().lower()
        assert mail["Message-ID"] == delivery.message_id
        assert mail["List-Id"].endswith(">")
        assert mail["List-Unsubscribe"].startswith(("<https://", "<http://"))
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_one_connection_carries_every_mail_of_a_run(smtp_sink, monkeypatch):
    monkeypatch.setattr(send, "BATCH", 2)  # three batches, still one connection
    digest_round(5, timezone.now())
    assert Sender(pause=no_pause).send_due() == 5
    smtp_sink.wait_for(5)
    assert len(smtp_sink.sessions) == 1


@pytest.mark.django_db
def test_the_pace_keeps_to_the_rate_a_second(smtp_sink, settings):
    settings.NEWSLETTER_SEND_RATE = 5
    digest_round(6, timezone.now())
    moment = [1000.0]  # a monotonic clock that moves only while the sender waits
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        moment[0] += seconds

    assert Sender(pause=pause, monotonic=lambda: moment[0]).send_due() == 6
    assert pauses == pytest.approx([0.2] * 5)
    started = [sum(pauses[:n]) for n in range(6)]  # when each mail went, on that clock
    assert max(sum(1 for t in started if s <= t < s + 1) for s in started) <= 5


@pytest.mark.django_db
def test_time_already_spent_sending_counts_toward_the_pace(smtp_sink, settings):
    settings.NEWSLETTER_SEND_RATE = 5
    digest_round(3, timezone.now())
    moment = [0.0]
    pauses: list[float] = []

    def slow_relay() -> float:  # a second passes between any two looks at the clock
        moment[0] += 1
        return moment[0]

    assert Sender(pause=pauses.append, monotonic=slow_relay).send_due() == 3
    assert pauses == []


@pytest.mark.django_db(transaction=True)
def test_two_senders_racing_send_each_delivery_once(smtp_sink, monkeypatch):
    monkeypatch.setattr(send, "BATCH", 3)  # small batches, so both senders get some
    digest_round(12, timezone.now())
    sent = race(lambda _: Sender(pause=no_pause).send_due(), [1, 2])
    assert sum(sent) == 12
    assert len(smtp_sink.wait_for(12)) == 12
    assert set(received_by(smtp_sink).values()) == {1}
    assert len({mail["Message-ID"] for mail in smtp_sink.messages}) == 12
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}
