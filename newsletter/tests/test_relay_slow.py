"""A mail relay that stops keeping pace: it answers later than the client waits, then recovers.
The mailing pauses (what is left of the batch waits its turn, nobody is marked failed or bounced)
and resumes once the relay answers again; each reader gets one mail, and only a mail the relay
took but answered too late can arrive again, under its Message-ID. A relay that drops us or goes
away is in test_sending_faults.py."""

import asyncio
import threading
import time
from collections import Counter

import pytest
from django.utils import timezone

from herald.testing_smtp import SmtpSink, relay
from newsletter.models import Delivery, Subscriber
from newsletter.send import Sender
from newsletter.tests.helpers import Clock, digest_round, no_pause, received_by

CLIENT_TIMEOUT = 2  # seconds Herald waits for each answer of the relay
STALL = 4  # seconds the slow relay takes: longer than the client waits


class SlowRelay(SmtpSink):
    """Once it has taken `n` more messages (stall_after / answer_late_after), it answers each
    new mail only after STALL seconds, until recover(): before taking it (at MAIL FROM), or
    after taking it (the answer to DATA)."""

    def __init__(self):
        self._slow_from: int | None = None
        self._slow_at = ""
        self._recovered = threading.Event()
        super().__init__()

    def stall_after(self, n: int) -> None:
        self._slow_from, self._slow_at = len(self.messages) + n, "MAIL"

    def answer_late_after(self, n: int) -> None:
        self._slow_from, self._slow_at = len(self.messages) + n, "DATA"

    def recover(self) -> None:
        self._recovered.set()

    def _slow(self, command: str) -> bool:
        with self._arrived:
            taken = len(self.messages)
        return (
            self._slow_at == command
            and self._slow_from is not None
            and taken >= self._slow_from
            and not self._recovered.is_set()
        )

    async def _stall(self) -> None:
        ends = time.monotonic() + STALL
        while time.monotonic() < ends and not self._recovered.is_set():
            await asyncio.sleep(0.05)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self._slow("MAIL"):
            await self._stall()
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        late = self._slow("DATA")
        answer = await super().handle_DATA(server, session, envelope)  # taken, and kept
        if late:
            await self._stall()
        return answer


@pytest.fixture
def slow_relay(settings):
    with relay(SlowRelay, settings) as sink:
        default = settings.MAILERS["default"]
        options = default["OPTIONS"] | {"timeout": CLIENT_TIMEOUT}
        settings.MAILERS = {"default": default | {"OPTIONS": options}}
        yield sink


def statuses() -> Counter:
    return Counter(Delivery.objects.values_list("status", flat=True))


def paused_round(slow_down) -> tuple[list[Subscriber], Clock]:
    """Six readers' digests due, and the relay turns slow after two of them: the run pauses."""
    now = timezone.now()
    readers = digest_round(6, now)
    slow_down(2)
    clock = Clock(now)
    Sender(clock=clock, pause=no_pause).send_due()
    assert statuses() == {"sent": 2, "queued": 4}
    return readers, clock


def resume(slow_relay: SlowRelay, clock: Clock) -> None:
    slow_relay.recover()
    clock.advance(minutes=5)
    assert Sender(clock=clock, pause=no_pause).send_due() == 4
    assert set(Delivery.objects.values_list("status", "attempts")) == {("sent", 1)}


@pytest.mark.django_db
def test_a_relay_too_slow_to_answer_pauses_the_mailing_and_it_resumes_when_it_keeps_pace(
    slow_relay,
):
    readers, clock = paused_round(slow_relay.stall_after)
    # The rest waits a little, nobody failed or bounced, nothing was taken twice.
    assert len(slow_relay.messages) == 2
    assert all(d.due_at > clock.now for d in Delivery.objects.filter(status="queued"))
    assert set(Subscriber.objects.values_list("status", flat=True)) == {"active"}

    clock.advance(minutes=5)  # tried again while the relay is still slow: paused again
    Sender(clock=clock, pause=no_pause).send_due()
    assert statuses() == {"sent": 2, "queued": 4}

    resume(slow_relay, clock)
    assert received_by(slow_relay) == {r.email: 1 for r in readers}


@pytest.mark.django_db
def test_a_mail_the_slow_relay_took_but_answered_too_late_is_the_only_one_repeated(slow_relay):
    readers, clock = paused_round(slow_relay.answer_late_after)
    resume(slow_relay, clock)
    received = received_by(slow_relay)
    assert set(received) == {r.email for r in readers}
    [(again, _)] = [(address, n) for address, n in received.items() if n > 1]
    copies = {mail["Message-ID"] for mail in slow_relay.messages if mail["To"] == again}
    assert copies == {Delivery.objects.get(subscriber__email=again).message_id}


@pytest.mark.django_db
def test_a_run_paused_by_the_relay_counts_the_mails_it_sent_before(slow_relay):
    digest_round(4, timezone.now())
    slow_relay.stall_after(2)
    assert Sender(pause=no_pause).send_due() == 2
