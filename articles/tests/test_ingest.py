import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from articles.ingest import Holdings, store_entry
from articles.models import Article
from articles.tests.pages import (
    ACCENTED_TEXT,
    CHROME,
    PARAGRAPHS,
    article_page,
    picture,
    png_bomb,
)
from herald.lib.sanitize import html_to_text
from newswire.outlets import OUTLETS
from sources.models import Source
from sources.newswire import seed_newswire
from sources.parse import Entry
from sources.poll import poll_source

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
SUMMARY = "The harbour board will rebuild the north pier, closed since a storm two years ago."
FULL = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # robots.txt answers are cached per host, and test servers reuse ports
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def source(db):
    # Offline: these tests give full text in the feed, or are about the feed alone.
    return Source.objects.create(
        feed_url="https://outlet.example/feed", name="Outlet", fetch_pages=False
    )


@pytest.fixture
def outlet(feed_server, db):
    """A source on a live local server that serves its article pages."""
    return Source.objects.create(
        feed_url=feed_server.url + "/feed.xml",
        name="The Courier",
        homepage=feed_server.url + "/",
        display=Source.Display.FULL,
    )


def entry(**fields) -> Entry:
    values = {"guid": "g1", "url": "https://outlet.example/a", "title": "A title"} | fields
    return Entry(**values)


def teaser(feed_server, path="/news/pier.html", **fields) -> Entry:
    """A summary-only entry whose link is a page on the test server."""
    values = {"guid": "pier", "url": feed_server.url + path, "title": "Pier to be rebuilt"}
    return Entry(**(values | {"summary_html": SUMMARY} | fields))


def serve_page(feed_server, path="/news/pier.html", page=None, status=200, content_type=None):
    body = page if page is not None else article_page()
    content_type = content_type or "text/html; charset=utf-8"
    return feed_server.serve(path, body, status=status, content_type=content_type)


# --- the feed alone -----------------------------------------------------------------------------


def test_it_sanitises_the_content(source):
    hostile = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">x</a></p>'
        '<iframe src="https://evil.example"></iframe>'
        '<img src="http://127.0.0.1:9/a.png" onerror="x()">'
        "<style>body{display:none}</style><form><input name=q></form>"
    )
    article, _ = store_entry(source, entry(content_html=hostile), NOW)
    for bad in ("onclick", "javascript:", "iframe", "onerror", "<style", "display:none", "<form"):
        assert bad not in article.content_html
    assert "<img" not in article.content_html  # never hot-linked: only a stored lead picture shows
    assert article.content_text == "Hello x"


def test_an_unchanged_entry_seen_again_writes_nothing(source, django_assert_num_queries):
    store_entry(source, entry(content_html=FULL), NOW)
    with django_assert_num_queries(1):  # the look-up by GUID, nothing else
        again, created = store_entry(source, entry(content_html=FULL), NOW + timedelta(hours=1))
    assert not created and again.revision == 1
    assert Article.objects.count() == 1


def test_an_updated_entry_updates_its_article_as_a_revision(source):
    first, _ = store_entry(source, entry(content_html=FULL), NOW)
    later = NOW + timedelta(hours=2)
    changed = entry(
        title="A better title", content_html=FULL + "<p>Correction: it was Tuesday.</p>"
    )
    again, created = store_entry(source, changed, later)
    assert not created and again.pk == first.pk
    assert Article.objects.count() == 1
    again.refresh_from_db()
    assert again.revision == 2 and again.title == "A better title"
    assert "Correction" in again.content_text
    assert again.updated_at == later and again.published_at == first.published_at


def test_a_new_updated_date_alone_is_a_revision(source):
    store_entry(source, entry(content_html=FULL, updated=NOW - timedelta(hours=3)), NOW)
    again, _ = store_entry(source, entry(content_html=FULL, updated=NOW - timedelta(hours=1)), NOW)
    assert again.revision == 2 and again.updated_at == NOW - timedelta(hours=1)


def test_it_keeps_one_article_per_link(source):
    store_entry(source, entry(), NOW)
    _, created = store_entry(source, entry(guid="another-guid"), NOW)
    assert not created
    assert Article.objects.count() == 1


def test_tracking_parameters_do_not_make_another_article(source):
    store_entry(
        source, entry(url="https://Outlet.example/a?utm_source=rss&utm_medium=feed#top"), NOW
    )
    for link in ("https://outlet.example/a", "https://outlet.example/a?fbclid=x&gclid=y"):
        _, created = store_entry(source, entry(guid=link, url=link), NOW)
        assert not created
    article = Article.objects.get()
    assert article.url == article.canonical_url == "https://outlet.example/a"


