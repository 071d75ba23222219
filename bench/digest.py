"""The newsletter's speed: one daily round of digests, recorded and sent, against what one plain
SMTP client manages on the same connection.

In a throwaway Herald (embedded SQLite in a fresh data folder, or with --database a new
PostgreSQL database on that server, dropped afterwards):

1. A newsroom: the ten seeded sections, 300 stories first seen over the last day and 30 over the
   day before, spread over sections, some told by several outlets, a few pinned, a few with a
   hidden headline, a few stale (old news first seen now).
2. Confirmed readers (20,000 by default), all daily at 7:00 local time across five time zones,
   every one due now with the day before as their window; a third take every section, a third
   only some, a third all but some.
3. An SMTP sink on loopback: herald.testing_smtp's aiosmtpd server with a lean handler (it keeps
   each mail's recipients, Message-ID, plain-text story links and size, not 20,000 parsed
   messages), in a process of its own as a real relay is: in this process it took the GIL for
   about a third of the sending time.
4. Timed: recording the round (newsletter.digest.queue_due_digests, called until no reader is
   due, as it takes 5,000 a call), then sending it (newsletter.send.Sender().send_due(), one
   sender, NEWSLETTER_SEND_RATE=0), in this process.
5. Checked: every reader got exactly one digest, holding exactly the stories worked out here
   from the generated data (their sections, their window, not stale nor hidden, the most
   important MOST_STORIES), none twice; no mail went to anyone else.
6. The ceiling: one smtplib.SMTP client sends as many copies of one typical digest (the median
   size, built once) over one connection to the same sink.

Prints readers, mails, the seconds of each step, mails per second, Herald / ceiling and the
process's peak memory; exits 1 if the check fails. Run from the root:

    .venv/bin/python bench/digest.py [--subscribers 20000] [--database postgres://...] [--profile]

--profile also prints the costliest functions of each timed step (cProfile; slower).
"""

import argparse
import atexit
import cProfile
import email.policy
import multiprocessing
import os
import pstats
import quopri
import random
import re
import smtplib
import sys
import time
from base64 import b64decode
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import peak_memory_mb, start_herald, throwaway_postgres
from herald.testing_smtp import SmtpSink

STORIES, STORIES_DAY_BEFORE = 300, 30
OUTLETS = 20
HOUR = 7
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
SEED = 0
LINK = re.compile(rb"/story/(\d+)/")
HEADER = re.compile(
    rb"^(Message-ID|Content-Type|Content-Transfer-Encoding):[ \t]*(.*)$", re.I | re.M
)


# --- the sink ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    message_id: str
    stories: list[int]  # the story links of the plain-text part, in order
    size: int


class CountingSink(SmtpSink):
    """The test sink, but it keeps what the check needs, not the parsed messages."""

    def __init__(self):
        super().__init__()
        self.received: list[Received] = []
        self.last_accepted = 0.0  # time.perf_counter()
        self.count_only = False

    def clear(self):
        with self._arrived:
            self.received, self.last_accepted = [], 0.0

    async def handle_DATA(self, server, session, envelope):
        content = envelope.content
        if self.count_only:
            found = Received(tuple(envelope.rcpt_tos), "", [], len(content))
        else:
            head = content.split(b"\r\n\r\n", 1)[0]
            headers = {name.lower(): value for name, value in HEADER.findall(head)}
            stories = [int(pk) for pk in LINK.findall(plain_text(content))]
            message_id = headers.get(b"message-id", b"").strip().decode()
            found = Received(tuple(envelope.rcpt_tos), message_id, stories, len(content))
        with self._arrived:
            self.received.append(found)
            self.last_accepted = time.perf_counter()
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for_count(self, count: int, timeout: float = 120) -> None:
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.received) >= count, timeout):
                raise AssertionError(f"the sink has {len(self.received)} mails, not {count}")


