"""The desk's screen for the site's own pages: editors rewrite them; the three always exist."""

from django.contrib import admin
from django.utils.safestring import mark_safe

from portal.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "updated_at"]
    fields = ["slug", "title", "body", "preview"]
    readonly_fields = ["preview"]

    @admin.display(description="body as readers see it")
    def preview(self, page: SitePage) -> str:
        if not page.pk:
            return "Save the page to see it here; “View on site” shows the whole page."
        return mark_safe(f'<div class="post-preview">{page.body_html}</div>')  # sanitised on save

    def get_readonly_fields(self, request, obj=None):
        # The footer links each page by its slug: an existing page keeps it.
        return ["slug", *self.readonly_fields] if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