def test_the_same_text_under_another_guid_and_link_is_one_article(source):
    first, _ = store_entry(source, entry(content_html=FULL), NOW)
    twin, created = store_entry(
        source, entry(guid="g2", url="https://outlet.example/b", content_html=FULL.upper()), NOW
    )
    assert not created and twin.pk == first.pk
    assert Article.objects.count() == 1


def test_short_texts_that_match_are_still_two_articles(source):
    store_entry(source, entry(summary_html="Read more on our site."), NOW)
    store_entry(
        source,
        entry(guid="g2", url="https://outlet.example/b", summary_html="Read more on our site."),
        NOW,
    )
    assert Article.objects.count() == 2


def test_the_same_text_in_two_sources_is_two_articles(source):
    other = Source.objects.create(
        feed_url="https://other.example/feed", name="Other", fetch_pages=False
    )
    store_entry(source, entry(content_html=FULL), NOW)
    store_entry(other, entry(content_html=FULL), NOW)
    store_entry(other, entry(guid="g9", url="https://other.example/copy", content_html=FULL), NOW)
    assert Article.objects.count() == 2


def test_entries_without_links_are_told_apart_by_guid(source):
    store_entry(source, entry(guid="a", url="", title="One"), NOW)
    store_entry(source, entry(guid="b", url="", title="Two"), NOW)
    assert Article.objects.count() == 2
    assert {a.url for a in Article.objects.all()} == {"https://outlet.example/feed"}


def test_a_date_in_the_future_becomes_now(source):
    article, _ = store_entry(source, entry(published=NOW + timedelta(days=3)), NOW)
    assert article.published_at == NOW


def test_a_missing_date_becomes_when_it_was_first_seen(source):
    article, _ = store_entry(source, entry(), NOW)
    assert article.published_at == NOW


def test_titles_lose_markup_and_long_fields_are_cut(source):
    long_guid = "g" * 1500
    article, _ = store_entry(
        source, entry(title="<b>Bold</b> &amp; " + "x" * 600, guid=long_guid), NOW
    )
    assert article.title.startswith("Bold & x")
    assert len(article.title) == 500 and len(article.guid) == 1000
    _, created = store_entry(
        source, entry(title="<b>Bold</b> &amp; " + "x" * 600, guid=long_guid), NOW
    )
    assert not created


def stories(count: int) -> list[Entry]:
    """Entries of one feed, each with a text of its own."""
    return [
        entry(guid=f"g{n}", url=f"https://outlet.example/{n}", content_html=FULL + f"<p>{n}</p>")
        for n in range(count)
    ]


def test_a_polls_entries_are_looked_up_in_one_query(source, django_assert_num_queries):
    for story in stories(5):
        store_entry(source, story, NOW)
    with django_assert_num_queries(1):
        holdings = Holdings(source, stories(5))
        assert not any(store_entry(source, e, NOW, holdings)[1] for e in stories(5))


def test_a_new_sources_first_poll_matches_texts_without_asking_per_entry(
    source, django_assert_num_queries
):
    first = entry(content_html=FULL)
    reprint = entry(guid="g2", url="https://outlet.example/b", content_html=FULL.upper())
    holdings = Holdings(source, [first, reprint])
    store_entry(source, first, NOW, holdings)  # asks once whether the source held anything
    with django_assert_num_queries(0):
        twin, created = store_entry(source, reprint, NOW, holdings)
    assert not created and twin.pk == Article.objects.get().pk


def test_a_text_revised_earlier_in_the_poll_is_matched_as_it_now_is(source):
    revised = entry(content_html=FULL + "<p>Correction: it was Tuesday.</p>")
    reprint = entry(guid="g2", url="https://outlet.example/b", content_html=revised.content_html)
    holdings = Holdings(source, [entry(content_html=FULL), revised, reprint])
    for e in (entry(content_html=FULL), revised, reprint):
        store_entry(source, e, NOW, holdings)
    article = Article.objects.get()
    assert article.revision == 2 and "Correction" in article.content_text


def test_an_article_held_before_the_poll_is_matched_by_its_text(source):
    first, _ = store_entry(source, entry(content_html=FULL), NOW)
    reprint = entry(guid="g2", url="https://outlet.example/b", content_html=FULL)
    twin, created = store_entry(source, reprint, NOW, Holdings(source, [reprint]))
    assert not created and twin.pk == first.pk
    assert Article.objects.count() == 1


def test_an_image_that_is_not_http_is_dropped(source):
    article, _ = store_entry(source, entry(image_url="javascript:alert(1)"), NOW)
    assert article.image_url == "" and not article.image


# --- the article's page -------------------------------------------------------------------------


