"""The public pages. Views only read: they never fetch or store articles."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from articles.models import Article

PAGE_SIZE = 30


def home(request):
    latest = Article.objects.select_related("source").defer("content_html")
    page = Paginator(latest, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/home.html", {"page": page})


def article(request, pk: int, slug: str):
    item = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    if slug != item.slug:
        return redirect(item, permanent=True)
    return render(request, "portal/article.html", {"article": item})
