"""The editors' desk for what Herald gathered: sections and tags, the unsorted queue, articles and
stories. Every decision is made by a verb (sections, classify, cluster); these screens call them."""

import re
from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from articles import classify, cluster, sections
from articles.models import Article, Section, SectionBy, Story, Tag, UnsortedArticle
from articles.signals import articles_changed

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def colour_of(section: Section) -> str:
    # The colour goes into a style attribute: only a plain #rrggbb may.
    return section.colour if COLOUR.fullmatch(section.colour) else "#5a5a5a"


class SectionChoiceForm(forms.Form):
    section = forms.ModelChoiceField(queryset=Section.objects.none(), empty_label=None)


def ask_for_section(modeladmin, request, queryset, *, title, question, submit, exclude=()):
    """The active section the editor chose for an action on `queryset`, or, until they have,
    the page that asks for it: (section, None) or (None, page)."""
    form = SectionChoiceForm(request.POST if "apply" in request.POST else None)
    form.fields["section"].queryset = Section.objects.filter(is_active=True).exclude(
        pk__in=[s.pk for s in exclude]
    )
    if form.is_valid():
        return form.cleaned_data["section"], None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.opts,
        "title": title,
        "question": question,
        "submit": submit,
        "objects": queryset,
        "form": form,
        "action": request.POST["action"],
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
    }
    return None, TemplateResponse(request, "admin/articles/choose_section.html", context)


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["colour"]  # the admin adds the fields of its form and its list

    def clean_colour(self):
        colour = self.cleaned_data["colour"].strip()
        if not COLOUR.fullmatch(colour):
            raise forms.ValidationError("Give the colour as #rrggbb, e.g. #1f5f8b.")
        return colour