def test_a_summary_only_entry_gets_its_full_text_from_the_page(outlet, feed_server):
    serve_page(feed_server)
    article, created = store_entry(outlet, teaser(feed_server), NOW)
    assert created and article.text_from == Article.TextFrom.PAGE
    for paragraph in PARAGRAPHS:
        assert paragraph in article.content_text
    for chrome in [*CHROME, "Politics", "About us"]:
        assert chrome not in article.content_html
    assert article.summary == SUMMARY
    assert article.title == "Pier to be rebuilt"  # the feed's, which it had
    assert article.author == "Rhea Page"  # the page's, which the feed lacked
    assert article.published_at.isoformat() == "2026-11-20T09:30:00+00:00"


def test_the_pages_canonical_link_is_kept(outlet, feed_server):
    head = f'<link rel="canonical" href="{feed_server.url}/news/harbour-pier">'
    serve_page(feed_server, "/news/pier.html?id=7", article_page(head=head))
    article, _ = store_entry(outlet, teaser(feed_server, "/news/pier.html?id=7"), NOW)
    assert article.url == article.canonical_url == feed_server.url + "/news/harbour-pier"
    _, created = store_entry(outlet, teaser(feed_server, "/news/harbour-pier", guid="pier-2"), NOW)
    assert not created


def test_robots_txt_can_forbid_the_page(outlet, feed_server):
    feed_server.serve("/robots.txt", "User-agent: *\nDisallow: /news/\n", content_type="text/plain")
    serve_page(feed_server)
    article, _ = store_entry(outlet, teaser(feed_server), NOW)
    assert feed_server.hits["/news/pier.html"] == 0
    assert article.text_from == Article.TextFrom.FEED and article.content_text == SUMMARY


def test_no_page_is_fetched_when_the_source_says_so(outlet, feed_server):
    outlet.fetch_pages = False
    serve_page(feed_server)
    article, _ = store_entry(outlet, teaser(feed_server), NOW)
    assert feed_server.hits == {}
    assert article.content_text == SUMMARY


def test_no_page_is_fetched_when_the_feed_has_the_full_text(outlet, feed_server):
    serve_page(feed_server)
    store_entry(outlet, teaser(feed_server, content_html=FULL), NOW)
    assert feed_server.hits["/news/pier.html"] == 0


def test_a_page_that_fails_keeps_the_summary_and_says_why(outlet, feed_server, caplog):
    serve_page(feed_server, page="Server error", status=500)
    with caplog.at_level(logging.WARNING):
        article, created = store_entry(outlet, teaser(feed_server), NOW)
    assert created and article.content_text == SUMMARY
    assert "HTTP 500" in caplog.text and "/news/pier.html" in caplog.text


def test_a_page_that_trips_the_reader_keeps_the_summary(outlet, feed_server, monkeypatch, caplog):
    def explode(*args):
        raise RecursionError("a hostile page")

    monkeypatch.setattr("articles.extract.read_page", explode)
    serve_page(feed_server)
    article, created = store_entry(outlet, teaser(feed_server), NOW)
    assert created and article.content_text == SUMMARY
    assert "could not be read" in caplog.text


@pytest.mark.parametrize(
    "encoding, content_type, head",
    [
        ("cp1252", "text/html; charset=utf-8", ""),
        ("utf-8", "text/html", '<meta charset="iso-8859-1">'),
        (
            "utf-8",
            "text/html; charset=iso-8859-1",
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        ),
        ("utf-8-sig", "text/html; charset=windows-1252", '<meta charset="windows-1252">'),
        ("utf-16", "text/html; charset=iso-8859-1", ""),
    ],
    ids=[
        "cp1252 said utf-8",
        "utf-8 said latin-1",
        "utf-8 said latin-1 twice",
        "utf-8 bom",
        "utf-16 bom",
    ],
)
def test_the_page_is_decoded_right_whatever_it_claims(
    outlet, feed_server, encoding, content_type, head
):
    page = article_page(head=head, paragraphs=[ACCENTED_TEXT, *PARAGRAPHS]).encode(encoding)
    serve_page(feed_server, page=page, content_type=content_type)
    article, _ = store_entry(outlet, teaser(feed_server), NOW)
    assert ACCENTED_TEXT in article.content_text


def test_an_update_that_cannot_reach_the_page_keeps_the_pages_text(outlet, feed_server):
    serve_page(feed_server)
    store_entry(outlet, teaser(feed_server), NOW)
    serve_page(feed_server, page="gone", status=500)
    article, _ = store_entry(outlet, teaser(feed_server, title="Pier to be rebuilt by May"), NOW)
    assert article.title == "Pier to be rebuilt by May" and article.revision == 2
    assert article.text_from == Article.TextFrom.PAGE and PARAGRAPHS[-1] in article.content_text


# --- the lead picture ---------------------------------------------------------------------------


