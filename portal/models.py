"""The site's own pages that editors write in the desk: about, privacy and imprint."""

from django.db import models
from django.urls import reverse

from articles import posts


class SitePage(models.Model):
    """One of the site's fixed pages, linked from every page's footer. Written in Markdown,
    rendered and sanitised when saved, like editors' posts."""

    class Slug(models.TextChoices):
        ABOUT = "about", "About"
        PRIVACY = "privacy", "Privacy"
        IMPRINT = "imprint", "Imprint"

    slug = models.SlugField("page", max_length=20, unique=True, choices=Slug)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = "site page"

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = posts.render(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"portal:{self.slug}")
