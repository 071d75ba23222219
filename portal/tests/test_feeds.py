"""The site's feeds as feed readers get them: RSS, Atom and JSON Feed, parsed back."""

import json
from datetime import timedelta

import feedparser
import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, EditorProfile, Post, Section, Tag
from articles.posts import save_post

NOW = timezone.now()
# The words an excerpt-only source's article has past its 60-word excerpt: never in a feed.
HIDDEN_WORDS = "the-rest-of-the-story-stays-with-the-outlet"
LONG_TEXT = " ".join(f"word{n}" for n in range(80)) + " " + HIDDEN_WORDS


@pytest.fixture
def politics(db):
    return Section.objects.get(slug="politics")


@pytest.fixture
def harbour(db):
    return Tag.objects.create(name="Harbour")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ana", email="ana.private@example.org", is_staff=True)
    EditorProfile.objects.create(user=user, byline="Ana Ruiz, Editor")
    return user


def make(source, n, **fields) -> Article:
    values = {
        "guid": f"{source.pk}-{n}",
        "url": f"https://{source.pk}.example/{n}",
        "canonical_url": f"https://{source.pk}.example/{n}",
        "title": f"Headline {source.pk}-{n}",
        "published_at": NOW - timedelta(hours=n),
        "content_html": f"<p>{LONG_TEXT}</p>",
        "content_text": LONG_TEXT,
    }
    return Article.objects.create(source=source, **(values | fields))


def publish(editor, title="Why we cover the harbour", **fields) -> Post:
    values = {"title": title, "body": "The pier has been *closed*.", "status": "published"}
    return save_post(Post(**(values | fields)), user=editor, now=NOW - timedelta(minutes=30))


