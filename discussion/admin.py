"""The moderators' desk: the queue of comments (approve, spam, trash, each with the reason its
author sees), editing and replying as the site, the moderation rules, the blocklist and the
threads editors close. Every decision goes through discussion.moderate."""

import ipaddress

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.models import Section
from discussion.models import Blocked, Comment, Moderation, Thread
from discussion.moderate import (
    held_counts_by_section,
    moderate,
    recount,
    render,
    reply_as_site,
    site_name_of,
)

Status = Comment.Status

# What the author reads after "Your comment was not published: ".
PRESET_REASONS = [
    "it is off-topic",
    "it attacks a person",
    "it is advertising",
    "it repeats another comment",
]
# The decision buttons of a comment's page: (status, its button, access key).
DECISIONS = [
    (Status.APPROVED, "Approve", "a"),
    (Status.SPAM, "Mark as spam", "s"),
    (Status.TRASH, "Move to trash", "t"),
]
REPLY_KEY = "r"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- the queue -----------------------------------------------------------------------------------


class StatusFilter(admin.SimpleListFilter):
    """By status, awaiting moderation when none is chosen: the desk opens on the queue."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Status.choices, ("all", "All")]

    def value(self):
        return super().value() or Status.PENDING

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.filter(status=self.value())


class SecondLookFilter(admin.SimpleListFilter):
    title = "second look"
    parameter_name = "second_look"

    def lookups(self, request, model_admin):
        return [("asked", "asked for"), ("not", "not asked for")]

    def queryset(self, request, queryset):
        match self.value():
            case "asked":
                return queryset.filter(second_look__isnull=False)
            case "not":
                return queryset.filter(second_look__isnull=True)
        return queryset


class SectionFilter(admin.SimpleListFilter):
    """The section of the article or post commented on."""

    title = "section"
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return Section.objects.values_list("slug", "name")

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Q(thread__article__section__slug=self.value())
            | Q(thread__post__section__slug=self.value())
        )


def awaiting_second_look():
    """Comments not shown whose authors asked a moderator to read them again."""
    return Comment.objects.filter(second_look__isnull=False).exclude(status=Status.APPROVED)


class ReasonForm(forms.Form):
    preset = forms.ChoiceField(
        label="Reason",
        choices=[(r, r) for r in PRESET_REASONS] + [("other", "another reason, written below")],
        widget=forms.RadioSelect,
        required=False,
    )
    other = forms.CharField(
        label="Another reason",
        max_length=200,
        required=False,
        help_text="Its author reads “Your comment was not published: …” and then this",
    )

    def clean(self):
        cleaned = super().clean()
        preset = cleaned.get("preset", "")
        reason = cleaned.get("other", "").strip() if preset in ("", "other") else preset
        if not reason:
            raise forms.ValidationError("Choose a reason or write one: its author will read it.")
        cleaned["reason"] = reason
        return cleaned


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["name", "email", "website", "body", "reason", "notify_replies"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=Comment._meta.get_field("body").max_length,
        help_text="Markdown, as readers write it: paragraphs, links, *emphasis*, > quotes",
    )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentForm
    list_display = [
        "excerpt", "status", "name", "email", "page", "reason", "score", "second_look_asked",
        "created_at",
    ]  # fmt: skip
    # The comment itself is the row's link: Tab reaches it first after the checkbox.
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, SecondLookFilter, SectionFilter]
    list_select_related = ["thread__article", "thread__post"]
    search_fields = ["name", "email", "body"]
    date_hierarchy = "created_at"
    actions = ["approve", "mark_spam", "move_to_trash"]
    readonly_fields = [
        "page", "in_reply_to", "status", "as_shown", "spam_score", "created_at", "approved_at",
        "edited_at", "second_look", "moderated_by", "ip_network",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["page", "in_reply_to", "status", "reason"]}),
        ("Text", {"fields": ["body", "as_shown"]}),
        ("Author", {"fields": ["name", "email", "website", "notify_replies"]}),
        (
            "Moderation",
            {
                "fields": [
                    ("created_at", "approved_at", "edited_at"),
                    ("spam_score", "second_look"),
                    ("moderated_by", "ip_network"),
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False  # readers write comments; editors reply to them

    def has_delete_permission(self, request, obj=None):
        return False  # moderators decide (trash keeps the record, and the filter learns from it)

    @admin.display(description="comment")
    def excerpt(self, comment):
        return Truncator(" ".join(comment.body.split())).chars(80)

    @admin.display(description="on")
    def page(self, comment):
        target = comment.thread.target
        return format_html('<a href="{}">{}</a>', target.get_absolute_url(), target)

    @admin.display(description="in reply to")
    def in_reply_to(self, comment):
        if comment.parent_id is None:
            return "-"
        url = reverse("admin:discussion_comment_change", args=[comment.parent_id])
        return format_html('<a href="{}">{}</a>', url, comment.parent.name)

    @admin.display(description="spam score", ordering="spam_score")
    def score(self, comment):
        return "-" if comment.spam_score is None else f"{comment.spam_score:.2f}"

    @admin.display(description="second look", boolean=True, ordering="second_look")
    def second_look_asked(self, comment):
        return comment.second_look is not None

    @admin.display(description="as readers see it")
    def as_shown(self, comment):
        return mark_safe(comment.body_html)  # sanitised by render() when stored

    def save_model(self, request, obj, form, change):
        if "body" in form.changed_data:
            obj.body_html = render(obj.body)
            obj.edited_at = timezone.now()
        super().save_model(request, obj, form, change)
        # Saving the thread renews the pages that show it (comments alone do not).
        recount(obj.thread)

    # --- the per-section counts above the list ---

    def changelist_view(self, request, extra_context=None):
        held = list(held_counts_by_section())
        slugs = dict(Section.objects.values_list("name", "slug"))
        extra = {
            "held_by_section": [
                {"section": row["section"], "slug": slugs.get(row["section"]), "held": row["held"]}
                for row in held
            ],
            "held_total": sum(row["held"] for row in held),
            "second_looks": awaiting_second_look().count(),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra)

    # --- decisions ---

    def decide(self, request, comments, status: str, reason: str) -> None:
        """Through moderate(), so counts and notices follow; logged for each comment, which
        also tells the page cache that pages changed."""
        comments = list(comments)
        changed = moderate(
            Comment.objects.filter(pk__in=[c.pk for c in comments]),
            status,
            reason,
            request.user,
            timezone.now(),
        )
        label = Status(status).label
        for comment in comments:
            self.log_change(request, comment, f"{label}{f': {reason}' if reason else ''}")
        self.message_user(
            request, f"{plural(changed, 'comment')}: {label}{f' ({reason})' if reason else ''}."
        )

    def ask_for_reason(self, request, comments, status: str, action: str = ""):
        """The reason the moderator chose, or, until they have, the page that asks for it."""
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            return form.cleaned_data["reason"], None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{Status(status).label.capitalize()}: the reason its author reads",
            "submit": next(label for s, label, _ in DECISIONS if s == status),
            "comments": comments,
            "form": form,
            "action": action,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return None, TemplateResponse(request, "admin/discussion/comment/reason.html", context)

    @admin.action(description="Approve: show on the site", permissions=["change"])
    def approve(self, request, queryset):
        self.decide(request, queryset, Status.APPROVED, "")

    @admin.action(description="Mark as spam…", permissions=["change"])
    def mark_spam(self, request, queryset):
        return self.decide_with_reason(request, queryset, Status.SPAM, "mark_spam")

    @admin.action(description="Move to trash…", permissions=["change"])
    def move_to_trash(self, request, queryset):
        return self.decide_with_reason(request, queryset, Status.TRASH, "move_to_trash")

    def decide_with_reason(self, request, queryset, status: str, action: str):
        reason, page = self.ask_for_reason(request, queryset, status, action)
        if page:
            return page
        self.decide(request, queryset, status, reason)
        return None

    # --- the comment's own page: decision buttons, reply ---

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["decisions"] = [
                {"name": f"_{status}", "label": label, "key": key}
                for status, label, key in DECISIONS
                if status != obj.status
            ]
            context["reply_as"] = site_name_of(request.user)
            context["reply_key"] = REPLY_KEY
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        """The form's edits are saved; then the decision button pressed, if any."""
        if f"_{Status.APPROVED}" in request.POST:
            self.decide(request, [obj], Status.APPROVED, "")
            return redirect("admin:discussion_comment_changelist")
        for status in (Status.SPAM, Status.TRASH):
            if f"_{status}" in request.POST:
                return redirect("admin:discussion_comment_decide", obj.pk, status)
        return super().response_change(request, obj)

    def get_urls(self):
        decide = self.admin_site.admin_view(self.decide_view)
        reply = self.admin_site.admin_view(self.reply_view)
        return [
            path("<int:comment_id>/decide/<str:status>/", decide, name="discussion_comment_decide"),
            path("<int:comment_id>/reply/", reply, name="discussion_comment_reply"),
            *super().get_urls(),
        ]

    def decide_view(self, request, comment_id, status):
        """Spam or trash one comment, with the reason asked for first."""
        comment = get_object_or_404(Comment, pk=comment_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        if status not in (Status.SPAM, Status.TRASH):
            raise PermissionDenied
        reason, page = self.ask_for_reason(request, [comment], status)
        if page:
            return page
        self.decide(request, [comment], status, reason)
        return redirect("admin:discussion_comment_changelist")

    def reply_view(self, request, comment_id):
        """The site answers a comment: posted approved, under the editor's byline."""
        parent = get_object_or_404(Comment.objects.select_related("thread"), pk=comment_id)
        if not self.has_change_permission(request, parent):
            raise PermissionDenied
        if parent.status != Status.APPROVED:
            self.message_user(
                request,
                "Approve the comment first: readers would see the reply without it.",
                messages.ERROR,
            )
            return redirect("admin:discussion_comment_change", parent.pk)
        form = ReplyForm(request.POST or None)
        if form.is_valid():
            reply = reply_as_site(parent, request.user, form.cleaned_data["body"], timezone.now())
            self.log_addition(request, reply, f"Reply to comment {parent.pk}")
            self.message_user(request, f"Replied as {reply.name}.", messages.SUCCESS)
            return redirect("admin:discussion_comment_change", reply.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Reply as {site_name_of(request.user)}",
            "parent": parent,
            "form": form,
        }
        return TemplateResponse(request, "admin/discussion/comment/reply.html", context)


# --- rules, blocklist, threads ---------------------------------------------------------------


@admin.register(Moderation)
class ModerationAdmin(admin.ModelAdmin):
    list_display = ["scope", "policy", "max_links", "close_after_days"]
    list_display_links = ["scope"]
    list_editable = ["policy", "max_links", "close_after_days"]
    ordering = [F("section__order").asc(nulls_first=True), "section__name"]
    list_select_related = ["section"]

    @admin.display(description="rules of")
    def scope(self, rules):
        return rules.section or "the whole site"

    def has_delete_permission(self, request, obj=None):
        # Sections without rules of their own follow the site's: it must always be there.
        if obj is not None and obj.section_id is None:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)  # it would not spare the site's row
        return actions


