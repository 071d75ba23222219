"""Articles: what Herald keeps of each entry an outlet published, and how much of it to show."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from articles import images
from sources.models import Source

EXCERPT_WORDS = 60


def excerpt(summary: str, text: str, words: int = EXCERPT_WORDS) -> str:
    """The feed's summary or the first `words` words of the text, whichever is shorter."""
    opening = text.split()
    lead = " ".join(opening[:words]) + (" …" if len(opening) > words else "")
    candidates = [c for c in (summary.strip(), lead.strip()) if c]
    return min(candidates, key=len) if candidates else ""


class Article(models.Model):
    class TextFrom(models.TextChoices):
        FEED = "feed", "the feed"
        PAGE = "page", "the article's page"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="articles")
    guid = models.CharField("GUID", max_length=1000)
    url = models.URLField(
        "original URL",
        max_length=2000,
        help_text="Where “Read the original” leads: the canonical URL, else the outlet's homepage",
    )
    canonical_url = models.URLField(
        "canonical URL",
        max_length=2000,
        blank=True,
        editable=False,
        help_text="The page's own rel=canonical, else the entry's link without tracking "
        "parameters; empty for an entry without a link",
    )
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=100, allow_unicode=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(help_text="As the outlet states it; else when first seen")
    updated_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(blank=True, help_text="Plain text, from the feed")
    content_html = models.TextField("content (sanitised HTML)", blank=True)
    content_text = models.TextField("content (plain text)", blank=True)
    # The sanitised text before the source's learned boilerplate was removed: what learning reads,
    # and what content_html is made again from when the learned blocks change.
    raw_html = models.TextField(blank=True, editable=False)
    text_from = models.CharField(
        "text from", max_length=4, choices=TextFrom, default=TextFrom.FEED, editable=False
    )
    language = models.CharField(max_length=16, blank=True)

    # The lead picture, stored by us in two widths; the outlet's copy is never linked.
    image_url = models.URLField(
        "lead image's original URL", max_length=2000, blank=True, editable=False
    )
    image = models.ImageField("lead image", max_length=300, blank=True, editable=False)
    image_small = models.ImageField("lead image, small", max_length=300, blank=True, editable=False)
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    # Identity and history, for ingest: the same text twice in a source is one article
    # (fingerprint); a feed entry seen unchanged is not stored again (entry_hash); each change
    # the outlet makes counts a revision.
    fingerprint = models.CharField(max_length=40, blank=True, editable=False)
    entry_hash = models.CharField(max_length=40, blank=True, editable=False)
    revision = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            # One article per entry: the same GUID or the same link twice within one source
            # is the same article, however often the feed is polled.
            models.UniqueConstraint(fields=["source", "guid"], name="article_unique_guid"),
            # ... and so is the same page under another link (tracking parameters, a redirect).
            models.UniqueConstraint(
                fields=["source", "canonical_url"],
                condition=~models.Q(canonical_url=""),
                name="article_unique_canonical_url",
            ),
        ]
        indexes = [
            # latest(): ORDER BY published_at DESC, id DESC LIMIT n
            models.Index(fields=["-published_at", "-id"], name="article_latest"),
            # an outlet's articles: WHERE source_id = ? ORDER BY published_at DESC
            models.Index(fields=["source", "-published_at"], name="article_by_source"),
            # ingest: WHERE source_id = ? AND fingerprint = ?
            models.Index(
                fields=["source", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="article_by_fingerprint",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title, allow_unicode=True)[:100].strip("-") or "article"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portal:article", args=[self.pk, self.slug])

    @property
    def display(self) -> str:
        return self.source.display

    def shows_full_text(self) -> bool:
        return self.display == Source.Display.FULL and bool(self.content_html)

    def image_srcset(self) -> str:
        """Both stored widths of the lead picture, for <img srcset>."""
        if not self.image or not self.image_width:
            return ""
        small_width = min(images.SMALL, self.image_width)
        return f"{self.image_small.url} {small_width}w, {self.image.url} {self.image_width}w"

    def excerpt(self) -> str:
        """What the excerpt policy allows (and what lists and meta descriptions may show)."""
        if self.display == Source.Display.TITLE:
            return ""
        return excerpt(self.summary, self.content_text)


class LearnedBlock(models.Model):
    """A block of text that recurs across one source's articles (a promo, a share bar, a comment
    form), learned from the source's own history and removed from all its articles unless an
    editor un-marks it."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="learned_blocks")
    fingerprint = models.CharField(max_length=32)
    sample = models.TextField(help_text="The block as first seen")
    count = models.PositiveIntegerField(help_text="How many recent articles carried it")
    share = models.FloatField(help_text="The part of recent articles that carried it")
    removed = models.BooleanField(default=True, help_text="Untick to keep this block in articles")
    learned_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-count"]
        constraints = [
            models.UniqueConstraint(fields=["source", "fingerprint"], name="learnedblock_unique")
        ]

    def __str__(self) -> str:
        return self.sample[:80]
