"""Articles: what Herald keeps of each entry an outlet published, and how much of it to show."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from sources.models import Source

EXCERPT_WORDS = 60


def excerpt(summary: str, text: str, words: int = EXCERPT_WORDS) -> str:
    """The feed's summary or the first `words` words of the text, whichever is shorter."""
    opening = text.split()
    lead = " ".join(opening[:words]) + (" …" if len(opening) > words else "")
    candidates = [c for c in (summary.strip(), lead.strip()) if c]
    return min(candidates, key=len) if candidates else ""


class Article(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="articles")
    guid = models.CharField("GUID", max_length=1000)
    url = models.URLField("original URL", max_length=2000)
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=100, allow_unicode=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(help_text="As the outlet states it; else when first seen")
    updated_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(blank=True, help_text="Plain text, from the feed")
    content_html = models.TextField("content (sanitised HTML)", blank=True)
    content_text = models.TextField("content (plain text)", blank=True)
    image_url = models.URLField("lead image", max_length=2000, blank=True)
    language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            # One article per entry: the same GUID or the same link twice within one source
            # is the same article, however often the feed is polled.
            models.UniqueConstraint(fields=["source", "guid"], name="article_unique_guid"),
            models.UniqueConstraint(fields=["source", "url"], name="article_unique_url"),
        ]
        indexes = [
            # latest(): ORDER BY published_at DESC, id DESC LIMIT n
            models.Index(fields=["-published_at", "-id"], name="article_latest"),
            # an outlet's articles: WHERE source_id = ? ORDER BY published_at DESC
            models.Index(fields=["source", "-published_at"], name="article_by_source"),
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

    def excerpt(self) -> str:
        """What the excerpt policy allows (and what lists and meta descriptions may show)."""
        if self.display == Source.Display.TITLE:
            return ""
        return excerpt(self.summary, self.content_text)
