"""A tag's page: the articles and editors' posts with the tag, newest first, paginated."""

from datetime import timedelta

import pytest

from articles.models import Post, Tag
from portal.tests.site import NOW, article, outlet


@pytest.fixture
def source(db):
    return outlet()


@pytest.fixture
def ferries(db):
    return Tag.objects.create(name="Ferries")


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_articles_and_published_posts_with_the_tag_newest_first(client, source, ferries):
    article(source, 1).tags.add(ferries)
    article(source, 3).tags.add(ferries)
    article(source, 4)  # not tagged
    post = Post.objects.create(
        title="Our ferry explainer", slug="ferries", body="…", status=Post.Status.PUBLISHED,
        published_at=NOW - timedelta(hours=2),
    )  # fmt: skip
    post.tags.add(ferries)
    Post.objects.create(title="Unfinished draft", slug="draft", body="…").tags.add(ferries)
    page = page_of(client, "/tag/ferries/")
    assert "<h1>Ferries</h1>" in page
    assert (
        page.index("Headline 1<") < page.index("Our ferry explainer<") < page.index("Headline 3<")
    )
    assert "Headline 4<" not in page and "Unfinished draft" not in page


def test_it_leaves_out_hidden_articles_and_copies(client, source, ferries):
    original = article(source, 1)
    hidden = article(source, 2, is_hidden=True)
    copy = article(outlet("Wire"), 3, duplicate_of=original)
    for item in (original, hidden, copy):
        item.tags.add(ferries)
    page = page_of(client, "/tag/ferries/")
    assert "Headline 1<" in page and "Headline 2<" not in page and "Headline 3<" not in page


def test_it_is_paginated(client, source, ferries):
    for n in range(35):
        article(source, n).tags.add(ferries)
    first = page_of(client, "/tag/ferries/")
    assert "Headline 29<" in first and "Headline 30<" not in first and 'rel="next"' in first
    assert "Headline 30<" in page_of(client, "/tag/ferries/?page=2")


def test_a_tag_with_nothing_says_so(client, ferries):
    assert "Nothing tagged Ferries yet" in page_of(client, "/tag/ferries/")


def test_a_tag_named_in_another_script_has_its_page(client, source):
    tag = Tag.objects.create(name="Überfahrt")
    article(source, 1).tags.add(tag)
    assert "Headline 1<" in page_of(client, f"/tag/{tag.slug}/")


def test_an_unknown_tag_is_404(client, db):
    assert client.get("/tag/nothing/").status_code == 404
