"""Editors' own posts: Markdown rendered and sanitised, slug and byline filled in, drafts,
schedules and corrections kept straight; and the scheduler's step that publishes due posts."""

import logging
from datetime import datetime

import markdown
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from markdown.extensions import Extension

from articles.models import EditorProfile, Post
from articles.signals import articles_changed
from herald.lib.sanitize import clean_html

log = logging.getLogger(__name__)

SLUG_LENGTH = 100


class EscapeRawHtml(Extension):
    """HTML typed into the Markdown is shown as text, never passed on as markup."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render(markdown_text: str) -> str:
    """Markdown to safe HTML. The post's title is the page's h1, so "#" headings start at h2."""
    html = markdown.markdown(
        markdown_text,
        extensions=[EscapeRawHtml(), "tables", "fenced_code", "sane_lists", "toc"],
        extension_configs={"toc": {"baselevel": 2}},
    )
    # The sanitiser still runs: Markdown's own links and images may carry javascript: URLs.
    return clean_html(html)


def unique_slug(title: str, pk: int | None = None) -> str:
    base = slugify(title, allow_unicode=True)[: SLUG_LENGTH - 4].strip("-") or "post"
    others = Post.objects.exclude(pk=pk) if pk else Post.objects.all()
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def byline_of(user) -> str:
    """The author's byline as their editor profile gives it, else their full name."""
    if user is None:
        return ""
    profile = EditorProfile.objects.filter(user=user).first()
    return profile.byline if profile else user.get_full_name()


def save_post(post: Post, user=None, now: datetime | None = None) -> Post:
    """Save a post as an editor left it: render the body, fill the slug and byline, settle its
    state (a scheduled post whose time has come is published at once) and record a correction.
    `user` becomes the author of a new post."""
    now = now or timezone.now()
    before = Post.objects.filter(pk=post.pk).first() if post.pk else None
    if before is None and post.author_id is None and user is not None:
        post.author = user
    post.body_html = render(post.body)
    if not post.slug:
        post.slug = unique_slug(post.title, post.pk)
    if not post.byline:
        post.byline = byline_of(post.author)
    _settle_status(post, now)
    _record_correction(post, before, now)
    post.save()
    return post


def _settle_status(post: Post, now: datetime) -> None:
    if post.status == Post.Status.SCHEDULED:
        if post.publish_at is None:
            raise ValueError("A scheduled post needs a publish time")
        if post.publish_at > now:
            return
        # Its time has come already: publish as the scheduler would have.
        post.status = Post.Status.PUBLISHED
        post.published_at = post.published_at or post.publish_at
    if post.status == Post.Status.PUBLISHED and post.published_at is None:
        post.published_at = now


def _record_correction(post: Post, before: Post | None, now: datetime) -> None:
    """A new or changed note on a post readers have already seen is a correction. An edit
    without a note stays silent, and a post never published has nothing to correct."""
    if not post.correction.strip():
        post.correction, post.corrected_at = "", None
        return
    if before is None or before.published_at is None:
        return
    if post.correction != before.correction:
        post.corrected_at = now


def published() -> QuerySet[Post]:
    """The posts readers may see, newest first."""
    return Post.objects.filter(status=Post.Status.PUBLISHED).order_by("-published_at", "-id")


def due_post_ids(now: datetime) -> list[int]:
    due = Post.objects.filter(status=Post.Status.SCHEDULED, publish_at__lte=now)
    return list(due.order_by("publish_at").values_list("id", flat=True))


def publish(post_id: int, now: datetime) -> bool:
    """Publish one due post: a conditional UPDATE from scheduled to published that only one of
    two racing schedulers wins. A post published before keeps its first publication time."""
    won = Post.objects.filter(pk=post_id, status=Post.Status.SCHEDULED, publish_at__lte=now).update(
        status=Post.Status.PUBLISHED,
        published_at=Coalesce(F("published_at"), F("publish_at")),
    )
    if won == 1:
        log.info("post %s: published on schedule", post_id)
        articles_changed.send(sender=Post)
    return won == 1


def publish_due_posts(now: datetime | None = None) -> int:
    """Every scheduled post whose time has come, published; how many this call published."""
    now = now or timezone.now()
    return sum(publish(post_id, now) for post_id in due_post_ids(now))
