from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from portal.tests.markup import inline_code
from sources.models import Source


@pytest.fixture
def source(db):
    return Source.objects.create(feed_url="https://o.example/feed", name="Outlet", display="full")


def make(source, n, **fields):
    values = {
        "guid": f"g{n}",
        "url": f"https://o.example/{n}",
        "title": f"Headline {n}",
        "published_at": timezone.now() - timedelta(hours=n),
        "content_html": f"<p>Body {n}</p>",
        "content_text": f"Body {n}",
    }
    return Article.objects.create(source=source, **(values | fields))


def test_the_home_page_lists_the_latest_articles_newest_first(client, source):
    for n in range(3):
        make(source, n)
    page = client.get("/").content.decode()
    assert page.index("Headline 0") < page.index("Headline 1") < page.index("Headline 2")


def test_the_latest_news_lists_every_story_newest_first(client, source):
    for n in range(3):
        make(source, n)
    response = client.get("/latest/")
    page = response.content.decode()
    assert response.status_code == 200 and "<h1>Latest news</h1>" in page
    assert page.index("Headline 0<") < page.index("Headline 1<") < page.index("Headline 2<")


def test_the_latest_news_is_paginated(client, source):
    for n in range(35):
        make(source, n)
    first = client.get("/latest/").content.decode()
    assert "Headline 29<" in first and "Headline 30<" not in first
    second = client.get("/latest/?page=2").content.decode()
    assert "Headline 30<" in second and 'rel="prev"' in second


def test_the_latest_news_leaves_out_hidden_articles_and_copies(client, source):
    original = make(source, 1)
    make(source, 2, is_hidden=True)
    make(source, 3, duplicate_of=original)
    page = client.get("/latest/").content.decode()
    assert "Headline 1<" in page and "Headline 2<" not in page and "Headline 3<" not in page


def test_an_empty_site_says_stories_are_on_their_way(client, db):
    assert "No stories yet" in client.get("/").content.decode()
    assert "No stories yet" in client.get("/latest/").content.decode()


def test_an_article_page_shows_the_attribution(client, source):
    article = make(source, 1, author="Sam Field", title="Budget & <b>beyond</b>")
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Budget &amp; &lt;b&gt;beyond&lt;/b&gt;" in page  # titles are escaped, never trusted
    assert "Sam Field" in page and "Outlet" in page
    assert 'href="https://o.example/1"' in page


def test_a_wrong_slug_redirects_to_the_right_one(client, source):
    article = make(source, 1)
    response = client.get(f"/articles/{article.pk}/old-slug/")
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()


def test_an_unknown_article_is_404(client, db):
    assert client.get("/articles/999/nothing/").status_code == 404


def test_pages_carry_no_inline_script_or_style(client, source):
    article = make(source, 1)
    for url in ("/", article.get_absolute_url()):
        page = client.get(url).content.decode()
        assert inline_code(page) == []


def test_stored_lead_images_are_served_and_cached_for_good(client):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("lead/ab/abcdef-480.webp", ContentFile(b"RIFF....WEBP"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"RIFF....WEBP"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/media/../secret_key").status_code in (400, 404)  # never the file
    default_storage.delete(name)
