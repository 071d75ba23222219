"""Comments under articles and editors' posts, the moderation that decides which are shown, and
what the spam filter learned. An email address is stored for moderators and replies, never
shown; a network address only truncated, and only for a while."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower

from articles.models import Article, Post, Section


class Policy(models.TextChoices):
    HOLD_ALL = "hold_all", "hold every comment for a moderator"
    HOLD_FIRST = "hold_first", "hold first-time commenters only"
    PUBLISH = "publish", "publish at once"


class Moderation(models.Model):
    """The site's moderation rules (the row without a section), or one section's own."""

    section = models.OneToOneField(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation",
        help_text="Empty: the whole site's rules, which sections without their own follow",
    )  # fmt: skip
    policy = models.CharField(max_length=12, choices=Policy, default=Policy.HOLD_FIRST)
    max_links = models.PositiveSmallIntegerField(
        default=2, help_text="A comment with more links than this is held"
    )
    close_after_days = models.PositiveSmallIntegerField(
        default=30, help_text="Comments close this many days after publication (0: never)"
    )

    class Meta:
        constraints = [
            # One site-wide row: a NULL section counts as 0 here.
            models.UniqueConstraint(Coalesce("section", 0), name="one_moderation_per_scope"),
        ]

    def __str__(self) -> str:
        return f"Moderation of {self.section or 'the site'}"


class Blocked(models.Model):
    """A word, an address, a domain or a network whose comments are held for a moderator."""

    class Kind(models.TextChoices):
        WORD = "word"
        EMAIL = "email", "email address"
        DOMAIN = "domain", "email or website domain"
        IP = "ip", "network address (IP or CIDR)"

    kind = models.CharField(max_length=8, choices=Kind)
    value = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "blocklist entry"
        verbose_name_plural = "blocklist"
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="blocked_once")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class Thread(models.Model):
    """The discussion of one article or one post: whether it is open, and how many comments
    it shows (kept here, so a list of articles shows its counts without a query each)."""

    article = models.OneToOneField(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="thread"
    )
    post = models.OneToOneField(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="thread"
    )
    closed = models.BooleanField(default=False, help_text="Closed by an editor")
    approved_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, post__isnull=True)
                | Q(article__isnull=True, post__isnull=False),
                name="thread_of_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"Comments on {self.article or self.post}"

    @property
    def target(self) -> Article | Post:
        return self.article if self.article_id else self.post


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "awaiting moderation"
        APPROVED = "approved"
        SPAM = "spam"
        TRASH = "trash"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254, help_text="Never shown to readers")
    website = models.URLField(max_length=200, blank=True)
    body = models.TextField(max_length=5000)
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    reason = models.CharField(
        max_length=200, blank=True, help_text="Why it is held, spam or trash; its author sees it"
    )
    spam_score = models.FloatField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField()
    approved_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # The network the comment came from (/24 for IPv4, /48 for IPv6), for flood control and
    # blocklists; emptied after COMMENTS_IP_DAYS.
    ip_network = models.CharField(max_length=50, blank=True, editable=False)
    # A digest of the author's browser key: only they see their comment while it is held.
    author_key = models.CharField(max_length=64, blank=True, editable=False)
    notify_replies = models.BooleanField("notify me of replies by email", default=False)
    second_look = models.DateTimeField(
        null=True, blank=True, help_text="When its author asked for a second look"
    )
    # Set by moderators: the decision the spam filter learns from.
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # a thread's comments: WHERE thread_id = ? AND status = 'approved' ORDER BY created_at
            models.Index(fields=["thread", "status", "created_at"], name="comment_thread"),
            # first-time commenters and flood control: WHERE LOWER(email) = LOWER(?) AND …
            models.Index(Lower("email"), "status", name="comment_author"),
            # flood control by network: WHERE ip_network = ? AND created_at >= ?
            models.Index(fields=["ip_network", "created_at"], name="comment_network"),
            # the moderation queue: WHERE status = 'pending' ORDER BY created_at
            models.Index(fields=["status", "created_at"], name="comment_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.thread.target}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.target.get_absolute_url()}#comment-{self.pk}"


class SpamFilter(models.Model):
    """A trained spam classifier, versioned so every worker scores with the same one."""

    created_at = models.DateTimeField(auto_now_add=True)
    labels = models.PositiveIntegerField(help_text="Moderated comments it learned from")
    labels_digest = models.CharField(max_length=64, editable=False)
    threshold = models.FloatField(help_text="A comment scoring this or more is held")
    model = models.BinaryField(editable=False)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"Spam filter of {self.created_at:%Y-%m-%d %H:%M} ({self.labels} labels)"
