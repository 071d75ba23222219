"""The desk's screens for sources: their health at a glance, their mapping onto sections, what
Herald learned of their pages, OPML in and out, and takedowns."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles import boilerplate
from articles.models import Article, LearnedBlock, SectionRule
from herald.lib.charts import daily_bars
from sources import takedown
from sources.models import Source, Takedown
from sources.opml import OpmlError, export_opml, import_opml
from sources.poll import poll_source

MAX_OPML_BYTES = 5 * 1024 * 1024
CHART_DAYS = 14


def articles_per_day(
    source_ids: list[int], now: datetime, days: int = CHART_DAYS
) -> dict[int, list[tuple[date, int]]]:
    """For each source, how many articles it published on each of the last `days` days (today
    last), in one query for all of them."""
    today = timezone.localdate(now)
    first = today - timedelta(days=days - 1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    rows = (
        Article.objects.filter(source__in=source_ids, published_at__gte=start, published_at__lt=end)
        .annotate(day=TruncDate("published_at"))
        .order_by()  # the model's ordering would split the groups
        .values_list("source", "day")
        .annotate(n=Count("id"))
    )
    counts = {(source, day): n for source, day, n in rows}
    span = [first + timedelta(days=i) for i in range(days)]
    return {pk: [(day, counts.get((pk, day), 0)) for day in span] for pk in source_ids}


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

    def clean(self):
        cleaned = super().clean()
        for name in ["feed_url", "homepage"]:
            reason = takedown.refusal(cleaned.get(name) or "")
            if reason:
                self.add_error(name, reason)
        return cleaned


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the takedown: who asked, when and why",
    )


class SectionRuleForm(forms.ModelForm):
    class Meta:
        model = SectionRule
        fields = ["kind", "pattern", "section"]

    def clean(self):
        cleaned = super().clean()
        kind, pattern = cleaned.get("kind"), cleaned.get("pattern", "").strip()
        if kind == SectionRule.Kind.DEFAULT:
            cleaned["pattern"] = ""
        elif kind and not pattern:
            self.add_error("pattern", "Give the category or the piece of URL to match.")
        return cleaned


class SectionRuleInline(admin.TabularInline):
    model = SectionRule
    form = SectionRuleForm
    verbose_name = "section rule"
    verbose_name_plural = "Sections: this source's categories and URLs, and its default section"
    extra = 0


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
        "last_polled_at",
        "last_status",
        "error_count",
        "short_error",
        "per_day_chart",
    ]
    list_filter = ["is_active", "display", "language"]
    search_fields = ["name", "feed_url", "homepage"]
    readonly_fields = [
        "last_polled_at", "last_success_at", "last_status", "last_error", "last_error_at",
        "error_count", "disabled_reason", "created_at", "per_day_chart", "recent_polls",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "feed_url", "homepage", "language", "display", "is_active"]}),
        ("Gathering", {"fields": ["fetch_pages", "remove_selectors"]}),
        ("Polling", {"fields": ["poll_interval", "min_interval", "max_interval", "next_poll_at"]}),
        ("Health", {"fields": readonly_fields}),
    ]
    inlines = [SectionRuleInline, LearnedBlockInline]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The chart's counts for the whole page in one query, not one per row.
        page = list(changelist.result_list)
        counts = articles_per_day([s.pk for s in page], timezone.now())
        for source in page:
            source.per_day = counts[source.pk]
        return changelist

    @admin.display(description="last error")
    def short_error(self, source):
        return Truncator(source.last_error).chars(60)

    @admin.display(description=f"articles a day, last {CHART_DAYS} days")
    def per_day_chart(self, source):
        if not source.pk:
            return "-"
        per_day = getattr(source, "per_day", None)
        if per_day is None:
            per_day = articles_per_day([source.pk], timezone.now())[source.pk]
        total = sum(n for _, n in per_day)
        return daily_bars(per_day, "article", f"{total} articles in the last {len(per_day)} days")

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

    actions = ["poll_now", "export_as_opml", "take_down"]

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

    @admin.action(
        description="Take down: remove this outlet and all its articles", permissions=["delete"]
    )
    def take_down(self, request, queryset):
        form = TakeDownForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for source in queryset:
                by = request.user.get_username()
                hosts = takedown.take_down(source, form.cleaned_data["reason"], by=by)
                names = ", ".join(t.host for t in hosts)
                self.message_user(request, f"{source.name} taken down ({names}).", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Take down these outlets?",
            "form": form,
            "sources": queryset.annotate(article_count=Count("articles")),
            "hosts": sorted({h for source in queryset for h in takedown.hosts_of(source)}),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/sources/source/take_down.html", context)

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
                # enough to see what is wrong
                for url, reason in (report.invalid + report.refused)[:20]:
                    self.message_user(request, f"Not imported: {url}: {reason}", messages.WARNING)
                return redirect("admin:sources_source_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import sources from OPML",
            "form": form,
        }
        return TemplateResponse(request, "admin/sources/source/import_opml.html", context)


class TakedownForm(forms.ModelForm):
    class Meta:
        model = Takedown
        fields = ["host", "name", "reason"]

    def clean_host(self):
        return takedown.normal_host(self.cleaned_data["host"])


@admin.register(Takedown)
class TakedownAdmin(admin.ModelAdmin):
    form = TakedownForm
    list_display = ["host", "name", "requested_at", "by", "short_reason"]
    search_fields = ["host", "name", "reason"]
    date_hierarchy = "requested_at"
    readonly_fields = ["requested_at", "by"]

    @admin.display(description="reason")
    def short_reason(self, takedown):
        return Truncator(takedown.reason).chars(80)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.by = request.user.get_username()
        super().save_model(request, obj, form, change)
