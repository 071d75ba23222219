"""The desk's screens for editors' own posts and the bylines they appear under. Saving goes
through articles.posts, which renders, fills in and publishes."""

from django import forms
from django.contrib import admin
from django.utils.safestring import mark_safe

from articles import posts
from articles.models import EditorProfile, Post


class PostForm(forms.ModelForm):
    """The post's fields as the admin lays them out, with the checks a save needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, the slug is made from the title when the post is saved.
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Empty: made from the title"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Post.Status.SCHEDULED and not cleaned.get("publish_at"):
            self.add_error("publish_at", "Give the time the post should publish itself.")
        if cleaned.get("lead_image") and not cleaned.get("lead_image_alt", "").strip():
            self.add_error("lead_image_alt", "Describe the picture for readers who can't see it.")
        return cleaned


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostForm
    list_display = ["title", "status", "section", "author", "publish_time", "corrected_at"]
    list_filter = ["status", "section", "author", "tags"]
    list_select_related = ["section", "author"]
    search_fields = ["title", "summary", "body", "byline"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tags"]
    readonly_fields = ["author", "published_at", "corrected_at", "preview"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "section", "tags", "language"]}),
        ("Byline", {"fields": ["author", "byline"]}),
        ("Lead image", {"fields": ["lead_image", "lead_image_alt"]}),
        ("Publishing", {"fields": ["status", "publish_at", "published_at"]}),
        (
            "Correction",
            {
                "fields": ["correction", "corrected_at"],
                "description": "After publication, say here what you changed and why; readers "
                "see the note under the post. An edit without a note stays unmarked.",
            },
        ),
        ("Preview", {"fields": ["preview"]}),
    ]

    @admin.display(description="publish time", ordering="published_at")
    def publish_time(self, post: Post):
        return post.published_at or post.publish_at

    @admin.display(description="body as readers see it")
    def preview(self, post: Post) -> str:
        if not post.pk:
            return "Save the post to see it here; “View on site” shows the whole page."
        return mark_safe(f'<div class="post-preview">{post.body_html}</div>')  # sanitised on save

    def save_model(self, request, obj, form, change):
        posts.save_post(obj, user=request.user)


@admin.register(EditorProfile)
class EditorProfileAdmin(admin.ModelAdmin):
    list_display = ["byline", "user"]
    list_select_related = ["user"]
    search_fields = ["byline", "user__username", "user__first_name", "user__last_name"]
