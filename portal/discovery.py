"""How machines find and describe our pages: feed links for every page's head, canonical links,
Open Graph and Twitter cards, and schema.org NewsArticle data for articles and posts."""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator

from articles.models import Article, Post, Section, Tag
from sources.models import Source

FEED_FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
]
# Google shows at most this much of a headline in its results.
HEADLINE_LENGTH = 110
EMAIL = re.compile(r"\(?<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?\)?")

# The articles whose canonical page is ours: canonical_url() below says the same of one article.
# Only these belong in a sitemap; the others' canonical page is the outlet's.
CANONICAL_HERE = (Q(source__display=Source.Display.FULL) & ~Q(content_html="")) | Q(
    canonical_url=""
)


def absolute(url: str) -> str:
    """A URL of ours as the outside world reaches it: stored files may already live elsewhere."""
    return url if urlsplit(url).scheme else settings.BASE_URL + url


def without_email(name: str) -> str:
    """An author as outlets sometimes give one ("jo@outlet.example (Jo Reyes)"), minus the
    address: Herald publishes nobody's email address."""
    return " ".join(EMAIL.sub(" ", name).split()).strip(" ,;()")


def canonical_url(article: Article) -> str:
    """Our page when it carries the article's full text; else the original, which is then the
    real thing. An entry without a link has no original (its url is the outlet's homepage)."""
    if article.shows_full_text() or not article.canonical_url:
        return absolute(article.get_absolute_url())
    return article.url


@dataclass
class FeedLink:
    title: str
    type: str
    href: str


def feed_links(page_object=None) -> list[FeedLink]:
    """The feeds a page offers: the whole site's, then those of the section, tag or outlet the
    page is about."""
    links = [
        FeedLink(f"{settings.SITE_NAME} ({label})", mime, reverse(f"portal:feed-{fmt}"))
        for fmt, mime, label in FEED_FORMATS
    ]
    scope = {Section: "section", Tag: "tag", Source: "outlet"}.get(type(page_object))
    if scope:
        key = page_object.pk if scope == "outlet" else page_object.slug
        links += [
            FeedLink(
                f"{page_object} · {settings.SITE_NAME} ({label})",
                mime,
                reverse(f"portal:{scope}-feed-{fmt}", args=[key]),
            )
            for fmt, mime, label in FEED_FORMATS
        ]
    return links


@dataclass
class Card:
    """What a page tells search engines and social sites about the article or post it shows."""

    canonical: str
    title: str
    description: str
    image: str
    image_width: int | None
    image_height: int | None
    published: datetime | None
    modified: datetime | None
    section: str
    tags: list[str]
    json_ld: dict


def article_card(article: Article) -> Card:
    shown_image = article.image and article.display != Source.Display.TITLE
    image = absolute(article.image.url) if shown_image else ""
    author = without_email(article.author)
    outlet = {"@type": "Organization", "name": article.source.name}
    if article.source.homepage:
        outlet["url"] = article.source.homepage
    card = Card(
        canonical=canonical_url(article),
        title=article.title,
        description=article.excerpt(),
        image=image,
        image_width=article.image_width if image else None,
        image_height=article.image_height if image else None,
        published=article.published_at,
        modified=max(article.published_at, article.updated_at or article.published_at),
        section=article.section.name if article.section_id else "",
        tags=[tag.name for tag in article.tags.all()],
        json_ld={},
    )
    # An outlet's article is the outlet's: it is the publisher, and the author when none is named.
    card.json_ld = news_article(
        card, author={"@type": "Person", "name": author} if author else outlet, publisher=outlet
    )
    return card


def post_card(post: Post) -> Card:
    image = absolute(post.lead_image.url) if post.lead_image else ""
    published = post.published_at
    # A post published by the scheduler was not saved then, so updated_at may come before it.
    modified = max(published, post.updated_at) if published else None
    site = {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.BASE_URL + "/"}
    card = Card(
        canonical=absolute(post.get_absolute_url()),
        title=post.title,
        description=post.summary,
        image=image,
        image_width=None,
        image_height=None,
        published=published,
        modified=modified,
        section=post.section.name if post.section_id else "",
        tags=[tag.name for tag in post.tags.all()],
        json_ld={},
    )
    author = {"@type": "Person", "name": post.byline} if post.byline else site
    card.json_ld = news_article(card, author=author, publisher=site)
    return card


def news_article(card: Card, author: dict, publisher: dict) -> dict:
    """schema.org NewsArticle, as Google reads it for its news results."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(card.title).chars(HEADLINE_LENGTH),
        "description": card.description,
        "datePublished": card.published.isoformat() if card.published else None,
        "dateModified": card.modified.isoformat() if card.modified else None,
        "author": [author],
        "publisher": publisher,
        "image": [card.image] if card.image else None,
        "mainEntityOfPage": {"@type": "WebPage", "@id": card.canonical},
        "articleSection": card.section,
        "keywords": card.tags,
        "isAccessibleForFree": True,
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}
