"""Entries become articles here: sanitised, reduced to plain text, stored once per source."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from articles.models import Article
from herald.lib.sanitize import clean_html, html_to_text
from sources.models import Source
from sources.parse import Entry


def _fit(value: str, field: str) -> str:
    return value[: Article._meta.get_field(field).max_length]


def store_entry(source: Source, entry: Entry, now: datetime) -> tuple[Article, bool]:
    """Store one feed entry as an article of `source`; an entry already stored (same GUID or
    same link) is returned unchanged. Returns (article, created)."""
    url = entry.url or source.homepage or source.feed_url
    same = Article.objects.filter(source=source).filter(Q(guid=entry.guid) | Q(url=url))
    if existing := same.first():
        return existing, False

    content_html = clean_html(entry.content_html or entry.summary_html)
    article = Article(
        source=source,
        guid=_fit(entry.guid, "guid"),
        url=_fit(url, "url"),
        title=_fit(html_to_text(entry.title) or "(untitled)", "title"),
        author=_fit(html_to_text(entry.author), "author"),
        published_at=min(entry.published or now, now),  # a date in the future is a feed's error
        updated_at=entry.updated,
        summary=html_to_text(entry.summary_html),
        content_html=content_html,
        content_text=html_to_text(content_html),
        image_url=_fit(entry.image_url if entry.image_url.startswith("http") else "", "image_url"),
        language=_fit(entry.language or source.language, "language"),
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another worker stored the same entry between our look-up and our insert.
        return same.get(), False
    return article, True
