import json

import pytest

from herald.testing import rss
from sources.add import MAX_FEEDS_TRIED, SourceError, add_source
from sources.discover import feed_links, is_page
from sources.models import Source

ITEM = {"guid": "g1", "title": "A story", "link": "https://outlet.example/a-story"}


def page(*links: str, base: str = "") -> str:
    """A home page whose head holds the given <link> elements."""
    base_tag = f'<base href="{base}">' if base else ""
    return (
        "<!DOCTYPE html><html><head><title>Outlet home</title>"
        f"{base_tag}{''.join(links)}</head><body><h1>News</h1></body></html>"
    )


def link(href: str, kind: str = "application/rss+xml", rel: str = "alternate") -> str:
    return f'<link rel="{rel}" type="{kind}" href="{href}">'


@pytest.fixture
def site(feed_server, db):
    feed_server.serve("/feed.xml", rss([ITEM], title="The Outlet"))
    return feed_server


def home_page(site, *links: str, path: str = "/", base: str = "") -> str:
    """Serve a home page naming the given links; its URL."""
    return site.serve(path, page(*links, base=base), content_type="text/html")


def test_it_finds_the_feed_of_a_home_page(site):
    home = home_page(site, link("/feed.xml"))
    source = add_source(home)
    assert source.feed_url == site.url + "/feed.xml"
    assert source.homepage == home
    assert source.name == "The Outlet"


def test_it_resolves_relative_feed_links_against_the_page(site):
    site.serve("/blog/feed.xml", rss([ITEM], title="The Blog"))
    home = home_page(site, link("feed.xml"), path="/blog/index.html")
    assert add_source(home).feed_url == site.url + "/blog/feed.xml"


def test_it_resolves_relative_feed_links_against_the_page_it_was_redirected_to(site):
    site.serve("/blog/feed.xml", rss([ITEM], title="The Blog"))
    home_page(site, link("feed.xml"), path="/blog/")
    old = site.redirect("/old-home", site.url + "/blog/")
    assert add_source(old).feed_url == site.url + "/blog/feed.xml"


def test_it_resolves_feed_links_against_the_pages_base(site):
    site.serve("/news/feed.xml", rss([ITEM]))
    home = home_page(site, link("feed.xml"), base="/news/")
    assert add_source(home).feed_url == site.url + "/news/feed.xml"


def test_it_prefers_the_first_feed_the_page_names(site):
    site.serve("/atom.xml", rss([ITEM], title="Second choice"))
    home = home_page(site, link("/feed.xml"), link("/atom.xml", "application/atom+xml"))
    assert add_source(home).feed_url == site.url + "/feed.xml"


def test_it_takes_the_next_feed_when_the_first_does_not_read(site):
    site.serve("/broken.xml", "<html><body>Oops</body></html>", content_type="text/html")
    home = home_page(site, link("/missing.xml"), link("/broken.xml"), link("/feed.xml"))
    assert add_source(home).feed_url == site.url + "/feed.xml"
    assert site.hits["/missing.xml"] == site.hits["/broken.xml"] == 1


def test_it_tries_only_the_first_few_feeds_a_page_names(site):
    home = home_page(site, *(link(f"/gone-{n}.xml") for n in range(50)))
    with pytest.raises(SourceError):
        add_source(home)
    assert len(site.requests) == 1 + MAX_FEEDS_TRIED


def test_it_finds_a_json_feed(site):
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Outlet",
        "items": [{"id": "1", "url": "https://outlet.example/1", "title": "One"}],
    }
    site.serve("/feed.json", json.dumps(document), content_type="application/feed+json")
    home = home_page(site, link("/feed.json", "application/feed+json"))
    source = add_source(home)
    assert (source.feed_url, source.name) == (site.url + "/feed.json", "JSON Outlet")


def test_a_page_with_no_feed_gives_a_clear_error(site):
    home = home_page(site, link("/style.css", "text/css", "stylesheet"))
    with pytest.raises(SourceError, match="names no feed"):
        add_source(home)
    assert not Source.objects.exists()


def test_a_page_whose_feeds_all_fail_names_each_reason(site):
    home = home_page(site, link("/gone.xml"), link("/gone.json"))
    with pytest.raises(SourceError) as error:
        add_source(home)
    assert "/gone.xml: the server answered HTTP 404" in str(error.value)
    assert "/gone.json: the server answered HTTP 404" in str(error.value)
    assert not Source.objects.exists()


def test_it_refuses_a_discovered_feed_that_is_already_a_source(site):
    Source.objects.create(feed_url=site.url + "/feed.xml", name="Already here")
    home = home_page(site, link("/feed.xml"))
    with pytest.raises(SourceError, match="already a source"):
        add_source(home)
    assert Source.objects.count() == 1


def test_it_still_adds_a_feed_by_its_own_url(site):
    source = add_source(site.url + "/feed.xml")
    assert source.feed_url == site.url + "/feed.xml"
    assert source.homepage == "https://outlet.example/"


def test_a_feed_served_as_text_html_is_read_as_a_feed(site):
    url = site.serve("/mislabelled.xml", rss([ITEM]), content_type="text/html")
    assert add_source(url).feed_url == url


def test_it_reads_link_types_and_rels_case_insensitively():
    html = page('<link REL="Alternate home" TYPE="Application/RSS+XML; charset=utf-8" href="/r">')
    assert feed_links(html.encode(), "https://outlet.example/") == ["https://outlet.example/r"]


def test_it_ignores_links_that_are_not_http_feeds():
    html = page(
        link("javascript:alert(1)"),
        link("/fr/", "text/html"),
        link("/feed", rel="self"),
        link("http://[broken"),
        link("/rss"),
        link("/rss"),
    )
    assert feed_links(html.encode(), "https://outlet.example/") == ["https://outlet.example/rss"]


def test_a_page_of_endless_unclosed_tags_is_read_without_a_stall():
    # html.parser takes minutes over this; libxml2 reads it in milliseconds.
    body = page(link("/rss")).replace("</head>", "<a " * 500_000).encode()
    assert feed_links(body, "https://outlet.example/") == ["https://outlet.example/rss"]


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"<!-- <rss> --><!DOCTYPE html><html><head>", "application/octet-stream", True),
        (b'<?xml version="1.0"?><rss version="2.0">', "text/html", False),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "text/html", False),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "text/html", False),
        (b"<head><title>No html element</title></head>", "text/html; charset=utf-8", True),
        (b"<unknown/>", "application/xml", False),
        (b"<!doctype html><title>No html element</title>", "application/octet-stream", True),
        (b"<rss><item><description><![CDATA[<!DOCTYPE html>", "text/html", False),
        ('<?xml version="1.0" encoding="utf-16"?><rss/>'.encode("utf-16"), "text/html", False),
    ],
)
def test_it_tells_a_page_from_a_feed_by_its_root_element_first(body, content_type, expected):
    assert is_page(body, content_type) is expected