def articles_filed_under(section_field: str):
    """How many articles are filed under each section, by one subquery per row."""
    rows = Article.objects if section_field == "section" else Article.extra_sections.through.objects
    counted = (
        rows.filter(section=OuterRef("pk")).order_by().values("section").annotate(n=Count("pk"))
    )
    return Coalesce(Subquery(counted.values("n")), 0)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    form = SectionForm
    list_display = [
        "slug", "name", "swatch", "colour", "order", "article_count", "extra_count", "is_active",
        "merged_into",
    ]  # fmt: skip
    list_display_links = ["slug"]
    list_editable = ["name", "colour", "order"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug", "keywords"]
    fields = [
        "name", "slug", "description", "colour", "order", "keywords", "is_active", "merged_into",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["merged_into"]
    actions = ["merge", "retire"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("merged_into")
            .annotate(
                main_count=articles_filed_under("section"),
                also_count=articles_filed_under("extra_sections"),
            )
        )

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=SectionForm, **kwargs)

    @admin.display(description="")
    def swatch(self, section):
        return format_html(
            '<span style="display:inline-block;width:1.2em;height:1.2em;background:{}"></span>',
            colour_of(section),
        )

    @admin.display(description="articles", ordering="main_count")
    def article_count(self, section):
        url = reverse("admin:articles_article_changelist") + f"?section__id__exact={section.pk}"
        return format_html('<a href="{}">{}</a>', url, section.main_count)

    @admin.display(description="as extra section", ordering="also_count")
    def extra_count(self, section):
        return section.also_count

    @admin.action(description="Merge into another section…", permissions=["change"])
    def merge(self, request, queryset):
        into, page = ask_for_section(
            self, request, queryset,
            title="Merge sections",
            question="Their articles, posts and source rules move to the section you choose; "
            "they are retired and their pages send readers on to it.",
            submit="Merge", exclude=list(queryset),
        )  # fmt: skip
        if page:
            return page
        for section in queryset:
            sections.merge_sections(section, into)
        self.message_user(request, f"Merged {len(queryset)} into {into}.", messages.SUCCESS)
        return None

    @admin.action(description="Retire: no new articles, old ones stay", permissions=["change"])
    def retire(self, request, queryset):
        for section in queryset:
            sections.retire_section(section)
        self.message_user(request, f"Retired {len(queryset)}.", messages.SUCCESS)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class InStoryFilter(admin.SimpleListFilter):
    title = "story"
    parameter_name = "in_story"

    def lookups(self, request, model_admin):
        return [
            ("shared", "with other articles"),
            ("alone", "alone in its story"),
            ("none", "in no story"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "shared":
                return queryset.filter(story__article_count__gt=1)
            case "alone":
                return queryset.filter(story__article_count=1)
            case "none":
                return queryset.filter(story__isnull=True)
        return queryset


def flag_action(name: str, field: str, value: bool, description: str, done: str):
    """An action that sets one of the article's editorial flags on the selected articles."""

    def action(modeladmin, request, queryset):
        changed = queryset.update(**{field: value})
        articles_changed.send(sender=Article)
        modeladmin.message_user(request, f"{changed} article(s) {done}.", messages.SUCCESS)

    action.__name__ = name
    return admin.action(action, description=description, permissions=["change"])


@admin.action(description="Move to section…", permissions=["change"])
def move_to_section(modeladmin, request, queryset):
    section, page = ask_for_section(
        modeladmin, request, queryset,
        title="Move to section",
        question="These articles go to the section you choose, as an editor's choice.",
        submit="Move",
    )  # fmt: skip
    if page:
        return page
    by = request.user.get_username()
    for article in queryset:
        classify.set_section(article, section, by=by)
    modeladmin.message_user(
        request, f"{len(queryset)} article(s) moved to {section}.", messages.SUCCESS
    )
    return None


hide = flag_action("hide", "is_hidden", True, "Hide from the site", "hidden")
unhide = flag_action("unhide", "is_hidden", False, "Show on the site again", "shown again")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "section", "section_by", "published_at", "story_link"]
    list_filter = [
        "section", "source", InStoryFilter, "published_at", "is_hidden", "is_pinned",
        "is_featured", "section_by",
    ]  # fmt: skip
    search_fields = ["title", "content_text"]
    date_hierarchy = "published_at"
    list_select_related = ["source", "section", "story"]
    autocomplete_fields = ["tags"]
    filter_horizontal = ["extra_sections"]
    readonly_fields = [
        "source", "section_by", "section_reason", "section_score", "feed_categories",
        "story_link", "duplicate_of", "content_html", "content_text", "guid", "canonical_url",
        "fetched_at", "organized_at", "revision", "text_from", "fingerprint", "image",
        "image_small", "image_url",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "source", "url", "author", "published_at", "updated_at"]}),
        (
            "Section",
            {
                "fields": [
                    "section",
                    ("section_by", "section_reason", "section_score"),
                    "feed_categories",
                    "extra_sections",
                    "tags",
                ],
                "description": "Choosing the section here makes it an editor's choice: it is "
                "kept from then on, and the classifier learns from it.",
            },
        ),
        ("On the site", {"fields": ["is_hidden", "is_pinned", "is_featured"]}),
        ("Story", {"fields": ["story_link", "duplicate_of"]}),
        (
            "Text",
            {
                "classes": ["collapse"],
                "fields": ["summary", "language", "content_html", "content_text"],
            },
        ),
        (
            "Identity",
            {
                "classes": ["collapse"],
                "fields": [
                    "slug",
                    ("guid", "canonical_url"),
                    ("fetched_at", "organized_at", "revision"),
                    ("text_from", "fingerprint"),
                    ("image", "image_small", "image_url"),
                ],
            },
        ),
    ]
    view_on_site = True
    actions = [
        move_to_section,
        hide,
        unhide,
        flag_action("pin", "is_pinned", True, "Pin to the home page", "pinned"),
        flag_action("unpin", "is_pinned", False, "Unpin from the home page", "unpinned"),
        flag_action("feature", "is_featured", True, "Feature", "featured"),
        flag_action("unfeature", "is_featured", False, "Stop featuring", "no longer featured"),
        "split_into_new_story",
    ]

    @admin.display(description="outlet", ordering="source__name")
    def outlet(self, article):
        return article.source

    @admin.display(description="feed categories")
    def feed_categories(self, article):
        return ", ".join(article.categories) or "-"

    @admin.display(description="story", ordering="story")
    def story_link(self, article):
        if not article.story_id:
            return "-"
        url = reverse("admin:articles_story_change", args=[article.story_id])
        count = article.story.article_count
        return format_html('<a href="{}">{} article{}</a>', url, count, "s" if count != 1 else "")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "section" in form.changed_data:
            # Through the verb, so the choice is marked as an editor's and becomes a label.
            classify.set_section(obj, form.cleaned_data["section"], by=request.user.get_username())

    @admin.action(description="Move to a new story", permissions=["change"])
    def split_into_new_story(self, request, queryset):
        by_story = defaultdict(list)
        for pk, story_id in queryset.values_list("pk", "story"):
            by_story[story_id].append(pk)
        alone = by_story.pop(None, [])
        for story in Story.objects.filter(pk__in=by_story):
            cluster.split_story(story, by_story[story.pk])
        moved = sum(len(ids) for ids in by_story.values())
        self.message_user(
            request,
            f"{moved} article(s) moved to {len(by_story)} new story(ies).",
            messages.SUCCESS,
        )
        if alone:
            self.message_user(
                request, f"{len(alone)} article(s) were in no story.", messages.WARNING
            )


