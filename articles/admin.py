from django.contrib import admin

from articles.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "author", "published_at"]
    list_filter = ["source"]
    search_fields = ["title", "author", "url"]
    date_hierarchy = "published_at"
    list_select_related = ["source"]
    readonly_fields = ["source", "guid", "fetched_at"]
    view_on_site = True
