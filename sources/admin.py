from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles import boilerplate
from articles.models import LearnedBlock
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


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["remove_selectors"]  # the admin adds the fields of its fieldsets

    def clean_remove_selectors(self):
        value = self.cleaned_data["remove_selectors"]
        for line in value.splitlines():
            if line.strip():
                try:
                    boilerplate.css_to_xpath(line.strip())
                except ValueError as error:
                    raise forms.ValidationError(f"{line.strip()!r}: {error}") from None
        return value


class LearnedBlockInline(admin.TabularInline):
    model = LearnedBlock
    verbose_name_plural = "Recurring blocks learned from this source's pages"
    fields = ["sample", "count", "share", "removed", "learned_at"]
    readonly_fields = ["sample", "count", "share", "learned_at"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
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
        "last_polled_at", "last_success_at", "last_status", "last_error", "last_error_at",
        "error_count", "disabled_reason", "created_at", "recent_polls",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "feed_url", "homepage", "language", "display", "is_active"]}),
        ("Gathering", {"fields": ["fetch_pages", "remove_selectors"]}),
        ("Polling", {"fields": ["poll_interval", "min_interval", "max_interval", "next_poll_at"]}),
        ("Health", {"fields": readonly_fields}),
    ]
    inlines = [LearnedBlockInline]

    @admin.display(description="Recent polls")
    def recent_polls(self, source):
        rows = source.fetch_log.all()[:20]
        if not rows:
            return "None yet"
        lines = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} ms</td><td>{}</td></tr>",
            (
                (
                    f"{r.at:%Y-%m-%d %H:%M}",
                    r.status or "-",
                    r.entries,
                    r.created,
                    r.duration_ms,
                    r.error,
                )
                for r in rows
            ),
        )
        head = "".join(
            f"<th>{name}</th>" for name in ("When", "HTTP", "Entries", "New", "Took", "Error")
        )
        return format_html("<table><tr>{}</tr>{}</table>", mark_safe(head), lines)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An un-marked block or a new selector applies to the articles already stored, too.
        if change and (form.has_changed() or any(f.has_changed() for f in formsets)):
            changed = boilerplate.reclean(form.instance)
            if changed:
                self.message_user(request, f"{changed} articles cleaned again.")

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
