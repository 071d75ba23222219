from datetime import UTC, datetime, timedelta

import pytest

from articles.ingest import store_entry
from articles.models import Article
from sources.models import Source
from sources.parse import Entry

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def source(db):
    return Source.objects.create(feed_url="https://outlet.example/feed", name="Outlet")


def entry(**fields) -> Entry:
    values = {"guid": "g1", "url": "https://outlet.example/a", "title": "A title"} | fields
    return Entry(**values)


def test_it_sanitises_the_content(source):
    hostile = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">x</a></p>'
        '<iframe src="https://evil.example"></iframe>'
        '<img src="https://img.example/a.png" onerror="x()">'
        "<style>body{display:none}</style><form><input name=q></form>"
    )
    article, _ = store_entry(source, entry(content_html=hostile), NOW)
    for bad in (
        "onclick",
        "javascript:",
        "iframe",
        "onerror",
        "<style",
        "display:none",
        "<form",
        "<input",
    ):
        assert bad not in article.content_html
    assert '<img src="https://img.example/a.png">' in article.content_html
    assert article.content_text == "Hello x"


def test_it_keeps_one_article_per_guid(source):
    store_entry(source, entry(), NOW)
    again, created = store_entry(source, entry(title="Changed"), NOW)
    assert not created and again.title == "A title"
    assert Article.objects.count() == 1


def test_it_keeps_one_article_per_link(source):
    store_entry(source, entry(), NOW)
    _, created = store_entry(source, entry(guid="another-guid"), NOW)
    assert not created
    assert Article.objects.count() == 1


def test_the_same_entry_in_two_sources_is_two_articles(source):
    other = Source.objects.create(feed_url="https://other.example/feed", name="Other")
    store_entry(source, entry(), NOW)
    store_entry(other, entry(), NOW)
    assert Article.objects.count() == 2


def test_a_date_in_the_future_becomes_now(source):
    article, _ = store_entry(source, entry(published=NOW + timedelta(days=3)), NOW)
    assert article.published_at == NOW


def test_a_missing_date_becomes_when_it_was_first_seen(source):
    article, _ = store_entry(source, entry(), NOW)
    assert article.published_at == NOW


def test_titles_lose_markup_and_long_fields_are_cut(source):
    article, _ = store_entry(
        source, entry(title="<b>Bold</b> &amp; " + "x" * 600, guid="g" * 1500), NOW
    )
    assert article.title.startswith("Bold & x")
    assert len(article.title) == 500 and len(article.guid) == 1000


def test_an_image_that_is_not_http_is_dropped(source):
    article, _ = store_entry(source, entry(image_url="javascript:alert(1)"), NOW)
    assert article.image_url == ""
