from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from sources.models import Source
from sources.opml import OpmlError, export_opml, import_opml
from sources.poll import poll_source

MAX_OPML_BYTES = 5 * 1024 * 1024


class OpmlImportForm(forms.Form):
    file = forms.FileField(label="OPML file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_OPML_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_OPML_BYTES} bytes.")
        return upload


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
    actions = ["poll_now", "export_as_opml"]

    @admin.action(description="Poll the selected sources now")
    def poll_now(self, request, queryset):
        for source in queryset:
            result = poll_source(source.pk, force=True)
            level = messages.ERROR if result.error else messages.SUCCESS
            self.message_user(request, f"{source.name}: {result}", level)

    @admin.action(description="Export selected as OPML")
    def export_as_opml(self, request, queryset):
        return HttpResponse(
            export_opml(queryset),
            content_type="text/x-opml; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="herald-sources.opml"'},
        )

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_opml_view)
        return [
            path("import-opml/", import_view, name="sources_source_import_opml"),
            *super().get_urls(),
        ]

    def import_opml_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = OpmlImportForm(request.POST or None, request.FILES or None)
        if form.is_valid():
            try:
                report = import_opml(form.cleaned_data["file"].read())
            except OpmlError as error:
                form.add_error("file", str(error))
            else:
                self.message_user(request, f"Imported OPML: {report}", messages.SUCCESS)
                for url, reason in report.invalid[:20]:  # enough to see what is wrong
                    self.message_user(request, f"Not imported: {url}: {reason}", messages.WARNING)
                return redirect("admin:sources_source_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import sources from OPML",
            "form": form,
        }
        return TemplateResponse(request, "admin/sources/source/import_opml.html", context)
