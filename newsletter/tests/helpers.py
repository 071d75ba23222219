"""The newsletter tests' newsroom and readers: sections, stories first seen at given times,
sign-ups as a browser sends them."""

import re
import time
from collections import Counter
from datetime import datetime, timedelta

from articles.models import Section, Story
from herald.lib import signing
from newsletter.digest import queue_due_digests
from newsletter.models import Subscriber
from newsletter.subscribe import Choices, apply, confirm
from portal.csrf import started_stamp
from portal.tests import site

LINK = re.compile(r"https?://\S+?/newsletter/(confirm|manage|unsubscribe)/([^/\s]+)/")


def section(slug: str) -> Section:
    return Section.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def story_in(where: Section, n: int, first_seen: datetime, outlets: int = 1, title="") -> Story:
    """A story of `outlets` outlets in a section, first seen by Herald at `first_seen`."""
    articles = []
    for k in range(outlets):
        source = site.outlet(f"Outlet {n}-{k}")
        articles.append(
            site.article(
                source, n, title=title or f"Story {n}", section=where, published_at=first_seen
            )
        )
    made = site.story(*articles)
    Story.objects.filter(pk=made.pk).update(
        created_at=first_seen, first_published_at=first_seen, last_published_at=first_seen
    )
    made.refresh_from_db()
    return made


def reader(email: str, now: datetime, **choices) -> Subscriber:
    """A confirmed reader with these choices (a Choices' fields)."""
    subscriber = Subscriber.objects.create(email=email, signed_up_from="test")
    apply(subscriber, Choices(**({"pace": "daily", "hour": 7, "weekday": 0} | choices)), now)
    token = signing.make_token("confirm", subscriber.pk, email)
    return confirm(token, now)


def form(email: str, **fields) -> dict:
    """What the sign-up form posts, begun ten seconds ago."""
    return {
        "email": email,
        "choice": "all",
        "form": "page",
        "form_started": started_stamp(now=time.time() - 10),
    } | fields


def links(message) -> dict[str, str]:
    """The newsletter links of a received mail's plain text, by kind: {"confirm": token}."""
    text = message.get_body(("plain",)).get_content()
    return {kind: token for kind, token in LINK.findall(text)}


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def digest_round(readers: int, now: datetime, **choices) -> list[Subscriber]:
    """`readers` confirmed readers, each with a digest of two stories recorded and due at `now`."""
    world = section("world")
    story_in(world, 1, now - timedelta(hours=3))
    story_in(world, 2, now - timedelta(hours=2))
    subscribers = [
        reader(f"reader{n:02d}@example.org", now - timedelta(days=1), **choices)
        for n in range(readers)
    ]
    Subscriber.objects.update(next_digest_at=now)
    assert queue_due_digests(now) == len(subscribers) * (2 if choices.get("pace") == "each" else 1)
    return subscribers


def no_pause(seconds: float) -> None:
    pass


def received_by(sink) -> Counter:
    return Counter(mail["To"] for mail in sink.messages)
