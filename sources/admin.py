from django.contrib import admin, messages

from sources.models import Source
from sources.poll import poll_source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "display",
        "is_active",
        "last_success_at",
        "error_count",
        "next_poll_at",
    ]
    list_filter = ["is_active", "display", "language"]
    search_fields = ["name", "feed_url", "homepage"]
    readonly_fields = [
        "last_polled_at", "last_success_at", "last_error", "last_error_at", "error_count",
        "created_at",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "feed_url", "homepage", "language", "display", "is_active"]}),
        ("Polling", {"fields": ["poll_interval", "next_poll_at"]}),
        ("Health", {"fields": readonly_fields}),
    ]
    actions = ["poll_now"]

    @admin.action(description="Poll the selected sources now")
    def poll_now(self, request, queryset):
        for source in queryset:
            result = poll_source(source.pk, force=True)
            level = messages.ERROR if result.error else messages.SUCCESS
            self.message_user(request, f"{source.name}: {result}", level)
