"""Sitemaps and robots.txt as search engines read them."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, Post, Section, Story, Tag
from articles.posts import save_post
from portal.sitemaps import ArticleSitemap, news_language
from sources.models import Source

NOW = timezone.now()
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def make(source, n, **fields) -> Article:
    values = {
        "guid": f"{source.pk}-{n}",
        "url": f"https://{source.pk}.example/{n}",
        "canonical_url": f"https://{source.pk}.example/{n}",
        "title": f"Headline {source.pk}-{n}",
        "published_at": NOW - timedelta(hours=n),
        "content_html": f"<p>Body {n}</p>",
        "content_text": f"Body {n}",
    }
    return Article.objects.create(source=source, **(values | fields))


def publish(title: str, published_at=NOW, **fields) -> Post:
    user = User.objects.get_or_create(username="ana")[0]
    values = {"title": title, "body": "Text", "status": "published"}
    return save_post(Post(**(values | fields)), user=user, now=published_at)


def xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def locations(client, url: str) -> list[str]:
    return [loc.text for loc in xml(client, url).iter(f"{SITEMAP}loc")]


def test_the_sitemap_index_lists_a_sitemap_of_each_kind(client, full):
    make(full, 1)
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert locations(client, "/sitemap.xml") == [
        f"http://testserver/sitemap-{kind}.xml"
        for kind in ("articles", "posts", "sections", "outlets", "stories", "tags")
    ]


def test_a_sitemap_is_split_into_pages_at_its_limit(client, full, monkeypatch):
    articles = [make(full, n) for n in range(5)]
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    listed = locations(client, "/sitemap.xml")
    assert [url for url in listed if "articles" in url] == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
        "http://testserver/sitemap-articles.xml?p=3",
    ]
    pages = [locations(client, f"/sitemap-articles.xml?p={p}") for p in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [url for page in pages for url in page] == [
        f"http://testserver{a.get_absolute_url()}" for a in articles
    ]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_the_limit_is_the_fifty_thousand_urls_search_engines_read(db):
    assert ArticleSitemap.limit == 50_000


def test_the_article_sitemap_lists_only_articles_whose_canonical_page_is_ours(
    client, full, excerpts
):
    shown = make(full, 1, updated_at=NOW)
    make(full, 2, is_hidden=True)
    make(full, 3, duplicate_of=shown)
    make(full, 4, content_html="")  # full text allowed but none gathered: the excerpt is shown
    make(excerpts, 5)  # its canonical page is the outlet's
    linkless = make(excerpts, 6, canonical_url="", url="https://teaser.example/")
    sitemap = xml(client, "/sitemap-articles.xml")
    urls = [url.find(f"{SITEMAP}loc").text for url in sitemap]
    assert urls == [f"http://testserver{a.get_absolute_url()}" for a in (shown, linkless)]
    assert sitemap[0].find(f"{SITEMAP}lastmod").text == NOW.isoformat()


def test_the_post_sitemap_lists_published_posts_only(client, db):
    post = publish("Why we cover the harbour")
    publish("A draft", status="draft")
    assert locations(client, "/sitemap-posts.xml") == [
        f"http://testserver{post.get_absolute_url()}"
    ]


def test_the_section_sitemap_leaves_out_merged_sections(client, db):
    politics = Section.objects.get(slug="politics")
    Section.objects.create(name="Government", slug="government", merged_into=politics)
    listed = locations(client, "/sitemap-sections.xml")
    assert "http://testserver/section/politics/" in listed
    assert "http://testserver/section/government/" not in listed
    assert len(listed) == Section.objects.filter(merged_into__isnull=True).count()


def test_the_outlet_sitemap_lists_outlets_with_something_to_show(client, full, excerpts):
    make(full, 1)
    make(excerpts, 2, is_hidden=True)
    Source.objects.create(feed_url="https://new.example/feed", name="New")
    assert locations(client, "/sitemap-outlets.xml") == [f"http://testserver/outlet/{full.pk}/"]


def test_the_story_sitemap_lists_stories_several_outlets_covered(client, full, excerpts):
    first, second, alone = make(full, 1), make(excerpts, 2), make(full, 3)
    now = timezone.now()
    covered = Story.objects.create(
        headline=first, first_published_at=now, last_published_at=now, outlet_count=2
    )
    single = Story.objects.create(
        headline=alone, first_published_at=now, last_published_at=now, outlet_count=1
    )
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(story=covered)
    Article.objects.filter(pk=alone.pk).update(story=single)
    assert locations(client, "/sitemap-stories.xml") == [f"http://testserver/story/{covered.pk}/"]


def test_the_tag_sitemap_lists_tags_with_something_to_show(client, full):
    shown, empty = Tag.objects.create(name="Harbour"), Tag.objects.create(name="Ferries")
    make(full, 1).tags.add(shown)
    make(full, 2, is_hidden=True).tags.add(empty)
    assert locations(client, "/sitemap-tags.xml") == [f"http://testserver/tag/{shown.slug}/"]


def test_an_unknown_sitemap_is_404(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_news_sitemap_has_only_the_last_48_hours(client, full, excerpts):
    recent = make(full, 1)
    edge = make(full, 47)
    make(full, 49)
    make(excerpts, 2)  # canonical at the outlet
    make(full, 3, is_hidden=True)
    post = publish("Why we cover the harbour", published_at=NOW - timedelta(hours=2))
    publish("Last week's news", published_at=NOW - timedelta(days=3))
    expected = [recent.get_absolute_url(), post.get_absolute_url(), edge.get_absolute_url()]
    assert locations(client, "/sitemap-news.xml") == [f"http://testserver{u}" for u in expected]


def test_a_news_sitemap_entry_names_publication_language_date_and_title(client, full, settings):
    settings.SITE_NAME = "Harbour Herald"
    article = make(full, 1, language="de-AT", title="Hafen & Mole")
    url = xml(client, "/sitemap-news.xml").find(f"{SITEMAP}url")
    assert url.find(f"{SITEMAP}loc").text == f"http://testserver{article.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.find(f"{NEWS}publication/{NEWS}name").text == "Harbour Herald"
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "de"
    assert news.find(f"{NEWS}publication_date").text == article.published_at.isoformat()
    assert news.find(f"{NEWS}title").text == "Hafen & Mole"


@pytest.mark.parametrize(
    ("code", "expected"), [("en-GB", "en"), ("DE", "de"), ("zh-CN", "zh-cn"), ("", "en")]
)
def test_news_languages_are_named_as_google_news_names_them(code, expected):
    assert news_language(code) == expected


def test_a_conditional_get_of_a_sitemap_is_answered_304(client, full):
    make(full, 1)
    for url in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml"):
        etag = client.get(url)["ETag"]
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304, url


def test_sitemaps_are_kept_out_of_search_results(client, db):
    for url in ("/sitemap.xml", "/sitemap-sections.xml", "/sitemap-news.xml"):
        assert "noindex" in client.get(url)["X-Robots-Tag"]


def test_robots_txt_points_at_the_sitemaps_and_keeps_crawlers_out_of_the_desk_and_search(
    client, db
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line for line in response.content.decode().splitlines() if line]
    assert lines == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/sitemap-news.xml",
    ]
