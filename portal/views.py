"""The public pages. Views only read: they never fetch or store articles. What each page shows
is read by portal.pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control

from articles.models import Post, Section, Tag
from portal import pages
from portal.models import SitePage
from portal.pages import listed  # noqa: F401  (search lists articles as the other pages do)
from sources.models import Source


def home(request):
    return render(request, "portal/home.html", {"front": pages.front_page()})


def latest(request):
    page = Paginator(pages.leads(), settings.LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/latest.html", {"page": page})


def story(request, pk: int):
    shown = pages.story_page(pk)
    if shown is None:
        raise Http404("No such story")
    return render(request, "portal/story.html", {"shown": shown})


def article(request, pk: int, slug: str):
    item = pages.shown_article(pk)
    if item is None:
        raise Http404("No such article")
    if slug != item.slug:
        return redirect(item, permanent=True)
    context = {"article": item, "shown": pages.article_page(item)}
    return render(request, "portal/article.html", context)


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
    pager = Paginator(pages.section_timeline(item), settings.LIST_PAGE_SIZE)
    page = pager.get_page(request.GET.get("page"))
    page.object_list = pages.load_entries(page.object_list)
    return render(request, "portal/section.html", {"section": item, "page": page})


def tag(request, slug: str):
    item = get_object_or_404(Tag, slug=slug)
    pager = Paginator(pages.tag_timeline(item), settings.LIST_PAGE_SIZE)
    page = pager.get_page(request.GET.get("page"))
    page.object_list = pages.load_entries(page.object_list)
    return render(request, "portal/tag.html", {"tag": item, "page": page})


def outlet(request, source_id: int):
    source = get_object_or_404(Source, pk=source_id)
    items = pages.outlet_articles(source.pk)
    page = Paginator(items, settings.LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/outlet.html", {"source": source, "page": page})


def post(request, slug: str):
    shown = Post.objects.select_related("section", "thread").prefetch_related("tags")
    item = get_object_or_404(shown, slug=slug)
    # Drafts and scheduled posts are previews for the desk, and stay out of shared caches.
    if not item.is_public and not request.user.is_staff:
        raise Http404("No such post")
    response = render(request, "portal/post.html", {"post": item})
    if not item.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response


def site_page(request, slug: str):
    item = get_object_or_404(SitePage, slug=slug)
    return render(request, "portal/site_page.html", {"site_page": item})