def test_the_feeds_picture_is_stored_locally(outlet, feed_server, media):
    image_url = feed_server.serve("/img/lead.jpg", picture(), content_type="image/jpeg")
    article, _ = store_entry(
        outlet, teaser(feed_server, content_html=FULL, image_url=image_url), NOW
    )
    assert article.image_url == image_url
    assert (media / article.image.name).exists() and (media / article.image_small.name).exists()
    assert (article.image_width, article.image_height) == (1200, 675)


def test_the_pages_lazy_picture_is_stored_and_never_hot_linked(outlet, feed_server, media, client):
    feed_server.serve("/img/480.jpg", picture(480, 270), content_type="image/jpeg")
    feed_server.serve("/img/1600.jpg", picture(1600, 900), content_type="image/jpeg")
    figure = (
        '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/480.jpg" '
        'srcset="/img/480.jpg 480w, /img/1600.jpg 1600w"></figure>'
    )
    serve_page(feed_server, page=article_page(figure=figure))
    article, _ = store_entry(outlet, teaser(feed_server), NOW)
    assert article.image_url == feed_server.url + "/img/1600.jpg"
    assert feed_server.hits["/img/1600.jpg"] == 1 and feed_server.hits["/img/480.jpg"] == 0
    html = client.get(article.get_absolute_url()).content.decode()
    sources = re.findall(r'<img[^>]*\ssrc="([^"]+)"', html) + re.findall(r'srcset="([^"]+)"', html)
    assert sources and all(s.startswith("/media/articles/images/") for s in sources)
    assert feed_server.url + "/img" not in html
    assert article.image_small.url in client.get("/").content.decode()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("body", [png_bomb(), b"GIF89a but not really", b"<html></html>"])
def test_a_hostile_or_broken_picture_is_skipped_and_the_article_kept(
    outlet, feed_server, body, caplog
):
    image_url = feed_server.serve("/img/lead.png", body, content_type="image/png")
    with caplog.at_level(logging.WARNING):
        article, created = store_entry(
            outlet, teaser(feed_server, content_html=FULL, image_url=image_url), NOW
        )
    assert created and not article.image and article.image_url == ""
    assert "lead image" in caplog.text and "skipped" in caplog.text


def test_a_picture_that_trips_the_decoder_is_skipped(outlet, feed_server, monkeypatch, caplog):
    def explode(data):
        raise ZeroDivisionError("a hostile picture")

    monkeypatch.setattr("articles.images.store_image", explode)
    image_url = feed_server.serve("/img/lead.jpg", picture(), content_type="image/jpeg")
    entry = teaser(feed_server, content_html=FULL, image_url=image_url)
    article, created = store_entry(outlet, entry, NOW)
    assert created and not article.image
    assert "could not be decoded" in caplog.text


def test_a_picture_on_a_private_address_is_refused(outlet, feed_server, caplog):
    article, created = store_entry(
        outlet, teaser(feed_server, content_html=FULL, image_url="http://192.168.1.1/lead.jpg"), NOW
    )
    assert created and not article.image
    assert "192.168.1.1/lead.jpg skipped" in caplog.text


def test_a_new_picture_in_an_update_replaces_the_old(outlet, feed_server):
    first = feed_server.serve("/img/1.jpg", picture(1600, 900), content_type="image/jpeg")
    second = feed_server.serve("/img/2.jpg", picture(1000, 500), content_type="image/jpeg")
    store_entry(outlet, teaser(feed_server, content_html=FULL, image_url=first), NOW)
    article, _ = store_entry(outlet, teaser(feed_server, content_html=FULL, image_url=second), NOW)
    assert article.image_url == second and article.image_width == 1000 and article.revision == 2


# --- end to end: the demo newswire ---------------------------------------------------------------


@pytest.fixture(scope="module")
def wire(served_wire):
    return served_wire


def test_summary_only_outlets_of_the_wire_get_full_text_and_local_pictures(
    wire, db, settings, media
):
    settings.FETCH_ALLOW = [f"127.0.0.1:{wire.port}"]
    seed_newswire(wire.url)
    by_guid = {a.guid: a for a in wire.wire.articles}
    for slug in ("northstar-bulletin", "signal-circuit"):
        outlet = next(o for o in OUTLETS if o.slug == slug)
        assert outlet.summaries_only
        source = Source.objects.get(name=outlet.name)
        result = poll_source(source.pk, force=True)
        assert not result.error and len(result.created) == len(wire.wire.articles_of(slug))
        for article in source.articles.all():
            original = by_guid[article.guid]
            paragraphs = html_to_text(original.body_html).split("\n\n")
            assert paragraphs and all(p in article.content_text for p in paragraphs)
            assert article.text_from == Article.TextFrom.PAGE
            assert article.summary == original.summary
            assert article.url == wire.url + original.url_path
            assert article.image_url == wire.url + original.image_path
            assert (media / article.image.name).exists() and article.image_width == 960