@admin.register(UnsortedArticle)
class UnsortedArticleAdmin(ArticleAdmin):
    list_display = ["title", "outlet", "published_at", "best_guess", "file_under"]
    list_filter = ["source"]
    search_fields = ["title"]
    actions = [move_to_section, hide]
    ordering = ["-published_at", "-id"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(section_by=SectionBy.NOBODY, is_hidden=False, organized_at__isnull=False)
        )

    def has_add_permission(self, request):
        return False

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The buttons of every row come from one query.
        choices = list(Section.objects.filter(is_active=True))
        for article in changelist.result_list:
            article.section_choices = choices
        return changelist

    @admin.display(description="best guess")
    def best_guess(self, article):
        if article.section_score is None:
            return article.section_reason or "-"
        return f"{article.section_reason} ({article.section_score:.2f})"

    @admin.display(description="file under")
    def file_under(self, article):
        # The rows sit inside the change list's form (which carries the CSRF token): each
        # button posts it to the assignment view instead.
        url = reverse("admin:articles_unsortedarticle_assign", args=[article.pk])
        return format_html_join(
            " ",
            '<button type="submit" formaction="{}" name="section" value="{}" class="button" '
            'style="border-left: 0.4em solid {}">{}</button>',
            ((url, s.pk, colour_of(s), s.name) for s in article.section_choices),
        )

    def get_urls(self):
        assign = self.admin_site.admin_view(require_POST(self.assign_view))
        return [
            path("<int:article_id>/assign/", assign, name="articles_unsortedarticle_assign"),
            *super().get_urls(),
        ]

    def assign_view(self, request, article_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=article_id)
        section = get_object_or_404(Section, pk=request.POST.get("section"), is_active=True)
        classify.set_section(article, section, by=request.user.get_username())
        self.message_user(request, f"“{article.title}” filed under {section}.", messages.SUCCESS)
        return redirect("admin:articles_unsortedarticle_changelist")


class StoryArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "source", "published_at", "section", "is_copy", "headline_choice"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "Articles of this story"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "section", "story")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(boolean=True, description="copy")
    def is_copy(self, article):
        return article.duplicate_of_id is not None

    @admin.display(description="headline")
    def headline_choice(self, article):
        story = article.story
        if story.headline_id == article.pk:
            return "Editor's pick" if story.headline_by_editor else "Headline"
        # Inside the story's change form (and its CSRF token): the button posts it elsewhere.
        url = reverse("admin:articles_story_headline", args=[story.pk, article.pk])
        return format_html(
            '<button type="submit" formaction="{}" class="button">Make headline</button>', url
        )


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = [
        "__str__", "outlet_count", "articles", "first_published_at", "last_published_at",
        "headline_by_editor",
    ]  # fmt: skip
    list_select_related = ["headline"]
    search_fields = ["headline__title"]
    date_hierarchy = "last_published_at"
    fields = [
        "headline", "headline_by_editor", "language", "first_published_at", "last_published_at",
        "article_count", "outlet_count",
    ]  # fmt: skip
    readonly_fields = fields
    inlines = [StoryArticleInline]
    actions = ["merge"]

    def has_add_permission(self, request):
        return False  # stories are made by clustering; editors merge and split them

    def has_delete_permission(self, request, obj=None):
        return False  # its articles would be left in no story: merge or split instead

    @admin.display(description="articles", ordering="article_count")
    def articles(self, story):
        url = reverse("admin:articles_article_changelist") + f"?story__id__exact={story.pk}"
        return format_html('<a href="{}">{}</a>', url, story.article_count)

    @admin.action(description="Merge the selected stories into the oldest", permissions=["change"])
    def merge(self, request, queryset):
        oldest, *others = queryset.order_by("first_published_at", "pk")
        for other in others:
            cluster.merge_stories(oldest, other)
        self.message_user(
            request, f"{len(others)} story(ies) merged into “{oldest}”.", messages.SUCCESS
        )

    def get_urls(self):
        pick = self.admin_site.admin_view(require_POST(self.headline_view))
        return [
            path("<int:story_id>/headline/<int:article_id>/", pick, name="articles_story_headline"),
            *super().get_urls(),
        ]

    def headline_view(self, request, story_id, article_id):
        story = get_object_or_404(Story, pk=story_id)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=article_id, story=story)
        cluster.pick_headline(story, article)
        self.message_user(request, f"“{article.title}” is the story's headline.", messages.SUCCESS)
        return redirect("admin:articles_story_change", story.pk)


from articles import admin_posts  # noqa: E402, F401