def serve_sink(requests) -> None:
    """The sink's process: answers ("wait", n) with what arrived once n mails have, and
    ("count only", None) by forgetting them and keeping only counts from then on."""
    sink = CountingSink()
    requests.send((sink.host, sink.port))
    while (request := requests.recv()) is not None:
        what, count = request
        if what == "wait":
            sink.wait_for_count(count)
            requests.send((sink.received, sink.last_accepted))
        else:
            sink.clear()
            sink.count_only = True
            requests.send(None)
    sink.stop()


class SinkProcess:
    """The sink in a process of its own, as a real relay is: its parsing takes no time (and
    holds no memory) of the process measured."""

    def __init__(self):
        self.requests, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=serve_sink, args=(theirs,), daemon=True
        )
        self.process.start()
        self.host, self.port = self.requests.recv()

    def wait_for(self, count: int) -> tuple[list[Received], float]:
        """The mails received once there are `count`, and when the last was accepted."""
        self.requests.send(("wait", count))
        return self.requests.recv()

    def count_only(self) -> None:
        self.requests.send(("count only", None))
        self.requests.recv()

    def stop(self) -> None:
        self.requests.send(None)
        self.process.join(10)


def plain_text(content: bytes) -> bytes:
    """The decoded text/plain part of a raw MIME message (the one the check reads links from)."""
    for part in content.split(b"\r\n--"):
        head, _, body = part.partition(b"\r\n\r\n")
        fields = {k.lower(): v.strip().lower() for k, v in HEADER.findall(head)}
        if fields.get(b"content-type", b"").startswith(b"text/plain"):
            encoding = fields.get(b"content-transfer-encoding", b"7bit")
            if encoding == b"quoted-printable":
                return quopri.decodestring(body)
            return b64decode(body) if encoding == b"base64" else body
    return b""


# --- the newsroom and its readers ----------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    """A generated story, as the check sees it."""

    pk: int
    section_id: int
    created_at: datetime
    first_published_at: datetime
    last_published_at: datetime
    outlets: int
    pinned: bool
    hidden: bool


def make_newsroom(now: datetime, rng: random.Random) -> list[Made]:
    from articles.models import Article, Section, Story
    from sources.models import Source

    sections = list(Section.objects.order_by("order"))
    outlets = Source.objects.bulk_create(
        Source(feed_url=f"https://outlet-{n}.example/feed", name=f"Outlet {n}",
               homepage=f"https://outlet-{n}.example/")
        for n in range(OUTLETS)
    )  # fmt: skip
    day = timedelta(days=1)
    # Distinct first-seen times, one every few minutes, so that the ranking has no ties.
    seen = [now - day * (n + 0.5) / STORIES for n in range(STORIES)]
    seen += [now - day - day * (n + 0.5) / STORIES_DAY_BEFORE for n in range(STORIES_DAY_BEFORE)]
    made = []
    for n, created_at in enumerate(seen):
        section = rng.choice(sections)
        told_by = rng.sample(outlets, rng.choice([1, 1, 1, 1, 2, 2, 3, 5]))
        stale = n % 50 == 7  # a new source's back catalogue: first published days ago
        first = created_at - (timedelta(days=5) if stale else timedelta(minutes=20))
        story = Story.objects.create(first_published_at=first, last_published_at=created_at)
        articles = Article.objects.bulk_create(
            Article(
                source=source, story=story, guid=f"s{n}-{k}", url=f"{source.homepage}s{n}",
                title=f"Story {n} in {section.name}, as told by {source.name}",
                slug=f"story-{n}", summary=f"What happened in story {n}.", section=section,
                published_at=first if k == 0 else created_at, is_pinned=k == 0 and n % 97 == 3,
                is_hidden=k == 0 and n % 61 == 5,
            )
            for k, source in enumerate(told_by)
        )  # fmt: skip
        headline = articles[0]
        Story.objects.filter(pk=story.pk).update(
            headline=headline, article_count=len(articles), outlet_count=len(articles),
            created_at=created_at,
        )  # fmt: skip
        made.append(
            Made(story.pk, section.pk, created_at, first, created_at, len(articles),
                 headline.is_pinned, headline.is_hidden)
        )  # fmt: skip
    return made


