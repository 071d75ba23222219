"""Readers who get the news by email, what they chose, and every mail sent to them: a delivery
row is written before its mail is sent and marked after, so a crash loses nothing."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Section, Story


class Pace(models.TextChoices):
    EACH = "each", "each story as it is published"
    DAILY = "daily", "a daily digest"
    WEEKLY = "weekly", "a weekly digest"
    NONE = "none", "only the stories I follow"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class SectionMail(models.Model):
    """What a new subscriber to a section starts from; editors set it per section."""

    section = models.OneToOneField(Section, on_delete=models.CASCADE, related_name="mail")
    pace = models.CharField(max_length=10, choices=Pace, default=Pace.DAILY)
    hour = models.PositiveSmallIntegerField(default=7, help_text="Local hour of the digest, 0-23")
    weekday = models.PositiveSmallIntegerField(choices=Weekday, default=Weekday.MONDAY)

    class Meta:
        verbose_name = "section's mail defaults"
        verbose_name_plural = "sections' mail defaults"

    def __str__(self) -> str:
        return f"{self.section}: {self.get_pace_display()}"


class Subscriber(models.Model):
    """One address. It receives nothing but its confirmation until confirmed; it is managed
    through signed links in every mail, never a password."""

    class Status(models.TextChoices):
        PENDING = "pending", "awaiting confirmation"
        ACTIVE = "active"
        UNSUBSCRIBED = "unsubscribed"
        BOUNCED = "bounced", "stopped: bounced"
        COMPLAINED = "complained", "stopped: complaint"

    class Choice(models.TextChoices):
        ALL = "all", "every section"
        ONLY = "only", "only the chosen sections"
        ALL_BUT = "all_but", "every section but the chosen ones"
        NONE = "none", "no section"

    email = models.EmailField(max_length=254, unique=True, help_text="Lower-cased domain")
    status = models.CharField(max_length=12, choices=Status, default=Status.PENDING)
    choice = models.CharField("sections", max_length=8, choices=Choice, default=Choice.ALL)
    sections = models.ManyToManyField(Section, blank=True, related_name="+")
    pace = models.CharField(max_length=10, choices=Pace, default=Pace.DAILY)
    hour = models.PositiveSmallIntegerField(default=7)
    weekday = models.PositiveSmallIntegerField(choices=Weekday, default=Weekday.MONDAY)
    time_zone = models.CharField(max_length=64, default="UTC")
    daily_cap = models.PositiveSmallIntegerField(
        default=10, help_text="At the pace of each story: at most this many mails a day"
    )
    paused_until = models.DateTimeField(null=True, blank=True)
    # The schedule: the next digest is due at next_digest_at and holds the stories that arrived
    # since digest_since (both moved by the one worker that claims the digest).
    next_digest_at = models.DateTimeField(null=True, blank=True)
    digest_since = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="household"
    )
    # Consent: when and where the address was entered, and when it was confirmed.
    created_at = models.DateTimeField(auto_now_add=True)
    signed_up_from = models.CharField(max_length=100, help_text="The form or the invitation")
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.CharField(
        max_length=100, blank=True, help_text="Which link confirmed it, and from which network"
    )
    stopped_at = models.DateTimeField(null=True, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            # due digests: WHERE status = 'active' AND next_digest_at <= now
            models.Index(fields=["status", "next_digest_at"], name="subscriber_due"),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Invitation(models.Model):
    """An address a subscriber entered for their household. The inviter sees these, never the
    person's own subscription; whether the address was known already is not revealed."""

    inviter = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inviter", "email"], name="invitation_once"),
        ]

    def __str__(self) -> str:
        return self.email


class Follow(models.Model):
    """A reader following one story: a mail when it changes, at most one a day, until it goes
    quiet."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="Nothing is sent until the reader confirms by the link"
    )
    # What the reader last heard of: the story's outlets and its latest change.
    seen_outlets = models.PositiveIntegerField(default=0)
    seen_changed_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "story"], name="follow_once"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id} follows {self.story_id}"


class Mailing(models.Model):
    """A round of mail: one day's digests of a pace, an alert, a day's confirmations. The desk
    counts its deliveries."""

    class Kind(models.TextChoices):
        CONFIRM = "confirm", "confirmation"
        INVITE = "invite", "household invitation"
        DAILY = "daily", "daily digest"
        WEEKLY = "weekly", "weekly digest"
        EACH = "each", "story as published"
        ALERT = "alert", "breaking news"
        FOLLOW = "follow", "followed story"
        # Mail to people who are no subscribers, built by the app it is about (send.OUTSIDE).
        REPLY = "reply", "reply to a comment"
        HELD = "held", "comments to moderate"
        ERASE = "erase", "comment erasure link"

    kind = models.CharField(max_length=10, choices=Kind)
    key = models.CharField(max_length=40, help_text="The day (or alert number) it is for")
    created_at = models.DateTimeField(auto_now_add=True)
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL)
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL)
    subject = models.CharField(max_length=200, blank=True, help_text="Alerts: the subject")
    message = models.TextField(blank=True, help_text="Alerts: a few words from the editors")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    unsubscribed = models.PositiveIntegerField(
        default=0, help_text="Readers who unsubscribed from one of its mails"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="mailing_once")]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key}"


class Delivery(models.Model):
    """One mail to one reader. Written before sending, with what it holds, so a resumed sender
    sends the same message under the same Message-ID."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        SENDING = "sending"
        SENT = "sent"
        FAILED = "failed"
        BOUNCED = "bounced"
        CANCELLED = "cancelled"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Erasing a reader keeps their deliveries, anonymous, for the counts.
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    kind = models.CharField(max_length=10, choices=Mailing.Kind)
    # For mail to someone who is no subscriber (a commenter, an editor): their address, and
    # what the mail is about for its app to build it (e.g. {"comment": 12}).
    to_address = models.EmailField(max_length=254, blank=True)
    about = models.JSONField(default=dict, blank=True)
    variant = models.CharField(
        max_length=20, blank=True, help_text="Of the kind's mail, e.g. 'already' subscribed"
    )
    stories = models.JSONField(default=list, blank=True, help_text="Story ids, in mail order")
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(help_text="Not sent before; moved on by retries")
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            # One digest a day (a week) per reader, whatever the workers do.
            models.UniqueConstraint(
                fields=["mailing", "subscriber"],
                condition=Q(kind__in=["daily", "weekly", "alert"]),
                name="one_digest_per_round",
            ),
        ]
        indexes = [
            # the sender's queue: WHERE status IN ('queued', 'sending') AND due_at <= now
            models.Index(fields=["status", "due_at"], name="delivery_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def message_id(self) -> str:
        """Stable across retries and restarts, so a mail sent twice folds into one."""
        return f"<delivery.{self.pk}.{self.mailing_id}@{settings.MESSAGE_ID_DOMAIN}>"


class SectionCount(models.Model):
    """Confirmed subscribers per section, counted each day for the desk's chart: anonymous, so
    erasing a reader keeps them."""

    day = models.DateField()
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    subscribers = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "section"], name="section_count_once")
        ]
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.section} {self.day}: {self.subscribers}"
