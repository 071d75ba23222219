"""Each page reads the database a fixed, small number of times, however much it shows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Post, RelatedArticle, Section, Tag
from discussion.models import Comment, Thread
from discussion.moderate import recount
from portal.tests.site import NOW, article, outlet, story

# The most queries each page may make. The navigation's sections are one of them.
LIMITS = {
    "home": 4,
    "latest": 3,
    "section": 6,
    "tag": 6,
    "outlet": 4,
    "story": 4,
    "article": 7,
    "post": 5,
    "about": 2,
}


def build(size: int, prefix: str = "") -> dict[str, str]:
    """A site with `size` stories in each of a few sections, each told by `size` outlets, tagged,
    with related stories, copies and posts; the URL of each page type. A prefix builds a second
    site beside the first."""
    outlets = [outlet(f"{prefix}Outlet {n}") for n in range(size)]
    sections = list(Section.objects.filter(is_active=True))[:size]
    tag, _ = Tag.objects.get_or_create(slug="ferries", defaults={"name": "Ferries"})
    n = 0
    headlines = []
    for section in sections:
        for _ in range(size):
            told = []
            for source in outlets:
                n += 1
                told.append(article(source, n, section=section, is_pinned=n % 5 == 0))
                told[-1].tags.add(tag)
            copy = article(outlets[0], n + 1000, duplicate_of=told[0], section=section)
            story(*told, copy)
            headlines.append(told[0])
    for rank, other in enumerate(headlines[1:]):
        RelatedArticle.objects.create(article=headlines[0], related=other, rank=rank, score=0.5)
    for p in range(size):
        post = Post.objects.create(
            title=f"Post {p}", slug=f"{prefix}post-{p}", body="…", body_html="<p>…</p>",
            status=Post.Status.PUBLISHED, published_at=NOW - timedelta(minutes=p),
            section=sections[0],
        )  # fmt: skip
        post.tags.add(tag)
    first = headlines[0]
    # Comments under the article, the story's headline article and the post.
    lead = Article.objects.get(story__headline=F("pk"), story=first.story_id)
    post = Post.objects.get(slug=f"{prefix}post-0")
    for target in {first, lead, post}:
        thread = Thread.objects.create(**{"post" if target is post else "article": target})
        for c in range(size):
            Comment.objects.create(
                thread=thread, name=f"Reader {c}", email=f"r{c}@example.org", body="Yes.",
                body_html="<p>Yes.</p>", status=Comment.Status.APPROVED, created_at=NOW,
            )  # fmt: skip
        recount(thread)
    return {
        "home": "/",
        "latest": "/latest/",
        "section": sections[0].get_absolute_url(),
        "tag": "/tag/ferries/",
        "outlet": f"/outlet/{outlets[0].pk}/",
        "story": f"/story/{first.story_id}/",
        "article": first.get_absolute_url(),
        "post": f"/posts/{prefix}post-0/",
        "about": "/about/",
    }


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", LIMITS)
def test_each_page_keeps_to_its_few_queries(client, db, django_assert_max_num_queries, page):
    urls = build(size=4)
    with django_assert_max_num_queries(LIMITS[page]):
        assert client.get(urls[page]).status_code == 200


def test_a_page_showing_more_makes_no_more_queries(client, db):
    small = {page: queries_for(client, url) for page, url in build(size=1).items()}
    # A second, bigger site beside the first: the same pages show more of everything.
    big = {page: queries_for(client, url) for page, url in build(size=5, prefix="more-").items()}
    assert big == small
