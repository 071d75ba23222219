"""What a page's head tells feed readers, search engines and social sites: feed links, canonical
link, Open Graph and Twitter cards, NewsArticle JSON-LD."""

import json
import re
from datetime import timedelta

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, EditorProfile, Post, Section, Tag
from articles.posts import save_post
from portal.discovery import without_email
from sources.models import Source

NOW = timezone.now()
SITE_FEEDS = [
    ("application/rss+xml", "Herald (RSS)", "/feeds/rss/"),
    ("application/atom+xml", "Herald (Atom)", "/feeds/atom/"),
    ("application/feed+json", "Herald (JSON Feed)", "/feeds/json/"),
]


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.BASE_URL = "https://news.example"


@pytest.fixture
def full(db):
    return Source.objects.create(
        feed_url="https://full.example/feed",
        name="Full Courier",
        homepage="https://full.example/",
        display=Source.Display.FULL,
    )


def make(source, n=1, **fields) -> Article:
    values = {
        "guid": f"{source.pk}-{n}",
        "url": f"https://{source.pk}.example/{n}",
        "canonical_url": f"https://{source.pk}.example/{n}",
        "title": f"Headline {n}",
        "author": "Sam Field",
        "published_at": NOW - timedelta(hours=n),
        "summary": "The harbour board voted to rebuild the pier.",
        "content_html": "<p>The whole story.</p>",
        "content_text": "The whole story.",
        "image": "lead/ab/abc-960.webp",
        "image_small": "lead/ab/abc-480.webp",
        "image_width": 960,
        "image_height": 540,
    }
    return Article.objects.create(source=source, **(values | fields))


def publish(**fields) -> Post:
    user = User.objects.create_user("ana", email="ana.private@example.org", is_staff=True)
    EditorProfile.objects.create(user=user, byline="Ana Ruiz, Editor")
    values = {
        "title": "Why we cover the harbour",
        "summary": "A note from the desk.",
        "body": "The pier has been closed.",
        "status": "published",
    }
    return save_post(Post(**(values | fields)), user=user, now=NOW)


def head(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content).head


def feed_links(page) -> list[tuple[str, str, str]]:
    return [
        (link.get("type"), link.get("title"), link.get("href"))
        for link in page.findall("link[@rel='alternate']")
    ]


def meta(page) -> dict[str, str]:
    return {
        tag.get("property") or tag.get("name"): tag.get("content") for tag in page.findall("meta")
    }


def json_ld(page) -> dict:
    (script,) = page.findall("script")
    assert script.get("type") == "application/ld+json"
    return json.loads(script.text)


def canonical(page) -> str:
    (link,) = page.findall("link[@rel='canonical']")
    return link.get("href")


# --- feed links -----------------------------------------------------------------------------------


def test_every_page_links_the_sites_feeds(client, full):
    article = make(full)
    for url in ("/", article.get_absolute_url(), f"/outlet/{full.pk}/", "/section/politics/"):
        assert feed_links(head(client, url))[:3] == SITE_FEEDS, url


def test_a_section_page_links_its_own_feeds_too(client, db):
    assert feed_links(head(client, "/section/politics/"))[3:] == [
        ("application/rss+xml", "Politics · Herald (RSS)", "/feeds/rss/section/politics/"),
        ("application/atom+xml", "Politics · Herald (Atom)", "/feeds/atom/section/politics/"),
        ("application/feed+json", "Politics · Herald (JSON Feed)", "/feeds/json/section/politics/"),
    ]


def test_an_outlet_page_links_its_own_feeds_too(client, full):
    assert [href for _, _, href in feed_links(head(client, f"/outlet/{full.pk}/"))[3:]] == [
        f"/feeds/{fmt}/outlet/{full.pk}/" for fmt in ("rss", "atom", "json")
    ]


def test_the_linked_feeds_are_there(client, full):
    for _, _, href in feed_links(head(client, f"/outlet/{full.pk}/")):
        assert client.get(href).status_code == 200, href


# --- canonical links ------------------------------------------------------------------------------


def test_a_full_text_article_is_canonical_here(client, full):
    article = make(full)
    page = head(client, article.get_absolute_url())
    assert canonical(page) == f"https://news.example{article.get_absolute_url()}"


@pytest.mark.parametrize("source", ["excerpts", "titles"])
def test_an_excerpt_or_title_only_article_is_canonical_at_the_original(client, source, request):
    article = make(request.getfixturevalue(source))
    assert canonical(head(client, article.get_absolute_url())) == article.url


def test_a_full_text_source_without_the_text_sends_search_engines_to_the_original(client, full):
    article = make(full, content_html="")
    assert canonical(head(client, article.get_absolute_url())) == article.url


def test_an_article_without_an_original_page_is_canonical_here(client, excerpts):
    article = make(excerpts, canonical_url="", url="https://teaser.example/")
    page = head(client, article.get_absolute_url())
    assert canonical(page) == f"https://news.example{article.get_absolute_url()}"


def test_a_post_is_canonical_to_itself(client, db):
    post = publish()
    page = head(client, post.get_absolute_url())
    assert canonical(page) == f"https://news.example{post.get_absolute_url()}"


# --- social cards ---------------------------------------------------------------------------------