@dataclass(frozen=True)
class Reader:
    email: str
    choice: str
    sections: frozenset[int]
    since: datetime
    due: datetime


def last_seven_oclock(zone: str, now: datetime) -> datetime:
    local = now.astimezone(ZoneInfo(zone))
    due = local.replace(hour=HOUR, minute=0, second=0, microsecond=0)
    return (due if due <= local else due - timedelta(days=1)).astimezone(UTC)


def make_readers(count: int, now: datetime, rng: random.Random) -> list[Reader]:
    from articles.models import Section
    from newsletter.models import Subscriber

    section_ids = list(Section.objects.values_list("pk", flat=True))
    readers = []
    for n in range(count):
        zone = ZONES[n % len(ZONES)]
        choice = ["all", "only", "all_but"][n % 3]
        chosen = frozenset(rng.sample(section_ids, rng.randint(1, 3)) if choice != "all" else [])
        due = last_seven_oclock(zone, now)
        readers.append(
            Reader(f"reader{n}@example.com", choice, chosen, due - timedelta(days=1), due)
        )
    subscribers = Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=r.email, status="active", choice=r.choice, pace="daily", hour=HOUR,
                time_zone=ZONES[n % len(ZONES)], signed_up_from="bench",
                confirmed_at=now - timedelta(days=30), next_digest_at=r.due, digest_since=r.since,
            )
            for n, r in enumerate(readers)
        ),
        batch_size=1000,
    )  # fmt: skip
    Subscriber.sections.through.objects.bulk_create(
        (
            Subscriber.sections.through(subscriber_id=s.pk, section_id=section)
            for s, r in zip(subscribers, readers, strict=True)
            for section in r.sections
        ),
        batch_size=5000,
    )
    return readers


def expected(reader: Reader, stories: list[Made]) -> set[int]:
    """The digest's stories, worked out from the generated data alone."""
    from newsletter.digest import MOST_STORIES, STALE

    def wanted(s: Made) -> bool:
        if reader.choice == "only":
            return s.section_id in reader.sections
        return reader.choice == "all" or s.section_id not in reader.sections

    shown = [
        s
        for s in stories
        if reader.since <= s.created_at < reader.due
        and s.first_published_at >= reader.since - STALE
        and not s.hidden
        and wanted(s)
    ]
    shown.sort(key=lambda s: (s.pinned, s.outlets, s.last_published_at), reverse=True)
    return {s.pk for s in shown[:MOST_STORIES]}


# --- the run -------------------------------------------------------------------------------------


def timed(step, profile: bool):
    """Run `step`; returns its result, wall seconds and this process's CPU seconds (the
    machine may be shared), printing its profile if asked."""
    profiler = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    result = profiler.runcall(step) if profiler else step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return result, wall, cpu


def record_round(now: datetime) -> int:
    from newsletter.digest import due_subscriber_ids, queue_due_digests

    recorded = 0
    while due_subscriber_ids(now, limit=1):
        recorded += queue_due_digests(now)
    return recorded


def check(readers: list[Reader], stories: list[Made], received: list[Received]) -> list[str]:
    """What went wrong, as lines; none when every reader got exactly their digest."""
    problems = []
    by_address: dict[str, list[Received]] = {}
    for mail in received:
        for address in mail.recipients:
            by_address.setdefault(address, []).append(mail)
    strangers = by_address.keys() - {r.email for r in readers}
    if strangers:
        problems.append(f"{len(strangers)} addresses got mail that are no reader's")
    for reader in readers:
        mails = by_address.get(reader.email, [])
        want = expected(reader, stories)
        if len(mails) != (1 if want else 0):
            problems.append(f"{reader.email}: {len(mails)} mails, not {1 if want else 0}")
            continue
        for mail in mails:
            doubled = [pk for pk, times in Counter(mail.stories).items() if times > 1]
            if doubled:
                problems.append(f"{reader.email}: stories {doubled} twice")
            if set(mail.stories) != want:
                missing, extra = sorted(want - set(mail.stories)), sorted(set(mail.stories) - want)
                problems.append(f"{reader.email}: missing {missing}, not theirs {extra}")
    return problems


