import pytest

from articles.models import Article, excerpt
from sources.models import Source

LONG_TEXT = " ".join(f"word{n}" for n in range(100))


@pytest.fixture
def article(db):
    source = Source.objects.create(feed_url="https://o.example/feed", name="The Outlet")
    return Article.objects.create(
        source=source,
        guid="g",
        url="https://o.example/story",
        canonical_url="https://o.example/story",
        title="A headline",
        author="Jo Reporter",
        published_at="2026-11-28T10:00:00Z",
        summary="A short summary.",
        content_html="<p>" + LONG_TEXT + "</p>",
        content_text=LONG_TEXT,
    )


def test_the_excerpt_is_the_summary_when_it_is_shorter():
    assert excerpt("Short.", LONG_TEXT) == "Short."


def test_the_excerpt_is_the_first_60_words_when_the_summary_is_longer():
    long_summary = " ".join(["summary"] * 80)
    assert excerpt(long_summary, LONG_TEXT) == " ".join(f"word{n}" for n in range(60)) + " …"


def test_the_excerpt_is_the_first_60_words_when_there_is_no_summary():
    assert excerpt("", LONG_TEXT).split()[-2:] == ["word59", "…"]


def test_full_text_shows_the_body(client, article, settings):
    article.source.display = Source.Display.FULL
    article.source.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "word99" in page
    # The text is shown here whole: this page is the canonical one.
    assert f'<link rel="canonical" href="{settings.BASE_URL}{article.get_absolute_url()}">' in page


def test_excerpt_shows_only_the_excerpt_and_points_canonical_at_the_original(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    assert "A short summary." in page
    assert "word1 " not in page
    assert '<link rel="canonical" href="https://o.example/story">' in page


def test_title_only_shows_no_text(client, article):
    article.source.display = Source.Display.TITLE
    article.source.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "A headline" in page
    assert "A short summary." not in page and "word1" not in page
    assert client.get("/").content.decode().count("A short summary.") == 0


def test_every_policy_links_to_the_original_and_names_the_outlet(client, article):
    for policy in Source.Display.values:
        article.source.display = policy
        article.source.save()
        page = client.get(article.get_absolute_url()).content.decode()
        assert 'href="https://o.example/story"' in page
        assert "Read the original at The Outlet" in page
        assert "Jo Reporter" in page and 'datetime="2026-11-28T10:00:00+00:00"' in page
