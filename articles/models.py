"""Articles: what Herald keeps of each entry an outlet published, and how much of it to show;
the sections, tags and stories that organize them; and the editors' own posts."""

from django.conf import settings
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


class Section(models.Model):
    """A part of the newspaper (Politics, Sports...). Data, not code: editors add, rename, merge
    and retire sections. A retired section takes no new articles but its pages stay reachable;
    a merged one sends its readers on to the section it was merged into."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=100)
    colour = models.CharField(
        max_length=7, default="#5a5a5a", help_text="The section's accent, as #rrggbb"
    )
    keywords = models.TextField(
        "keyword hints",
        blank=True,
        help_text="Words an outlet's feed category or URL may use for this section, one a line "
        "(e.g. football, soccer for Sports)",
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Untick to retire: no new articles, old ones stay"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:section", args=[self.slug])

    def hints(self) -> list[str]:
        """The words that name this section: its name, its slug and its keyword hints."""
        words = [self.name, self.slug, *self.keywords.replace(",", "\n").splitlines()]
        return list(dict.fromkeys(w.strip().lower() for w in words if w.strip()))


class Tag(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:100] or "tag"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portal:tag", args=[self.slug])


class Story(models.Model):
    """One event as several outlets covered it: the articles that are copies of each other or
    tell the same news in other words. Its headline article is the one shown for it."""

    headline = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    headline_by_editor = models.BooleanField(
        default=False, help_text="An editor picked the headline article: keep it"
    )
    language = models.CharField(max_length=16, blank=True)
    first_published_at = models.DateTimeField()
    last_published_at = models.DateTimeField()
    article_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # What a new article is compared with, by clustering and for related stories: the hashed
    # title-and-lead words and names of the story's original articles, summed (cluster.Profile,
    # packed). Kept up to date by cluster.assign_story and cluster.refresh_story.
    profile = models.BinaryField(default=b"", blank=True)

    class Meta:
        ordering = ["-last_published_at", "-id"]
        verbose_name_plural = "stories"
        indexes = [
            # the latest stories: ORDER BY last_published_at DESC
            models.Index(fields=["-last_published_at"], name="story_recent"),
            # clustering's and related stories' candidates: WHERE language = ? AND
            # last_published_at >= ? ORDER BY last_published_at DESC
            models.Index(fields=["language", "-last_published_at"], name="story_candidates"),
        ]

    def __str__(self) -> str:
        return self.headline.title if self.headline_id else f"Story {self.pk}"


class SectionBy(models.TextChoices):
    """The layer that chose an article's section, first to last."""

    EDITOR = "editor", "an editor"
    RULE = "rule", "the source's mapping"
    DEFAULT = "default", "the source's default section"
    CLASSIFIER = "classifier", "the text classifier"
    NOBODY = "", "nobody yet (unsorted)"


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

    # Organization: one main section (none while it waits in the unsorted queue), extra
    # sections and tags; why it got its section; its story; what editors decided.
    categories = models.JSONField(
        "feed categories", default=list, blank=True, editable=False,
        help_text="The categories the outlet's feed gave the entry",
    )  # fmt: skip
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    extra_sections = models.ManyToManyField(Section, blank=True, related_name="extra_articles")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    section_by = models.CharField(
        "section chosen by", max_length=10, choices=SectionBy, default=SectionBy.NOBODY
    )
    section_reason = models.CharField("why this section", max_length=300, blank=True)
    section_score = models.FloatField("classifier's confidence", null=True, blank=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies",
        help_text="The article this one copies (near-identical text): not shown again as an item",
    )  # fmt: skip
    related = models.ManyToManyField(
        "self", through="RelatedArticle", symmetrical=False, blank=True, related_name="+"
    )
    is_hidden = models.BooleanField("hidden", default=False)
    is_pinned = models.BooleanField("pinned to the home page", default=False)
    is_featured = models.BooleanField("featured", default=False)
    # Organizing (section, story, related) is a claimed step: organized_at is set when done;
    # organize_claimed_until is a worker's lease on it.
    organized_at = models.DateTimeField(null=True, blank=True, editable=False)
    organize_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

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
            # a section's page: WHERE section_id = ? ORDER BY published_at DESC
            models.Index(fields=["section", "-published_at"], name="article_by_section"),
            # the organize tick: WHERE organized_at IS NULL
            models.Index(
                fields=["id"],
                condition=models.Q(organized_at__isnull=True),
                name="article_unorganized",
            ),
            # the classifier's labels: WHERE section_by IN ('editor', 'rule')
            models.Index(fields=["section_by"], name="article_by_section_by"),
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


