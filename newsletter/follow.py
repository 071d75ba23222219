"""Following one story: a reader who asked for it, and confirmed by a mailed link, gets one mail
when the story has news (another outlet covers it, it is updated), at most one a day, until the
story goes quiet. Nobody can make an address follow a story without a click from its inbox."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse

from articles.models import Story
from herald.lib import signing
from newsletter.models import Delivery, Follow, Mailing, Pace, Subscriber
from newsletter.send import absolute, mailing_for
from newsletter.subscribe import normalize_address, queue_mail, send_soon

FOLLOW = "follow"  # the purpose of the signed link that confirms one follow
CONFIRM_VARIANT = "follow_confirm"  # the mail asking an active reader to click it
ONE_A_DAY = timedelta(hours=24)
RESEND_AFTER = timedelta(hours=1)  # one such mail an hour to one address, at most


def followable(story_id: int) -> Story | None:
    """The story, if it has an article to show for it."""
    return Story.objects.filter(pk=story_id, headline__isnull=False).first()


def address(value: str) -> str | None:
    """The address as stored, or None when it is not one."""
    try:
        return normalize_address(value)
    except ValidationError:
        return None


def last_change(story: Story, headline_updated_at: datetime | None) -> datetime:
    """When the story last had news: its latest article, or its headline article's update."""
    if headline_updated_at and headline_updated_at > story.last_published_at:
        return headline_updated_at
    return story.last_published_at


def seen_now(story: Story) -> dict:
    """What a reader following the story from now on has heard of it already."""
    updated = story.headline.updated_at if story.headline_id else None
    return {"seen_outlets": story.outlet_count, "seen_changed_at": last_change(story, updated)}


# --- asking and confirming ----------------------------------------------------------------------


def follow(email: str, story: Story, now: datetime) -> None:
    """An address asks to follow a story. A new address is asked to confirm itself (and its
    follows with it); a subscribed one gets a mail to confirm this follow. Whatever the state,
    the visitor is told the same, and nothing about the story is sent before the click."""
    source = f"follow story {story.pk}"
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "signed_up_from": source,
                "choice": Subscriber.Choice.NONE,
                "pace": Pace.NONE,
            },
        )
        if not created and subscriber.status not in ("active", "pending"):
            start_over(subscriber, story, source, now)
        wanted, made = Follow.objects.get_or_create(
            subscriber=subscriber, story=story, defaults=seen_now(story)
        )
        if not made:
            if wanted.confirmed_at and not wanted.ended_at:
                return  # following it already
            if wanted.ended_at:
                # Ended (quiet, or before leaving): starting again takes a new click.
                Follow.objects.filter(pk=wanted.pk).update(
                    confirmed_at=None, ended_at=None, last_sent_at=None, **seen_now(story)
                )
        if subscriber.is_active:
            queue_confirm_follow(subscriber, story, now)
        else:
            queue_mail(subscriber, Mailing.Kind.CONFIRM, now)


def start_over(subscriber: Subscriber, story: Story, source: str, now: datetime) -> None:
    """An address that left (or was stopped) comes back for one story: it starts as a new one,
    for that story alone, with its old follows ended."""
    subscriber.status = Subscriber.Status.PENDING
    subscriber.signed_up_from = source
    subscriber.invited_by = None
    subscriber.choice = Subscriber.Choice.NONE
    subscriber.pace = Pace.NONE
    subscriber.next_digest_at = None
    subscriber.save()
    subscriber.sections.clear()
    subscriber.follows.filter(ended_at__isnull=True).exclude(story=story).update(ended_at=now)


def queue_confirm_follow(subscriber: Subscriber, story: Story, now: datetime) -> bool:
    """The mail asking a subscribed reader to confirm a follow, unless the address had one in
    the last hour or such mails have used up the hour's share."""
    recent = Delivery.objects.filter(
        kind=Mailing.Kind.FOLLOW, variant=CONFIRM_VARIANT, created_at__gte=now - RESEND_AFTER
    )
    if recent.filter(subscriber=subscriber).exists():
        return False
    if recent.count() >= settings.NEWSLETTER_CONFIRMATIONS_PER_HOUR:
        return False
    Delivery.objects.create(
        mailing=mailing_for(Mailing.Kind.FOLLOW, f"{now.astimezone(UTC).date()}-confirm"),
        subscriber=subscriber,
        kind=Mailing.Kind.FOLLOW,
        variant=CONFIRM_VARIANT,
        stories=[story.pk],
        due_at=now,
    )
    transaction.on_commit(send_soon, robust=True)
    return True


