"""The desk's view of the newsletter: subscribers (their addresses shown to editors only),
sections' mail defaults, each mailing with its counts, breaking news alerts, and the sections'
readership over time."""

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve
from django.utils import timezone

from articles.models import Article, Section, Story
from herald.lib.charts import daily_bars
from newsletter import alerts, counts, tasks
from newsletter.models import Delivery, Mailing, SectionCount, SectionMail, Subscriber

CHART_DAYS = 90


@admin.register(SectionMail)
class SectionMailAdmin(admin.ModelAdmin):
    list_display = ["section", "pace", "hour", "weekday"]
    list_editable = ["pace", "hour", "weekday"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "choice", "pace", "hour", "time_zone", "confirmed_at"]
    list_filter = ["status", "pace", "choice"]
    search_fields = ["email"]
    readonly_fields = [
        "created_at", "signed_up_from", "confirmation_sent_at", "confirmed_at", "confirmed_by",
        "invited_by", "stopped_at", "soft_bounces", "next_digest_at", "digest_since",
    ]  # fmt: skip


def counted(status: str) -> Count:
    return Count("deliveries", filter=Q(deliveries__status=status))


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "queued", "sent", "failed", "bounced", "unsubscribed"]
    list_filter = ["kind"]
    # A mailing is the record of what was sent: the code and the alert form make them.
    readonly_fields = [
        "kind", "key", "created_at", "section", "story", "subject", "message", "created_by",
        "unsubscribed",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_queued=Count(
                    "deliveries",
                    filter=Q(
                        deliveries__status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
                    ),
                ),
                n_sent=counted(Delivery.Status.SENT),
                n_failed=counted(Delivery.Status.FAILED),
                n_bounced=counted(Delivery.Status.BOUNCED),
            )
        )

    @admin.display(ordering="n_queued")
    def queued(self, mailing):
        return mailing.n_queued

    @admin.display(ordering="n_sent")
    def sent(self, mailing):
        return mailing.n_sent

    @admin.display(ordering="n_failed")
    def failed(self, mailing):
        return mailing.n_failed

    @admin.display(ordering="n_bounced")
    def bounced(self, mailing):
        return mailing.n_bounced

    # --- breaking news ---------------------------------------------------------------------------

    def get_urls(self):
        alert_view = self.admin_site.admin_view(self.send_alert_view)
        return [
            path("send-alert/", alert_view, name="newsletter_mailing_send_alert"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_send_alert": self.has_change_permission(request), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def send_alert_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = AlertForm(request.POST or None)
        reach = None
        if form.is_valid():
            section, story = form.cleaned_data["section"], form.cleaned_data["story"]
            now = timezone.now()
            if "confirmed" not in request.POST:
                reach = alerts.reach(section, now)  # asked once more, with the count
            else:
                mailing = alerts.send_alert(
                    section,
                    story,
                    form.cleaned_data["subject"],
                    form.cleaned_data["message"],
                    request.user,
                    now,
                )
                tasks.send_soon()
                queued = mailing.deliveries.count()
                self.message_user(
                    request,
                    f"Breaking news alert recorded for {queued} reader{'s' if queued != 1 else ''}"
                    f" of {section}; it is being sent.",
                    messages.SUCCESS,
                )
                return redirect("admin:newsletter_mailing_change", mailing.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Send a breaking news alert",
            "form": form,
            "reach": reach,
        }
        return TemplateResponse(request, "admin/newsletter/mailing/send_alert.html", context)


class AlertForm(forms.Form):
    section = forms.ModelChoiceField(
        Section.objects.filter(is_active=True), help_text="Its readers get the alert"
    )
    story = forms.CharField(
        max_length=500,
        help_text="The story's number, or the address of its page or of one of its articles",
    )
    subject = forms.CharField(max_length=150, help_text="One line: the mail's subject")
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text="A few words above the story (optional)",
    )

    def clean_story(self) -> Story:
        story = story_from(self.cleaned_data["story"].strip())
        if story is None:
            raise forms.ValidationError("No story has this number or address.")
        if story.headline_id is None or story.headline.is_hidden:
            raise forms.ValidationError("This story has no article to show.")
        return story


def story_from(value: str) -> Story | None:
    """A story by its number, or by the address of its page or of one of its articles."""
    if value.isdigit():
        return Story.objects.filter(pk=int(value)).first()
    try:
        match = resolve(urlsplit(value).path or "/")
    except Resolver404:
        return None
    if match.view_name == "portal:story":
        return Story.objects.filter(pk=match.kwargs["pk"]).first()
    if match.view_name == "portal:article":
        article = Article.objects.filter(pk=match.kwargs["pk"]).select_related("story").first()
        return article.story if article else None
    return None


# --- readership over time ------------------------------------------------------------------------


@admin.register(SectionCount)
class SectionCountAdmin(admin.ModelAdmin):
    """Counted by the daily tick (newsletter.counts.count_sections); read here, never edited."""

    list_display = ["day", "section", "subscribers"]
    list_filter = ["section"]
    date_hierarchy = "day"
    ordering = ["-day", "section__order"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        today = timezone.localdate()
        charts = []
        for section, per_day in counts.history(today, CHART_DAYS).items():
            counted = [n for _, n in per_day if n is not None]
            charts.append(
                {
                    "section": section,
                    "latest": counted[-1],
                    "change": f"{counted[-1] - counted[0]:+d}",
                    "chart": daily_bars(
                        per_day,
                        "subscriber",
                        f"subscribers each day, last {len(per_day)} days",
                        3,
                        40,
                    ),
                }
            )
        extra = {"charts": charts, "chart_days": CHART_DAYS, **(extra_context or {})}
        return super().changelist_view(request, extra)
