"""The public pages. Views only read: they never fetch or store articles."""

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet, Value
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control

from articles import posts
from articles.models import Article, Post, Section
from sources.models import Source

PAGE_SIZE = 30
# What a list never shows of an article: only its page does.
LONG_TEXT = ["content_html", "raw_html"]


def listed(articles: QuerySet[Article]) -> QuerySet[Article]:
    """What lists show of some articles: not the hidden ones, newest first."""
    return articles.filter(is_hidden=False).select_related("source").defer(*LONG_TEXT)


def home(request):
    # A copy of an article already listed is not listed again: its story's page shows it.
    latest = listed(Article.objects.filter(duplicate_of__isnull=True))
    page = Paginator(latest, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/home.html", {"page": page})


def article(request, pk: int, slug: str):
    # A hidden article is gone from the site, also for a reader who kept its link.
    item = get_object_or_404(Article.objects.select_related("source"), pk=pk, is_hidden=False)
    if slug != item.slug:
        return redirect(item, permanent=True)
    return render(request, "portal/article.html", {"article": item})


def section_entries(section: Section) -> QuerySet:
    """The section's articles (main or extra section, no copies) and posts as one timeline of
    (id, published_at, kind) rows, so one Paginator pages through both."""
    extra = Article.extra_sections.through.objects.filter(section=section).values("article_id")
    articles = listed(Article.objects.filter(Q(section=section) | Q(pk__in=extra)))
    articles = articles.filter(duplicate_of__isnull=True).annotate(kind=Value("article"))
    section_posts = posts.published().filter(section=section).annotate(kind=Value("post"))
    columns = ["id", "published_at", "kind"]
    timeline = (
        articles.order_by()
        .values_list(*columns)
        .union(section_posts.order_by().values_list(*columns), all=True)
    )
    return timeline.order_by("-published_at", "-id")


def load_entries(entries) -> list[tuple[str, Article | Post]]:
    """The page's (kind, object) pairs for the timeline rows of one page."""
    rows = list(entries)
    ids = {kind: [pk for pk, _, k in rows if k == kind] for kind in ("article", "post")}
    found = {
        "article": listed(Article.objects.all()).in_bulk(ids["article"]),
        "post": Post.objects.defer("body", "body_html").in_bulk(ids["post"]),
    }
    return [(kind, found[kind][pk]) for pk, _, kind in rows if pk in found[kind]]


def merged_target(section: Section) -> Section | None:
    """The section a merged one lives on in, following a chain of merges; None when the chain
    runs in a circle (then the page is shown as it is)."""
    seen = {section.pk}
    while section.merged_into_id:
        if section.merged_into_id in seen:
            return None
        section = section.merged_into
        seen.add(section.pk)
    return section


def section(request, slug: str):
    item = get_object_or_404(Section, slug=slug)
    if item.merged_into_id and (target := merged_target(item)):
        return redirect(target, permanent=True)
    page = Paginator(section_entries(item), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = load_entries(page.object_list)
    return render(request, "portal/section.html", {"section": item, "page": page})


def outlet(request, source_id: int):
    source = get_object_or_404(Source, pk=source_id)
    items = listed(Article.objects.filter(source=source))
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/outlet.html", {"source": source, "page": page})


def post(request, slug: str):
    item = get_object_or_404(Post.objects.select_related("section"), slug=slug)
    # Drafts and scheduled posts are previews for the desk, and stay out of shared caches.
    if not item.is_public and not request.user.is_staff:
        raise Http404("No such post")
    response = render(request, "portal/post.html", {"post": item})
    if not item.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response