def test_an_article_page_has_open_graph_and_twitter_cards(client, excerpts):
    article = make(excerpts, section=Section.objects.get(slug="politics"))
    article.tags.add(Tag.objects.create(name="Harbour"))
    tags = meta(head(client, article.get_absolute_url()))
    image = "https://news.example/media/lead/ab/abc-960.webp"
    assert tags["og:type"] == "article"
    assert tags["og:site_name"] == "Herald"
    assert tags["og:title"] == tags["twitter:title"] == "Headline 1"
    assert tags["og:url"] == article.url
    assert tags["og:description"] == tags["twitter:description"] == article.excerpt()
    assert tags["og:image"] == tags["twitter:image"] == image
    assert (tags["og:image:width"], tags["og:image:height"]) == ("960", "540")
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["article:section"] == "Politics" and tags["article:tag"] == "Harbour"
    assert tags["article:published_time"] == article.published_at.isoformat()


def test_an_excerpt_only_articles_card_shows_only_the_excerpt(client, excerpts):
    words = " ".join(f"word{n}" for n in range(100))
    article = make(excerpts, summary="", content_html=f"<p>{words}</p>", content_text=words)
    response = client.get(article.get_absolute_url()).content.decode()
    tags = meta(lxml.html.fromstring(response).head)
    assert tags["og:description"].endswith("word59 …")
    assert "word60" not in response


def test_a_title_only_articles_card_has_no_description_or_image(client, titles):
    article = make(titles)
    page = head(client, article.get_absolute_url())
    tags = meta(page)
    assert "og:description" not in tags and "description" not in tags
    assert "og:image" not in tags and "twitter:image" not in tags
    assert tags["twitter:card"] == "summary"
    data = json_ld(page)
    assert "description" not in data and "image" not in data


def test_a_post_page_has_its_card(client, db):
    post = publish(lead_image="posts/2026/05/pier.jpg")
    tags = meta(head(client, post.get_absolute_url()))
    assert tags["og:title"] == "Why we cover the harbour"
    assert tags["og:description"] == "A note from the desk."
    assert tags["og:image"] == "https://news.example/media/posts/2026/05/pier.jpg"


# --- JSON-LD ------------------------------------------------------------------------------------


def test_an_article_page_describes_a_news_article(client, full):
    article = make(full, section=Section.objects.get(slug="politics"), updated_at=NOW)
    data = json_ld(head(client, article.get_absolute_url()))
    here = f"https://news.example{article.get_absolute_url()}"
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Headline 1",
        "description": article.excerpt(),
        "datePublished": article.published_at.isoformat(),
        "dateModified": NOW.isoformat(),
        "author": [{"@type": "Person", "name": "Sam Field"}],
        "publisher": {"@type": "Organization", "name": "Full Courier", "url": full.homepage},
        "image": ["https://news.example/media/lead/ab/abc-960.webp"],
        "mainEntityOfPage": {"@type": "WebPage", "@id": here},
        "articleSection": "Politics",
        "isAccessibleForFree": True,
    }


def test_an_article_without_an_author_is_the_outlets(client, excerpts):
    article = make(excerpts, author="")
    data = json_ld(head(client, article.get_absolute_url()))
    assert data["author"] == [{"@type": "Organization", "name": "Teaser Times"}]
    assert data["mainEntityOfPage"]["@id"] == article.url


def test_a_post_page_describes_a_news_article_by_its_editor(client, db):
    post = publish()
    data = json_ld(head(client, post.get_absolute_url()))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Why we cover the harbour"
    assert data["author"] == [{"@type": "Person", "name": "Ana Ruiz, Editor"}]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Herald",
        "url": "https://news.example/",
    }
    assert data["datePublished"] == NOW.isoformat()
    assert data["isAccessibleForFree"] is True


def test_a_long_headline_is_cut_to_what_search_engines_show(client, full):
    article = make(full, title="Pier " * 40)
    assert len(json_ld(head(client, article.get_absolute_url()))["headline"]) == 110


def test_json_ld_cannot_end_its_script_early(client, full):
    title = "Pier </script><script>alert(1)</script> & more"
    article = make(full, title=title)
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("<script>") == 0 and "alert(1)</script>" not in page
    assert json_ld(lxml.html.fromstring(page).head)["headline"] == title


def test_the_data_block_is_the_only_script_but_the_forms_ones(client, full):
    article = make(full)
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('<script type="application/ld+json">') == 1
    scripts = set(re.findall(r'<script src="([^"]+)" defer>', page))
    assert scripts == {"/static/portal/forms.js", "/static/discussion/discussion.js"}
    assert page.count("<script") == 1 + page.count('" defer></script>')


# --- no email addresses -----------------------------------------------------------------------


def test_an_authors_email_address_is_left_out(client, full):
    article = make(full, author="sam.field@full.example (Sam Field)")
    page = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(lxml.html.fromstring(page).head)
    assert data["author"] == [{"@type": "Person", "name": "Sam Field"}]


@pytest.mark.parametrize(
    "author",
    [
        "sam@full.example (Sam Field)",
        "Sam Field <sam@full.example>",
        "Sam Field (sam@full.example)",
    ],
)
def test_an_email_address_is_taken_out_of_an_authors_name(author):
    assert without_email(author) == "Sam Field"
