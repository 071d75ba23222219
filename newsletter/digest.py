"""Digests: at each reader's hour, the stories that arrived in their sections since their last
digest, each once. Windows follow one another with no gap and no overlap (a story belongs to the
window in which Herald first saw it), so a story mailed once is not mailed again when more
outlets cover it."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from articles.models import Story
from newsletter.models import Delivery, Mailing, Pace, Subscriber
from newsletter.schedule import local_day, next_due
from newsletter.send import mailing_for

MOST_STORIES = 40  # in one digest: the most important, by section
# A story first seen now about news older than this (a new source's back catalogue) is no news.
STALE = timedelta(days=2)
KINDS = {
    Pace.DAILY: Mailing.Kind.DAILY,
    Pace.WEEKLY: Mailing.Kind.WEEKLY,
    Pace.EACH: Mailing.Kind.EACH,
}


def due_subscriber_ids(now: datetime, limit: int = 5000) -> list[int]:
    due = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, next_digest_at__lte=now)
    return list(due.order_by("next_digest_at", "id").values_list("id", flat=True)[:limit])


def story_ids(
    subscriber: Subscriber, since: datetime, until: datetime, chosen: list[int] | None = None
) -> list[int]:
    """The stories of the reader's sections first seen in [since, until), the most important
    first (pinned, most outlets, newest), then grouped by section in the editors' order."""
    if subscriber.choice == Subscriber.Choice.NONE:
        return []
    stories = Story.objects.filter(
        created_at__gte=since,
        created_at__lt=until,
        first_published_at__gte=since - STALE,
        headline__isnull=False,
        headline__is_hidden=False,
    )
    if chosen is None:
        chosen = list(subscriber.sections.values_list("pk", flat=True))
    if subscriber.choice == Subscriber.Choice.ONLY:
        stories = stories.filter(headline__section__in=chosen)
    elif subscriber.choice == Subscriber.Choice.ALL_BUT:
        stories = stories.exclude(headline__section__in=chosen)
    ranked = stories.order_by(
        F("headline__is_pinned").desc(), F("outlet_count").desc(), F("last_published_at").desc()
    ).values_list("pk", "headline__section__order", "headline__section_id")[:MOST_STORIES]
    ranked = list(ranked)
    position = {pk: index for index, (pk, _, _) in enumerate(ranked)}
    ranked.sort(
        key=lambda row: (row[1] if row[1] is not None else 10**6, row[2] or 0, position[row[0]])
    )
    return [pk for pk, _, _ in ranked]


def queue_digest(subscriber_id: int, now: datetime, memo: dict | None = None) -> int:
    """Claim the reader's due digest and record its deliveries (one digest, or at the pace of
    each story one mail per story up to their daily cap). Returns how many were recorded; 0 also
    when another worker claimed it first, or nothing arrived."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status="active").first()
    if subscriber is None or subscriber.next_digest_at is None or subscriber.next_digest_at > now:
        return 0
    due = subscriber.next_digest_at
    since = subscriber.digest_since or subscriber.confirmed_at or due
    following = next_due(
        subscriber.pace, subscriber.hour, subscriber.weekday, subscriber.time_zone, now
    )
    with transaction.atomic():
        claimed = Subscriber.objects.filter(pk=subscriber.pk, next_digest_at=due).update(
            next_digest_at=following, digest_since=due
        )
        if claimed != 1:
            return 0
        if subscriber.paused_until and subscriber.paused_until > due:
            return 0  # what arrived during a pause is not saved up for after it
        chosen = tuple(subscriber.sections.values_list("pk", flat=True))
        key = (subscriber.choice, chosen, since, due)
        if memo is not None and key in memo:
            stories = memo[key]
        else:
            stories = story_ids(subscriber, since, due, list(chosen))
            if memo is not None:
                memo[key] = stories
        if not stories:
            return 0
        return record(subscriber, stories, due, memo)


def record(
    subscriber: Subscriber, stories: list[int], due: datetime, memo: dict | None = None
) -> int:
    kind = KINDS[subscriber.pace]
    day = local_day(due, subscriber.time_zone)
    if kind == Mailing.Kind.WEEKLY:
        year, week, _ = day.isocalendar()
        key = f"{year}-W{week:02d}"
    else:
        key = day.isoformat()
    # A round's readers share a few mailings (one per local day): looked up once each.
    mailings = memo.setdefault("mailings", {}) if memo is not None else {}
    if (kind, key) not in mailings:
        mailings[kind, key] = mailing_for(kind, key)
    mailing = mailings[kind, key]
    if kind != Mailing.Kind.EACH:
        try:
            with transaction.atomic():
                Delivery.objects.create(
                    mailing=mailing, subscriber=subscriber, kind=kind, stories=stories, due_at=due
                )
        except IntegrityError:
            return 0  # this round's digest is recorded already
        return 1
    sent_today = Delivery.objects.filter(mailing=mailing, subscriber=subscriber, kind=kind).exclude(
        status=Delivery.Status.CANCELLED
    )
    room = max(subscriber.daily_cap - sent_today.count(), 0)
    Delivery.objects.bulk_create(
        Delivery(mailing=mailing, subscriber=subscriber, kind=kind, stories=[pk], due_at=due)
        for pk in stories[:room]
    )
    return min(len(stories), room)


def queue_due_digests(now: datetime, ids: list[int] | None = None) -> int:
    """The digests due now (or of these readers), one claim each; a round shares its story
    lists between readers of the same sections and window."""
    memo: dict = {}
    return sum(
        queue_digest(pk, now, memo) for pk in (ids if ids is not None else due_subscriber_ids(now))
    )


def subscribers_of(section_id: int):
    """Active readers who get a section's stories."""
    return (
        Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
        .filter(
            Q(choice=Subscriber.Choice.ALL)
            | Q(choice=Subscriber.Choice.ONLY, sections=section_id)
            | (Q(choice=Subscriber.Choice.ALL_BUT) & ~Q(sections=section_id))
        )
        .distinct()
    )
