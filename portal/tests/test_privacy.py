"""A reader's email address is never published: no page, feed, sitemap or search answer holds a
subscriber's or a commenter's address, whatever they subscribed to, followed, were invited by
or commented."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Tag
from discussion.models import Comment
from discussion.moderate import recount, thread_for
from newsletter.models import Invitation
from newsletter.tests.helpers import reader, section, story_in

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def newsroom(db):
    now = timezone.now()
    world = section("world")
    story = story_in(world, 1, now - timedelta(hours=1), outlets=2, title="Harbour reopens")
    tag = Tag.objects.create(name="harbour")
    story.headline.tags.add(tag)
    ana = reader("ana.reader@example.org", now, choice="only", sections=[world.pk])
    Invitation.objects.create(inviter=ana, email="kid.reader@example.org")
    reader("bo.reader@example.org", now, pace="weekly")
    thread = thread_for(story.headline)
    for n, status in enumerate(["approved", "pending", "spam"]):
        Comment.objects.create(
            thread=thread, name=f"Commenter {n}", email=f"c{n}.reader@example.org",
            website="https://reader.example", body="Well said.", body_html="<p>Well said.</p>",
            status=status, created_at=now, notify_replies=True,
        )  # fmt: skip
    recount(thread)
    return story, world, tag


def urls(story, world, tag) -> list[str]:
    article = story.headline
    source = article.source_id
    return [
        "/", "/latest/", world.get_absolute_url(), article.get_absolute_url(),
        f"/story/{story.pk}/", tag.get_absolute_url(), f"/outlet/{source}/",
        "/search/?q=harbour", "/newsletter/",
        "/feeds/rss/", "/feeds/atom/", "/feeds/json/",
        f"/feeds/rss/section/{world.slug}/", f"/feeds/json/tag/{tag.slug}/",
        f"/feeds/atom/outlet/{source}/",
        "/sitemap.xml", "/sitemap-news.xml", "/robots.txt",
        f"/comments/feed/article/{article.pk}/",
    ]  # fmt: skip


def test_no_public_page_or_feed_holds_a_readers_address(client, newsroom):
    story = newsroom[0]
    assert b"Well said." in client.get(story.headline.get_absolute_url()).content
    for url in urls(*newsroom):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        found = [m for m in ADDRESS.findall(response.content) if b"reader@" in m]
        assert found == [], url
