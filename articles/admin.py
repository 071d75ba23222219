from django.contrib import admin

from articles.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "author", "published_at", "revision", "text_from"]
    list_filter = ["source", "text_from"]
    search_fields = ["title", "author", "url"]
    date_hierarchy = "published_at"
    list_select_related = ["source"]
    readonly_fields = [
        "source", "guid", "canonical_url", "fetched_at", "revision", "text_from",
        "image", "image_small", "image_url", "fingerprint",
    ]  # fmt: skip
    view_on_site = True