def follow_confirm_context(delivery: Delivery) -> dict:
    """What the follow_confirm mail needs beyond a follow mail's context: its one-click link."""
    wanted = Follow.objects.get(subscriber=delivery.subscriber, story_id=delivery.stories[0])
    token = signing.make_token(FOLLOW, wanted.pk, delivery.subscriber.email)
    return {
        "follow_url": absolute(reverse("newsletter:follow_confirm", args=[token])),
        "hours": settings.NEWSLETTER_CONFIRM_HOURS,
    }


def confirm_follow(token: str, now: datetime) -> Follow | None:
    """One click on the follow_confirm link. None: forged, for another address, expired, or
    the reader is no longer subscribed."""
    found = signing.read_token(FOLLOW, token, settings.NEWSLETTER_CONFIRM_HOURS * 3600)
    if found is None:
        return None
    wanted = Follow.objects.select_related("subscriber", "story").filter(pk=found[0]).first()
    if wanted is None or signing.address_digest(wanted.subscriber.email) != found[1]:
        return None
    if not wanted.subscriber.is_active:
        return None
    Follow.objects.filter(pk=wanted.pk, confirmed_at__isnull=True).update(confirmed_at=now)
    wanted.refresh_from_db()
    return wanted


def confirm_follows(subscriber: Subscriber, now: datetime) -> int:
    """The address is confirmed: the follows it asked for before start. Returns how many."""
    if not subscriber.is_active:
        return 0
    waiting = subscriber.follows.filter(confirmed_at__isnull=True, ended_at__isnull=True)
    return waiting.update(confirmed_at=now)


# --- the news -----------------------------------------------------------------------------------


def queue_follow_updates(now: datetime) -> int:
    """Record one mail for each followed story with news its reader has not heard of, at most
    one a day per story and reader; end the follows of stories quiet for too long. Returns how
    many mails were recorded (the caller sends them)."""
    quiet_since = now - timedelta(days=settings.NEWSLETTER_FOLLOW_QUIET_DAYS)
    news = (
        Q(story__outlet_count__gt=F("seen_outlets"))
        | Q(story__last_published_at__gt=F("seen_changed_at"))
        | Q(story__headline__updated_at__gt=F("seen_changed_at"))
    )
    rested = Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - ONE_A_DAY)
    quiet = Q(story__last_published_at__lt=quiet_since, confirmed_at__lt=quiet_since)
    candidates = (
        Follow.objects.filter(
            (news & rested) | quiet,
            confirmed_at__isnull=False,
            ended_at__isnull=True,
            subscriber__status=Subscriber.Status.ACTIVE,
            story__headline__isnull=False,
        )
        .select_related("subscriber", "story")
        .defer("story__profile")
        .annotate(headline_updated_at=F("story__headline__updated_at"))
        .order_by("pk")
    )
    # Evaluated at once: each step updates rows the query selects.
    return sum(handle_one_follow(wanted, now, quiet_since) for wanted in list(candidates))


def handle_one_follow(wanted: Follow, now: datetime, quiet_since: datetime) -> int:
    """Mail the follow's news, or end it if its story is quiet: claimed by a conditional update,
    so two workers at once record one mail. Returns the mails recorded, 0 or 1."""
    story = wanted.story
    changed_at = last_change(story, wanted.headline_updated_at)
    has_news = story.outlet_count > wanted.seen_outlets or changed_at > wanted.seen_changed_at
    rested = wanted.last_sent_at is None or wanted.last_sent_at <= now - ONE_A_DAY
    mine = Follow.objects.filter(pk=wanted.pk, last_sent_at=wanted.last_sent_at, ended_at=None)
    if not (has_news and rested):
        if max(changed_at, wanted.confirmed_at) < quiet_since:
            mine.update(ended_at=now)
        return 0
    seen = {"seen_outlets": story.outlet_count, "seen_changed_at": changed_at}
    subscriber = wanted.subscriber
    if subscriber.paused_until and subscriber.paused_until > now:
        # As with digests, news that comes during a pause is not saved up for after it.
        mine.update(**seen)
        return 0
    with transaction.atomic():
        if mine.update(**seen, last_sent_at=now) != 1:
            return 0  # another worker had it
        Delivery.objects.create(
            mailing=mailing_for(Mailing.Kind.FOLLOW, now.astimezone(UTC).date().isoformat()),
            subscriber=subscriber,
            kind=Mailing.Kind.FOLLOW,
            stories=[story.pk],
            due_at=now,
        )
    return 1