def ceiling(sink: SinkProcess, message: bytes, sender: str, to: str, count: int) -> float:
    """Seconds for one plain smtplib client to have `count` copies of `message` accepted."""
    sink.count_only()
    started = time.perf_counter()
    with smtplib.SMTP(sink.host, sink.port) as client:
        for _ in range(count):
            client.sendmail(sender, [to], message)
    return sink.wait_for(count)[1] - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=20_000)
    parser.add_argument("--database", help="postgres://user@host:port/any: a new database there")
    parser.add_argument("--profile", action="store_true", help="print where each step's time goes")
    args = parser.parse_args()

    sink = SinkProcess()  # first: a fork of this process before it holds anything
    atexit.register(sink.stop)
    os.environ["EMAIL_URL"] = f"smtp://{sink.host}:{sink.port}"
    os.environ["NEWSLETTER_SEND_RATE"] = "0"
    if args.database:
        os.environ["DATABASE_URL"] = throwaway_postgres(args.database, "digest")
    start_herald()
    from django.db import connection
    from django.utils import timezone

    from newsletter.models import Delivery
    from newsletter.send import Sender, compose, load_stories

    rng = random.Random(SEED)
    now = timezone.now()
    started = time.perf_counter()
    stories = make_newsroom(now, rng)
    readers = make_readers(args.subscribers, now, rng)
    print(
        f"Setup ({connection.vendor}): {len(stories)} stories, {len(readers):,} readers in "
        f"{len(ZONES)} time zones, {time.perf_counter() - started:.1f} s; machine load "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    before = peak_memory_mb()

    recorded, record_wall, record_cpu = timed(lambda: record_round(now), args.profile)
    started = time.perf_counter()
    sent, _, send_cpu = timed(Sender(pause=lambda seconds: None).send_due, args.profile)
    received, last_accepted = sink.wait_for(sent)
    send_wall = last_accepted - started
    print(
        f"Herald, one sender: {len(readers):,} subscribers, {sent:,} mails\n"
        f"  round recorded in {record_wall:.1f} s (CPU {record_cpu:.1f} s): "
        f"{recorded / record_wall:.0f} digests/s\n"
        f"  last mail accepted by the sink after {send_wall:.1f} s (CPU {send_cpu:.1f} s): "
        f"{sent / send_wall:.1f} mails/s\n"
        f"  peak memory {peak_memory_mb():.0f} MB ({before:.0f} MB before the round); machine "
        f"load {os.getloadavg()[0]:.1f}"
    )

    problems = check(readers, stories, received)
    unsent = Delivery.objects.exclude(status="sent").count()
    if unsent:
        problems.append(f"{unsent} deliveries not marked sent")
    sizes = sorted(received, key=lambda mail: mail.size)
    print(
        f"Check: {len(received):,} mails received, {len(problems)} problems; stories per "
        f"digest {min(len(m.stories) for m in received)}-{max(len(m.stories) for m in received)}"
        f", {sizes[len(sizes) // 2].size / 1024:.1f} KB median"
    )
    for line in problems[:20]:
        print(f"  {line}")

    # The ceiling: the median digest, built once, sent as often by a bare client.
    typical = sizes[len(sizes) // 2]
    delivery = Delivery.objects.select_related("subscriber", "mailing").get(
        pk=int(typical.message_id.split(".")[1])
    )
    known: dict = {}
    load_stories(set(delivery.stories), known)
    message = compose(delivery, known)
    raw = message.message(policy=email.policy.SMTP).as_bytes()
    seconds = ceiling(sink, raw, "noreply@localhost", delivery.subscriber.email, sent)
    print(
        f"Ceiling: one smtplib client, {sent:,} copies of a {len(raw) / 1024:.1f} KB digest "
        f"on one connection: {seconds:.1f} s, {sent / seconds:.1f} mails/s\n"
        f"Herald / ceiling: {seconds / send_wall:.2f}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