def fetch(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def parsed(client, url: str):
    """An RSS or Atom feed as feedparser reads it (feedparser 6 does not read JSON Feed)."""
    feed = feedparser.parse(fetch(client, url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def every_feed(section, tag, source) -> list[str]:
    scopes = ["", f"section/{section.slug}/", f"tag/{tag.slug}/", f"outlet/{source.pk}/"]
    return [f"/feeds/{fmt}/{scope}" for fmt in ("rss", "atom", "json") for scope in scopes]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_site_feed_lists_articles_and_posts_newest_first(client, full, editor, fmt):
    older, newer = make(full, 2), make(full, 0)
    post = publish(editor)
    feed = parsed(client, f"/feeds/{fmt}/")
    assert [e.title for e in feed.entries] == [newer.title, post.title, older.title]
    assert feed.feed.title == "Herald"


def json_items(client, url: str = "/feeds/json/") -> list[dict]:
    return json.loads(fetch(client, url).content)["items"]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_an_item_carries_link_guid_dates_author_and_categories(
    client, full, politics, harbour, fmt
):
    article = make(full, 1, author="Sam Field", section=politics, updated_at=NOW)
    article.tags.add(harbour)
    entry = parsed(client, f"/feeds/{fmt}/").entries[0]
    assert entry.link == f"http://testserver/articles/{article.pk}/{article.slug}/"
    assert entry.id == f"tag:127.0.0.1,{article.fetched_at:%Y-%m-%d}:article/{article.pk}"
    assert entry.published_parsed[:6] == article.published_at.utctimetuple()[:6]
    assert entry.author == "Sam Field"
    assert [t.term for t in entry.tags] == ["Politics", "Harbour"]


def test_an_item_says_when_the_outlet_updated_it(client, full):
    make(full, 1, updated_at=NOW)
    entry = parsed(client, "/feeds/atom/").entries[0]
    assert entry.updated_parsed[:6] == NOW.utctimetuple()[:6]
    assert json_items(client)[0]["date_modified"] == NOW.isoformat()


def test_the_json_feed_has_the_shape_of_json_feed_1_1(client, full, editor, politics, harbour):
    article = make(full, 1, author="Sam Field", section=politics)
    article.tags.add(harbour)
    publish(editor)
    response = fetch(client, "/feeds/json/")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Herald"
    assert feed["home_page_url"] == "http://testserver/"
    assert feed["feed_url"] == "http://testserver/feeds/json/"
    post, item = feed["items"]
    assert item["id"] == f"tag:127.0.0.1,{article.fetched_at:%Y-%m-%d}:article/{article.pk}"
    assert item["url"] == f"http://testserver{article.get_absolute_url()}"
    assert item["external_url"] == article.url
    assert item["title"] == article.title
    assert item["content_html"] == article.content_html
    assert item["date_published"] == article.published_at.isoformat()
    assert item["authors"] == [{"name": "Sam Field"}]
    assert item["tags"] == ["Politics", "Harbour"]
    assert "date_modified" not in item
    assert post["authors"] == [{"name": "Ana Ruiz, Editor"}]
    assert "<em>closed</em>" in post["content_html"]


def test_hidden_articles_copies_and_unpublished_posts_stay_out(client, full, editor):
    shown = make(full, 1)
    make(full, 2, is_hidden=True)
    make(full, 3, duplicate_of=shown)
    publish(editor, title="A draft", status="draft")
    publish(editor, title="Later", status="scheduled", publish_at=NOW + timedelta(days=1))
    assert [e.title for e in parsed(client, "/feeds/rss/").entries] == [shown.title]


def test_a_feed_holds_at_most_fifty_items(client, full):
    Article.objects.bulk_create(
        Article(
            source=full,
            guid=f"g{n}",
            url=f"https://o.example/{n}",
            title=f"Item {n}",
            slug=f"item-{n}",
            published_at=NOW - timedelta(minutes=n),
        )
        for n in range(settings.FEED_ITEMS + 5)
    )
    entries = parsed(client, "/feeds/atom/").entries
    assert len(entries) == settings.FEED_ITEMS == 50
    assert entries[0].title == "Item 0" and entries[-1].title == "Item 49"


def test_a_full_text_source_gives_its_full_text_and_excerpt(client, full):
    article = make(full, 1)
    rss = parsed(client, "/feeds/rss/").entries[0]
    assert HIDDEN_WORDS in rss.content[0].value and "word59 …" in rss.summary
    atom = parsed(client, "/feeds/atom/").entries[0]
    assert atom.content[0].value == article.content_html and "word59 …" in atom.summary


def test_an_excerpt_only_source_never_shows_its_full_text_in_any_feed(
    client, excerpts, politics, harbour
):
    article = make(excerpts, 1, section=politics)
    article.tags.add(harbour)
    for url in every_feed(politics, harbour, excerpts):
        body = fetch(client, url).content.decode()
        assert article.title in body, url
        assert "word59" in body, url  # the excerpt is there...
        assert "word60" not in body and HIDDEN_WORDS not in body, url  # ... and no more


def test_an_excerpt_item_has_a_summary_and_no_content(client, excerpts):
    make(excerpts, 1, summary="The harbour board met.")
    for fmt in ("rss", "atom"):
        entry = parsed(client, f"/feeds/{fmt}/").entries[0]
        assert entry.summary == "The harbour board met." and "content" not in entry
    item = json_items(client)[0]
    assert item["content_text"] == "The harbour board met." and "content_html" not in item


def test_a_title_only_source_gives_nothing_but_its_title(client, titles, politics, harbour):
    article = make(titles, 1, summary="A summary", section=politics, image="lead/a-960.webp")
    article.tags.add(harbour)
    for url in every_feed(politics, harbour, titles):
        body = fetch(client, url).content.decode()
        assert article.title in body, url
        assert "A summary" not in body and "word0" not in body and "lead/" not in body, url
    assert json_items(client)[0]["content_text"] == ""


def test_an_item_without_a_writer_is_the_outlets(client, titles):
    make(titles, 1, author="")
    assert parsed(client, "/feeds/atom/").entries[0].author == "Title Post"
    assert json_items(client)[0]["authors"] == [{"name": "Title Post"}]


def test_titles_are_plain_text_escaped_once(client, full):
    make(full, 1, title="Budget & <b>beyond</b>")
    for fmt in ("rss", "atom"):
        assert parsed(client, f"/feeds/{fmt}/").entries[0].title == "Budget & <b>beyond</b>"
    assert json_items(client)[0]["title"] == "Budget & <b>beyond</b>"


def test_every_format_names_the_outlet_and_links_the_original(client, excerpts):
    article = make(excerpts, 1)
    rss = ElementTree.fromstring(fetch(client, "/feeds/rss/").content)
    source = rss.find("channel/item/source")
    assert source.text == "Teaser Times" and source.get("url") == excerpts.feed_url
    atom = parsed(client, "/feeds/atom/").entries[0]
    assert {"rel": "via", "href": article.url, "title": "Teaser Times"}.items() <= next(
        link for link in atom.links if link.rel == "via"
    ).items()
    assert json_items(client)[0]["external_url"] == article.url


def test_the_rss_feed_declares_what_it_uses(client, full):
    make(full, 1)
    rss = ElementTree.fromstring(fetch(client, "/feeds/rss/").content)
    assert rss.get("version") == "2.0"
    item = rss.find("channel/item")
    content = item.find("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert HIDDEN_WORDS in content.text
    assert item.find("guid").get("isPermaLink") == "false"


def test_a_section_feed_has_the_sections_articles_and_posts(client, full, editor, politics):
    business = Section.objects.get(slug="business")
    main = make(full, 1, section=politics)
    extra = make(full, 2, section=business)
    extra.extra_sections.add(politics)
    make(full, 3, section=business)
    post = publish(editor, section=politics)
    publish(editor, title="Elsewhere", section=business)
    feed = parsed(client, "/feeds/rss/section/politics/")
    assert [e.title for e in feed.entries] == [post.title, main.title, extra.title]
    assert feed.feed.title == "Politics · Herald"
    assert feed.feed.link == "http://testserver/section/politics/"


def test_a_merged_sections_feed_follows_it(client, full, politics):
    old = Section.objects.create(name="Government", slug="government", merged_into=politics)
    article = make(full, 1, section=politics)
    assert [e.title for e in parsed(client, f"/feeds/atom/section/{old.slug}/").entries] == [
        article.title
    ]


def test_a_tag_feed_has_the_tags_articles_and_posts(client, full, editor, harbour):
    tagged = make(full, 1)
    tagged.tags.add(harbour)
    make(full, 2)
    post = publish(editor)
    post.tags.add(harbour)
    publish(editor, title="Untagged")
    feed = parsed(client, f"/feeds/atom/tag/{harbour.slug}/")
    assert [e.title for e in feed.entries] == [post.title, tagged.title]
    assert feed.feed.link.endswith(f"/tag/{harbour.slug}/")


def test_an_outlet_feed_has_everything_from_that_outlet(client, full, excerpts, editor):
    original = make(excerpts, 1)
    copy = make(full, 2, duplicate_of=original)
    make(excerpts, 3)
    publish(editor)
    feed = parsed(client, f"/feeds/rss/outlet/{full.pk}/")
    # The outlet's page lists its copies of other outlets' articles, and so does its feed.
    assert [e.title for e in feed.entries] == [copy.title]
    assert feed.feed.link == f"http://testserver/outlet/{full.pk}/"


@pytest.mark.parametrize(
    "url", ["/feeds/rss/section/nowhere/", "/feeds/json/tag/nothing/", "/feeds/atom/outlet/99/"]
)
def test_the_feed_of_something_unknown_is_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_a_conditional_get_of_a_feed_is_answered_304(client, full, fmt):
    make(full, 1)
    first = fetch(client, f"/feeds/{fmt}/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(f"/feeds/{fmt}/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(f"/feeds/{fmt}/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_changed_feed_is_sent_again(client, full):
    article = make(full, 1)
    first = fetch(client, "/feeds/rss/")
    Article.objects.filter(pk=article.pk).update(is_hidden=True)
    again = client.get("/feeds/rss/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200 and article.title not in again.content.decode()


@pytest.mark.parametrize("scope", ["", "section/politics/", "tag/harbour/", "outlet/{source}/"])
def test_a_feed_takes_a_fixed_number_of_queries(
    client, full, editor, politics, harbour, django_assert_max_num_queries, scope
):
    for n in range(30):
        article = make(full, n, section=politics, author=f"Writer {n}")
        article.tags.add(harbour)
        post = publish(editor, title=f"Post {n}", section=politics)
        post.tags.add(harbour)
    url = f"/feeds/rss/{scope.format(source=full.pk)}"
    with django_assert_max_num_queries(5):
        assert len(parsed(client, url).entries) > 25


def test_no_email_address_appears_in_any_feed(client, full, editor, politics, harbour):
    editor.first_name, editor.last_name = "Ana", "Ruiz"
    editor.save()
    article = make(full, 1, author="sam.field@full.example (Sam Field)", section=politics)
    article.tags.add(harbour)
    post = publish(editor, section=politics)
    post.tags.add(harbour)
    for url in every_feed(politics, harbour, full):
        body = fetch(client, url).content.decode()
        assert "@" not in body, url
        assert "Sam Field" in body, url
        assert "Ana Ruiz" in body or "/outlet/" in url, url  # an outlet's feed has no posts
