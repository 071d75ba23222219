"""Sitemaps for search engines (an index over articles, posts, sections, outlets, stories and tags,
and a Google News sitemap of the last two days) and the robots.txt that points at them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page

from articles import posts
from articles.models import Article, Post, Section, Story, Tag
from portal.discovery import CANONICAL_HERE
from sources.models import Source

# Google reads at most 50,000 URLs from one sitemap; a longer one is split into pages ?p=2...
URLS_PER_SITEMAP = 50_000
# Google News reads the articles of the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_URLS = 1000
# When a section, outlet or tag last had an article readers can see (None: it has none).
LATEST_SHOWN = Max("articles__published_at", filter=Q(articles__is_hidden=False))


class ArticleSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def items(self):
        # Only the articles whose canonical page is ours: an excerpt's is the outlet's original.
        listed = Article.objects.filter(CANONICAL_HERE, is_hidden=False, duplicate_of__isnull=True)
        # Oldest first, so the pages already read stay the same as new articles come in.
        return listed.only("id", "slug", "published_at", "updated_at").order_by("id")

    def lastmod(self, article: Article) -> datetime:
        return article.updated_at or article.published_at

    def get_latest_lastmod(self) -> datetime | None:
        # One query, where Sitemap's own would load every article.
        latest = self.items().aggregate(latest=Max(Coalesce("updated_at", "published_at")))
        return latest["latest"]


class PostSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def items(self):
        return posts.published().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, post: Post) -> datetime:
        return post.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def items(self):
        # A merged section's page only redirects to the one it became.
        sections = Section.objects.filter(merged_into__isnull=True).only("slug")
        sections = sections.annotate(latest=LATEST_SHOWN)
        return sections.order_by("order", "name")

    def lastmod(self, section: Section) -> datetime | None:
        return section.latest

    def get_latest_lastmod(self) -> datetime | None:
        return max((section.latest for section in self.items() if section.latest), default=None)


class OutletSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def items(self):
        # An outlet with nothing to show yet has an empty page.
        sources = Source.objects.annotate(latest=LATEST_SHOWN)
        return sources.filter(latest__isnull=False).only("id").order_by("id")

    def location(self, source: Source) -> str:
        return reverse("portal:outlet", args=[source.pk])

    def lastmod(self, source: Source) -> datetime:
        return source.latest


class StorySitemap(Sitemap):
    """Stories that several outlets covered: a story of one article is its article's page."""

    limit = URLS_PER_SITEMAP

    def items(self):
        stories = Story.objects.filter(outlet_count__gt=1, headline__is_hidden=False)
        return stories.only("id", "last_published_at").order_by("id")

    def location(self, story: Story) -> str:
        return reverse("portal:story", args=[story.pk])

    def lastmod(self, story: Story) -> datetime:
        return story.last_published_at


class TagSitemap(Sitemap):
    limit = URLS_PER_SITEMAP

    def items(self):
        tags = Tag.objects.annotate(latest=LATEST_SHOWN)
        return tags.filter(latest__isnull=False).only("slug").order_by("id")

    def lastmod(self, tag: Tag) -> datetime:
        return tag.latest


SITEMAPS = {
    "articles": ArticleSitemap,
    "posts": PostSitemap,
    "sections": SectionSitemap,
    "outlets": OutletSitemap,
    "stories": StorySitemap,
    "tags": TagSitemap,
}


@dataclass
class NewsItem:
    path: str
    title: str
    published: datetime
    language: str


class NewsSitemap(Sitemap):
    """The articles and posts of the last two days, newest first, for Google News."""

    limit = NEWS_URLS

    def items(self) -> list[NewsItem]:
        since = timezone.now() - NEWS_WINDOW
        articles = Article.objects.filter(
            CANONICAL_HERE, is_hidden=False, duplicate_of__isnull=True, published_at__gte=since
        )
        articles = articles.select_related("source").only(
            "id", "slug", "title", "published_at", "language", "source__language"
        )
        recent_posts = posts.published().filter(published_at__gte=since)
        recent_posts = recent_posts.only("slug", "title", "published_at", "language")
        items = [
            NewsItem(a.get_absolute_url(), a.title, a.published_at, a.language or a.source.language)
            for a in articles.order_by("-published_at")[:NEWS_URLS]
        ] + [
            NewsItem(p.get_absolute_url(), p.title, p.published_at, p.language)
            for p in recent_posts[:NEWS_URLS]
        ]
        for item in items:
            item.language = news_language(item.language)
        return sorted(items, key=lambda item: item.published, reverse=True)[:NEWS_URLS]

    def location(self, item: NewsItem) -> str:
        return item.path


def news_language(code: str) -> str:
    """The language as Google News names it: ISO 639 (en, de), but zh-cn and zh-tw in full;
    the site's own where the article's is unknown."""
    code = (code or settings.LANGUAGE_CODE).lower().replace("_", "-")
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]


@conditional_page
def index(request):
    return sitemap_views.index(
        request,
        SITEMAPS,
        template_name="portal/sitemap_index.xml",
        sitemap_url_name="portal:sitemap",
    )


@conditional_page
def sitemap(request, section: str):
    return sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name="portal/sitemap.xml"
    )


@conditional_page
def news(request):
    return sitemap_views.sitemap(
        request, {"news": NewsSitemap}, template_name="portal/sitemap_news.xml"
    )


@cache_control(public=True, max_age=24 * 3600)
def robots_txt(request):
    sitemaps = [reverse("portal:sitemap-index"), reverse("portal:sitemap-news")]
    context = {
        "sitemaps": [request.build_absolute_uri(url) for url in sitemaps],
        "disallow": [reverse("admin:index"), reverse("portal:search")],
    }
    return render(request, "portal/robots.txt", context, content_type="text/plain")