class UnsortedArticle(Article):
    """The unsorted queue: articles organized without a section, waiting for an editor. A proxy
    only so the queue has its own page and permission in the desk."""

    class Meta:
        proxy = True
        verbose_name = "unsorted article"
        verbose_name_plural = "unsorted articles"


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


class SectionRule(models.Model):
    """The source's own mapping onto sections (layer a), or its default section (layer b)."""

    class Kind(models.TextChoices):
        CATEGORY = "category", "feed category is"
        URL = "url", "article URL contains"
        DEFAULT = "default", "any other article (default section)"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="section_rules")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CATEGORY)
    pattern = models.CharField(
        max_length=200,
        blank=True,
        help_text="A category (case does not matter) or a piece of URL such as /sport/; "
        "empty for the default section",
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="rules")

    class Meta:
        ordering = ["source", "kind", "pattern"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "pattern"], name="sectionrule_unique")
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.DEFAULT:
            return f"{self.source}: default → {self.section}"
        return f"{self.source}: {self.get_kind_display()} {self.pattern!r} → {self.section}"


class ClassifierVersion(models.Model):
    """One trained text classifier (layer c). Kept in the database, so every worker on every
    machine uses the same version; the newest is the one in use."""

    created_at = models.DateTimeField(auto_now_add=True)
    labels = models.PositiveIntegerField(help_text="Labelled articles it was trained on")
    sections = models.JSONField(default=list, help_text="Section slugs it can choose")
    score = models.FloatField(
        "cross-validated macro-F1", null=True, blank=True, help_text="None: too few labels"
    )
    threshold = models.FloatField(help_text="Below this confidence an article stays unsorted")
    # What it learned from (each label's article and section, hashed): retraining is skipped
    # while the labels are the same.
    labels_digest = models.CharField(max_length=64, blank=True, editable=False)
    model = models.BinaryField(editable=False)

    class Meta:
        ordering = ["-id"]
        get_latest_by = "id"

    def __str__(self) -> str:
        return f"v{self.pk} ({self.labels} labels)"


class MinHashBand(models.Model):
    """The near-duplicate index: one row per LSH band of an article's MinHash signature. Two
    articles sharing a key are candidates for being copies of each other."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="minhash_bands")
    key = models.BigIntegerField(help_text="The band's number and hash, folded into one value")

    class Meta:
        indexes = [
            # near-duplicate candidates: WHERE key IN (...)
            models.Index(fields=["key"], name="minhashband_key"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.key}"


class MinHashSignature(models.Model):
    """An article's whole MinHash signature (datasketch's LeanMinHash, serialised): a candidate
    found through the bands is confirmed as a copy by the Jaccard similarity it estimates."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="minhash"
    )
    signature = models.BinaryField()

    def __str__(self) -> str:
        return f"MinHash of {self.article_id}"


class RelatedArticle(models.Model):
    """The "related stories" under an article: computed when it is organized, not per page view."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} ({self.score:.2f})"


class EditorProfile(models.Model):
    """What readers see of an editor: the byline on their posts."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_profile"
    )
    byline = models.CharField(max_length=200, help_text="As shown on posts, e.g. Ana Ruiz, Editor")
    bio = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.byline


class Post(models.Model):
    """An editor's own article, written in Markdown; rendered and sanitised when saved."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="posts"
    )
    byline = models.CharField(max_length=200, blank=True, help_text="Empty: the author's profile")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    summary = models.TextField(blank=True, help_text="Shown in lists and feeds")
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(editable=False, blank=True)
    lead_image = models.ImageField(upload_to="posts/%Y/%m/", blank=True)
    lead_image_alt = models.CharField("lead image description", max_length=300, blank=True)
    language = models.CharField(max_length=16, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="Scheduled posts publish themselves at this time"
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    correction = models.TextField(
        blank=True, help_text="Shown on the post: what was corrected after publication"
    )
    corrected_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            # the scheduler: WHERE status = 'scheduled' AND publish_at <= now
            models.Index(fields=["status", "publish_at"], name="post_due"),
            models.Index(fields=["status", "-published_at"], name="post_published"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:post", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED
