"""Feeds out: the whole site, a section, a tag and an outlet, each as RSS 2.0, Atom and JSON Feed
1.1. An aggregated article carries only the text its source's display policy allows."""

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from django.views.decorators.http import conditional_page

from articles import posts
from articles.models import Article, Post, Section, Tag
from portal.discovery import absolute, without_email
from portal.views import merged_target
from sources.models import Source


@dataclass
class Entry:
    """One item of a feed, article or post, as every feed format says it."""

    title: str
    link: str
    guid: str
    published: datetime
    updated: datetime | None
    author: str
    categories: list[str]
    summary: str  # plain text: the excerpt the display policy allows
    content_html: str  # the full text, where the display policy allows it
    image: str = ""
    original: str = ""
    outlet: Source | None = None


def tag_uri(kind: str, pk: int, created: datetime) -> str:
    """An item's guid: a tag URI (RFC 4151) that stays the same when a slug or title changes."""
    host = urlsplit(settings.BASE_URL).hostname
    return f"tag:{host},{created:%Y-%m-%d}:{kind}/{pk}"


def article_entry(article: Article) -> Entry:
    full_text = article.shows_full_text()
    shown_image = article.image and article.display != Source.Display.TITLE
    return Entry(
        title=article.title,
        link=article.get_absolute_url(),
        guid=tag_uri("article", article.pk, article.fetched_at),
        published=article.published_at,
        updated=article.updated_at,
        # Atom wants an author on every entry: the outlet's name, where it names no writer.
        author=without_email(article.author) or article.source.name,
        categories=categories(article),
        summary=article.excerpt(),
        content_html=article.content_html if full_text else "",
        image=absolute(article.image.url) if shown_image else "",
        original=article.url,
        outlet=article.source,
    )


def post_entry(post: Post) -> Entry:
    return Entry(
        title=post.title,
        link=post.get_absolute_url(),
        guid=tag_uri("post", post.pk, post.created_at),
        published=post.published_at,
        # The scheduler publishes without saving, so updated_at may come before publication.
        updated=max(post.updated_at, post.published_at),
        author=post.byline or settings.SITE_NAME,
        categories=categories(post),
        summary=post.summary,
        content_html=post.body_html,
        image=absolute(post.lead_image.url) if post.lead_image else "",
    )


def categories(item: Article | Post) -> list[str]:
    names = [item.section.name] if item.section_id else []
    return names + [tag.name for tag in item.tags.all()]


def latest(articles: QuerySet[Article], feed_posts: QuerySet[Post] | None) -> list[Entry]:
    """The newest articles and posts of a feed, merged, newest first."""
    articles = (
        articles.filter(is_hidden=False)
        .select_related("source", "section")
        .prefetch_related("tags")
        .defer("raw_html")
        .order_by("-published_at", "-id")[: settings.FEED_ITEMS]
    )
    entries = [(a.published_at, article_entry, a) for a in articles]
    if feed_posts is not None:
        feed_posts = feed_posts.select_related("section").prefetch_related("tags").defer("body")
        entries += [(p.published_at, post_entry, p) for p in feed_posts[: settings.FEED_ITEMS]]
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return [make(item) for _, make, item in entries[: settings.FEED_ITEMS]]


def originals() -> QuerySet[Article]:
    # A near-copy of an article already in the feed would be the same news twice.
    return Article.objects.filter(duplicate_of__isnull=True)


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with the full text in content:encoded and the outlet in <source>."""

    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/"
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        if entry.content_html:
            handler.addQuickElement("content:encoded", entry.content_html)
        if entry.outlet:
            handler.addQuickElement("source", entry.outlet.name, {"url": entry.outlet.feed_url})


class AtomFeed(Atom1Feed):
    """Atom with the full text in <content> and the original linked as rel="via"."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        if entry.content_html:
            handler.addQuickElement("content", entry.content_html, {"type": "html"})
        if entry.original:
            attributes = {"rel": "via", "href": entry.original, "title": entry.outlet.name}
            handler.addQuickElement("link", "", attributes)


class JSONFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), one more format for Feed."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        document = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item(item) for item in self.items],
        }
        outfile.write(json.dumps(document, ensure_ascii=False))

    def item(self, item) -> dict:
        entry = item["entry"]
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "external_url": entry.original,
            "title": entry.title,
            "summary": entry.summary if entry.content_html else None,
            "image": entry.image,
            "date_published": rfc3339_date(entry.published),
            "date_modified": rfc3339_date(entry.updated) if entry.updated else None,
            "authors": [{"name": entry.author}] if entry.author else None,
            "tags": entry.categories,
        }
        data = {key: value for key, value in data.items() if value not in (None, "", [])}
        # One of the two contents is required, so a title-only item has an empty text.
        if entry.content_html:
            return data | {"content_html": entry.content_html}
        return data | {"content_text": entry.summary}


FORMATS = {"rss": RssFeed, "atom": AtomFeed, "json": JSONFeed}


class SiteFeed(Feed):
    """The whole site: articles and editors' posts. Subclasses narrow it to one thing."""

    def __init__(self, format_name: str = "rss"):
        self.feed_type = FORMATS[format_name]

    # An ETag of the body and the Last-Modified of the newest item: a poller that has the feed
    # already gets a 304 and no body.
    @method_decorator(conditional_page)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def title(self, obj) -> str:
        return f"{obj} · {settings.SITE_NAME}" if obj else settings.SITE_NAME

    def link(self, obj) -> str:
        return "/"

    def description(self, obj) -> str:
        return f"The latest news on {settings.SITE_NAME}"

    def items(self, obj) -> list[Entry]:
        return latest(originals(), posts.published())

    def item_title(self, entry: Entry) -> str:
        # Plain text, escaped once by the XML writer: not HTML, as Atom and JSON Feed define it.
        return entry.title

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    item_guid_is_permalink = False

    def item_description(self, entry: Entry) -> str | None:
        return escape(entry.summary) if entry.summary else None

    def item_author_name(self, entry: Entry) -> str | None:
        return entry.author or None

    def item_pubdate(self, entry: Entry) -> datetime:
        return entry.published

    def item_updateddate(self, entry: Entry) -> datetime:
        # Atom requires an updated date on every entry: one never updated was updated when new.
        return entry.updated or entry.published

    def item_categories(self, entry: Entry) -> list[str]:
        return entry.categories

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {"entry": entry}


class SectionFeed(SiteFeed):
    def get_object(self, request, slug: str) -> Section:
        section = get_object_or_404(Section, slug=slug)
        # A merged section's readers follow it into the section it became.
        return merged_target(section) or section

    def link(self, section: Section) -> str:
        return section.get_absolute_url()

    def description(self, section: Section) -> str:
        return section.description or f"The latest in {section.name} on {settings.SITE_NAME}"

    def items(self, section: Section) -> list[Entry]:
        extra = Article.extra_sections.through.objects.filter(section=section)
        in_section = Q(section=section) | Q(pk__in=extra.values("article_id"))
        return latest(originals().filter(in_section), posts.published().filter(section=section))


class TagFeed(SiteFeed):
    def get_object(self, request, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def link(self, tag: Tag) -> str:
        return tag.get_absolute_url()

    def description(self, tag: Tag) -> str:
        return f"The latest about {tag.name} on {settings.SITE_NAME}"

    def items(self, tag: Tag) -> list[Entry]:
        return latest(originals().filter(tags=tag), posts.published().filter(tags=tag))


class OutletFeed(SiteFeed):
    def get_object(self, request, source_id: int) -> Source:
        return get_object_or_404(Source, pk=source_id)

    def link(self, source: Source) -> str:
        return reverse("portal:outlet", args=[source.pk])

    def description(self, source: Source) -> str:
        return f"Every story {settings.SITE_NAME} has gathered from {source.name}"

    def items(self, source: Source) -> list[Entry]:
        # Like the outlet's page: all of its articles, copies of another outlet's included.
        return latest(Article.objects.filter(source=source), None)
