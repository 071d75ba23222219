"""The outlets Herald gathers from, with their polling schedule and health."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


def default_interval() -> int:
    return settings.POLL_INTERVAL_DEFAULT


class Source(models.Model):
    class Display(models.TextChoices):
        FULL = "full", "Full text"
        EXCERPT = "excerpt", "Excerpt only"
        TITLE = "title", "Title only"

    feed_url = models.URLField("feed URL", max_length=2000, unique=True)
    name = models.CharField(max_length=200)
    homepage = models.URLField(max_length=2000, blank=True)
    language = models.CharField(max_length=16, blank=True, help_text="e.g. en, de; empty: unknown")
    display = models.CharField(
        "display policy",
        max_length=10,
        choices=Display,
        default=Display.EXCERPT,
        help_text="How much of each article the site shows. Excerpt: the feed's summary or the "
        "first 60 words, whichever is shorter.",
    )
    fetch_pages = models.BooleanField(
        "fetch article pages",
        default=True,
        help_text="Fetch each article's page for its full text when the feed carries only a "
        "summary. Off: feed only, never fetch pages.",
    )
    poll_interval = models.PositiveIntegerField(
        "poll interval (seconds)",
        default=default_interval,
        help_text="Adapted after each poll (busy feeds more often, quiet ones less), within the "
        "bounds below.",
    )
    remove_selectors = models.TextField(
        "remove these elements",
        blank=True,
        help_text="CSS selectors, one a line (tag, .class, #id, descendants), of blocks to remove "
        "from this source's feed content and articles, besides what Herald learns by itself.",
    )
    min_interval = models.PositiveIntegerField("shortest interval (seconds)", default=5 * 60)
    max_interval = models.PositiveIntegerField("longest interval (seconds)", default=24 * 3600)
    is_active = models.BooleanField("active", default=True)
    disabled_reason = models.CharField(max_length=200, blank=True, editable=False)

    # Validators from the last 200 answer, sent back as If-None-Match / If-Modified-Since.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)

    next_poll_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)
    error_count = models.PositiveIntegerField(default=0, editable=False)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # due_sources(): WHERE is_active AND next_poll_at <= now ORDER BY next_poll_at
            models.Index(fields=["is_active", "next_poll_at"], name="source_due"),
        ]

    def __str__(self) -> str:
        return self.name

    # Errors back off exponentially, capped, so a failing source is retried but not hammered.
    MAX_BACKOFF = timedelta(hours=6)

    def error_backoff(self) -> timedelta:
        backoff = timedelta(seconds=self.poll_interval) * 2 ** min(self.error_count, 10)
        return min(backoff, max(self.MAX_BACKOFF, timedelta(seconds=self.poll_interval)))


class FetchLog(models.Model):
    """One line per poll: what the outlet answered and what it gave. The admin shows a source's
    recent lines; old ones are pruned."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="fetch_log")
    at = models.DateTimeField()
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    bytes = models.PositiveIntegerField(default=0)
    entries = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # a source's recent polls: WHERE source_id = ? ORDER BY at DESC LIMIT 20
            models.Index(fields=["source", "-at"], name="fetchlog_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.source} at {self.at:%Y-%m-%d %H:%M}: {self.status or self.error}"


class HostSlot(models.Model):
    """A request in flight to one host. At most FETCH_PER_HOST rows per host can exist (one per
    slot number, unique), so the limit holds across every worker process and machine."""

    host = models.CharField(max_length=255)
    slot = models.PositiveSmallIntegerField()
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["host", "slot"], name="hostslot_unique")]

    def __str__(self) -> str:
        return f"{self.host}#{self.slot}"


class Takedown(models.Model):
    """An outlet that asked to be removed: its articles are deleted and nothing from its host
    is gathered again (adding it as a source is refused, and so is polling)."""

    host = models.CharField(max_length=255, unique=True, help_text="e.g. news.example.com")
    name = models.CharField("outlet", max_length=200, blank=True)
    reason = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    by = models.CharField("taken down by", max_length=150, blank=True)

    class Meta:
        ordering = ["host"]

    def __str__(self) -> str:
        return self.host