class BlockedForm(forms.ModelForm):
    class Meta:
        model = Blocked
        fields = ["kind", "value"]

    def clean(self):
        cleaned = super().clean()
        kind, value = cleaned.get("kind"), cleaned.get("value", "").strip()
        if kind and value:
            try:
                cleaned["value"] = normal_value(kind, value)
            except forms.ValidationError as error:
                self.add_error("value", error)
        return cleaned


def normal_value(kind: str, value: str) -> str:
    """The value as the blocklist stores and compares it, or ValidationError saying why not."""
    match kind:
        case Blocked.Kind.IP:
            try:
                if "/" not in value:
                    return str(ipaddress.ip_address(value))
                return str(ipaddress.ip_network(value, strict=False))
            except ValueError:
                raise forms.ValidationError(
                    f"“{value}” is not an IP address or network: give e.g. 203.0.113.7, "
                    "203.0.113.0/24 or 2001:db8::/48."
                ) from None
        case Blocked.Kind.DOMAIN:
            value = value.lower().rstrip(".")
            if "@" in value or "/" in value or "." not in value:
                raise forms.ValidationError("Give the domain alone, e.g. example.com (no @).")
        case Blocked.Kind.EMAIL:
            validate_email(value)
    return value.lower()


@admin.register(Blocked)
class BlockedAdmin(admin.ModelAdmin):
    form = BlockedForm
    list_display = ["value", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value"]


class ThreadForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["article", "post", "closed"]

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("article")) == bool(cleaned.get("post")):
            raise forms.ValidationError("Choose either an article or a post.")
        return cleaned


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    form = ThreadForm
    list_display = ["__str__", "page", "approved_count", "closed"]
    list_filter = ["closed"]
    list_select_related = ["article", "post"]
    search_fields = ["article__title", "post__title"]
    autocomplete_fields = ["article", "post"]
    readonly_fields = ["approved_count"]
    actions = ["close_comments", "reopen_comments"]

    @admin.display(description="page")
    def page(self, thread):
        target = thread.target
        return format_html('<a href="{}">{}</a>', target.get_absolute_url(), target)

    def set_closed(self, request, queryset, closed: bool, done: str) -> None:
        threads = list(queryset)
        for thread in threads:
            thread.closed = closed
            thread.save(update_fields=["closed"])  # its signal renews the cached pages
            self.log_change(request, thread, done)
        self.message_user(request, f"{plural(len(threads), 'thread')}: {done}.")

    @admin.action(description="Close comments", permissions=["change"])
    def close_comments(self, request, queryset):
        self.set_closed(request, queryset, True, "comments closed")

    @admin.action(description="Reopen comments", permissions=["change"])
    def reopen_comments(self, request, queryset):
        self.set_closed(request, queryset, False, "comments reopened")
