"""Behaviour of the demo newswire, exercised over real HTTP on loopback (no Django, no database)."""

import json
import re
import struct
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from newswire.build import build_wire
from newswire.images import render_png
from newswire.outlets import OUTLETS, SECTIONS
from newswire.server import start

ANCHOR = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def server():
    running = start(port=0, anchor=ANCHOR)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def wire():
    return build_wire(ANCHOR)


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def one_per_outlet(wire):
    return [wire.articles_of(outlet.slug)[0] for outlet in wire.outlets]


def test_it_has_at_least_eight_outlets_covering_every_feed_kind():
    assert len(OUTLETS) >= 8
    kinds = Counter(outlet.feed_kind for outlet in OUTLETS)
    assert kinds["rss2"] >= 2 and kinds["atom"] >= 2 and kinds["jsonfeed"] >= 1
    assert kinds["rss1"] >= 1
    assert any(o.summaries_only for o in OUTLETS) and any(o.content_farm for o in OUTLETS)
    assert len({o.slug for o in OUTLETS}) == len(OUTLETS)
    for outlet in OUTLETS:
        assert outlet.home_path == f"/{outlet.slug}/"
        assert outlet.feed_path in (f"/{outlet.slug}/feed.xml", f"/{outlet.slug}/feed.json")


def test_it_builds_at_least_300_articles_across_every_section(wire):
    assert len(wire.articles) >= 300
    per_section = Counter(article.section for article in wire.articles)
    assert set(per_section) == set(SECTIONS)
    assert min(per_section.values()) >= 20, per_section


def test_guids_are_unique_and_stable_across_anchors(wire):
    guids = [article.guid for article in wire.articles]
    assert len(set(guids)) == len(guids)
    later = build_wire(ANCHOR + timedelta(days=3, hours=5))
    assert sorted(guids) == sorted(article.guid for article in later.articles)
    assert {a.guid: a.slug for a in wire.articles} == {a.guid: a.slug for a in later.articles}


def test_builds_with_the_same_anchor_are_identical(wire):
    assert build_wire(ANCHOR).articles == wire.articles


def test_it_serves_every_outlet_feed(server):
    for outlet in server.wire.outlets:
        status, _, body = fetch(server.url + outlet.feed_path)
        assert status == 200, outlet.slug
        expected = server.wire.articles_of(outlet.slug)
        if outlet.feed_kind == "jsonfeed":
            items = json.loads(body)["items"]
            links = [item["url"] for item in items]
        else:
            parsed = feedparser.parse(body)
            assert not parsed.bozo, (outlet.slug, parsed.get("bozo_exception"))
            assert (
                parsed.version
                == {"rss2": "rss20", "atom": "atom10", "rss1": "rss10"}[outlet.feed_kind]
            )
            items = parsed.entries
            links = [entry.link for entry in items]
            assert [entry.id for entry in items] == [a.guid for a in expected]
        assert len(items) == len(expected) > 0, outlet.slug
        assert links == [server.url + a.url_path for a in expected]


def test_feed_items_are_newest_first_and_carry_category_author_and_image(server):
    for outlet in server.wire.outlets:
        _, _, body = fetch(server.url + outlet.feed_path)
        if outlet.feed_kind == "jsonfeed":
            continue
        entries = feedparser.parse(body).entries
        stamps = [e.get("published_parsed") or e.get("updated_parsed") for e in entries]
        assert stamps == sorted(stamps, reverse=True), outlet.slug
        for entry in entries:
            assert entry.tags[0].term in SECTIONS
            assert entry.author
            assert any(link.get("type") == "image/png" for link in entry.links) or entry.get(
                "media_content"
            ), outlet.slug


def test_json_feeds_follow_json_feed_1_1(server):
    for outlet in (o for o in server.wire.outlets if o.feed_kind == "jsonfeed"):
        _, headers, body = fetch(server.url + outlet.feed_path)
        feed = json.loads(body)
        assert headers["Content-Type"] == "application/feed+json; charset=utf-8"
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["feed_url"] == server.url + outlet.feed_path
        for item in feed["items"]:
            required = {"id", "url", "title", "summary", "date_published", "authors", "tags"}
            assert required | {"image"} <= set(item)
            assert item["image"].startswith(server.url + "/")
            assert datetime.fromisoformat(item["date_published"]) < ANCHOR
            assert ("content_html" in item) == outlet.full_text


def test_rss2_feeds_declare_a_ttl_and_non_permalink_guids(server):
    for outlet in (o for o in server.wire.outlets if o.feed_kind == "rss2"):
        _, _, body = fetch(server.url + outlet.feed_path)
        text = body.decode()
        assert "<ttl>30</ttl>" in text
        assert text.count('<guid isPermaLink="false">') == len(server.wire.articles_of(outlet.slug))


def test_summary_only_feeds_carry_no_full_body(server):
    for outlet in (o for o in server.wire.outlets if o.summaries_only):
        _, _, body = fetch(server.url + outlet.feed_path)
        text = body.decode()
        assert "content:encoded" not in text and "<content" not in text
        for article in server.wire.articles_of(outlet.slug):
            later_paragraph = re.findall(r"<p>(.*?)</p>", article.body_html)[2]
            assert later_paragraph[:60] not in text


def test_full_text_feeds_carry_the_body(server):
    for outlet in (o for o in server.wire.outlets if o.full_text and o.feed_kind != "jsonfeed"):
        _, _, body = fetch(server.url + outlet.feed_path)
        entries = feedparser.parse(body).entries
        article = server.wire.articles_of(outlet.slug)[0]
        first = re.findall(r"<p>(.*?)</p>", article.body_html)[1]
        assert first[:60] in entries[0].content[0].value, outlet.slug


def test_article_pages_contain_the_article_body(server):
    for article in one_per_outlet(server.wire):
        status, headers, body = fetch(server.url + article.url_path)
        html = body.decode()
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        inside = html[html.index("<article") : html.index("</article>")]
        for paragraph in re.findall(r"<p>.*?</p>", article.body_html):
            assert paragraph in inside
        assert re.search(rf'<time[^>]* datetime="{article.published:%Y-%m-%dT%H:%M:%S}Z"', inside)
        assert f'src="{server.url}{article.image_path}"' in inside
        assert "<h1" in inside


def test_every_outlet_has_its_own_page_chrome(server):
    skeletons = set()
    for article in one_per_outlet(server.wire):
        html = fetch(server.url + article.url_path)[2].decode()
        outside = html[: html.index("<article")] + html[html.index("</article>") :]
        assert "<header" in outside and "<nav" in outside and "<footer" in outside, article.outlet
        assert "cookie" in outside.lower(), article.outlet
        assert 'class="popular"' in outside, article.outlet  # the sidebar's headline list
        skeletons.add(re.sub(r">[^<]*<", "><", outside.split("<body", 1)[1])[:400])
    assert len(skeletons) == len(OUTLETS)


def test_content_farm_pages_carry_promos_and_comment_form_inside_the_article(server):
    farm = next(o for o in server.wire.outlets if o.content_farm)
    boilerplates = set()
    for article in server.wire.articles_of(farm.slug)[:3]:
        html = fetch(server.url + article.url_path)[2].decode()
        inside = html[html.index("<article") : html.index("</article>")]
        for promo in ("Subscribe to this portal", "newsletter", "You may also like", "Share"):
            assert promo in inside
        form = inside[inside.index("<form action=") :]
        for field in ('name="author"', 'name="email"', 'name="url"', 'name="comment"'):
            assert field in form
        boilerplates.add(inside[inside.index('<div class="subscribe-portal">') :])
    assert len(boilerplates) == 1  # identical on every page, as a boilerplate learner expects


def test_home_pages_advertise_their_feed_for_autodiscovery(server):
    types = {
        "rss2": "application/rss+xml",
        "rss1": "application/rss+xml",
        "atom": "application/atom+xml",
        "jsonfeed": "application/feed+json",
    }
    for outlet in server.wire.outlets:
        html = fetch(server.url + outlet.home_path)[2].decode()
        link = f'<link rel="alternate" type="{types[outlet.feed_kind]}"'
        assert link in html and f'href="{server.url}{outlet.feed_path}"' in html
        newest = server.wire.articles_of(outlet.slug)[0]
        assert f'href="{newest.url_path}"' in html


def test_directory_lists_every_outlet(server):
    status, _, body = fetch(server.url + "/")
    assert status == 200
    for outlet in server.wire.outlets:
        assert f'href="{outlet.home_path}"' in body.decode()


def test_conditional_get_answers_304(server):
    outlet = server.wire.outlets[0]
    article = server.wire.articles_of(outlet.slug)[0]
    for path in (outlet.feed_path, article.url_path, outlet.home_path):
        status, headers, _ = fetch(server.url + path)
        assert status == 200 and headers["ETag"] and headers["Last-Modified"]
        by_etag = fetch(server.url + path, {"If-None-Match": headers["ETag"]})
        assert by_etag[0] == 304 and by_etag[2] == b""
        by_date = fetch(server.url + path, {"If-Modified-Since": headers["Last-Modified"]})
        assert by_date[0] == 304
        stale = fetch(server.url + path, {"If-None-Match": '"something-else"'})
        assert stale[0] == 200


def test_feeds_use_their_content_types(server):
    expected = {
        "rss2": "application/rss+xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "rss1": "application/rdf+xml; charset=utf-8",
        "jsonfeed": "application/feed+json; charset=utf-8",
    }
    for outlet in server.wire.outlets:
        _, headers, _ = fetch(server.url + outlet.feed_path)
        assert headers["Content-Type"] == expected[outlet.feed_kind]


def test_images_are_valid_pngs(server):
    for article in one_per_outlet(server.wire)[:4]:
        status, headers, png = fetch(server.url + article.image_path)
        assert status == 200 and headers["Content-Type"] == "image/png"
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (960, 540)
        idat_length = struct.unpack(">I", png[33:37])[0]
        assert png[37:41] == b"IDAT"
        raw = zlib.decompress(png[41 : 41 + idat_length])
        assert len(raw) == height * (1 + width * 3)


def test_images_render_fast_and_are_cached():
    started = time.perf_counter()
    first = render_png("timing-check/one", "sports")
    assert time.perf_counter() - started < 0.1
    assert render_png("timing-check/one", "sports") is first
    assert render_png("timing-check/two", "sports") != first


def test_unknown_paths_are_404(server):
    article = server.wire.articles[0]
    for path in (
        "/nowhere",
        "/daily-courier/feed.json",
        "/daily-courier/2020/01/no-such-story.html",
        article.url_path.replace(".html", ".htm"),
        "/daily-courier/images/no-such-story.png",
    ):
        assert fetch(server.url + path)[0] == 404, path


def test_many_events_are_covered_by_three_or_more_outlets_with_copies_and_rewrites(wire):
    coverage = defaultdict(list)
    for article in wire.articles:
        coverage[article.event_id].append(article)
    wide = [arts for arts in coverage.values() if len(arts) >= 3]
    assert len(wide) >= 10
    assert len({arts[0].event_id for arts in coverage.values()}) >= 100
    kinds = Counter(a.coverage for arts in wide for a in arts)
    assert kinds["copied"] >= 10 and kinds["rewritten"] >= 10
    for arts in coverage.values():
        assert sum(a.coverage == "original" for a in arts) == 1
        assert len({a.outlet for a in arts}) == len(arts)


def test_copied_coverage_repeats_the_original_and_rewrites_do_not(wire):
    originals = {a.event_id: a for a in wire.articles if a.coverage == "original"}
    paragraphs = re.compile(r"<p>(.*?)</p>")
    for article in wire.articles:
        source = originals[article.event_id]
        if article.coverage == "copied":
            assert article.body_html.startswith(source.body_html)
            assert article.source_outlet == source.outlet
        elif article.coverage == "rewritten":
            assert (
                paragraphs.findall(article.body_html)[0] != paragraphs.findall(source.body_html)[0]
            )
            assert article.body_html != source.body_html


def test_article_text_reads_clean(wire):
    for article in wire.articles:
        text = " ".join([article.title, article.summary, article.body_html])
        assert not re.search(r"[{}|]|  | ,| \.|,,|\.\.", text), (article.outlet, article.slug)
        assert 4 <= article.body_html.count("<p>") <= 8
        assert article.author and article.slug and article.title


def test_dates_span_several_days_and_precede_the_anchor(wire):
    published = [article.published for article in wire.articles]
    assert all(moment < ANCHOR for moment in published)
    assert all(ANCHOR - moment >= timedelta(minutes=10) for moment in published)
    assert all(ANCHOR - moment <= timedelta(days=7, hours=12) for moment in published)
    assert max(published) - min(published) > timedelta(days=5)
    assert len({moment.date() for moment in published}) >= 6
    by_event = defaultdict(list)
    for article in wire.articles:
        by_event[article.event_id].append(article.published)
    for moments in by_event.values():
        assert max(moments) - min(moments) <= timedelta(hours=6)


def test_building_the_wire_is_fast():
    started = time.perf_counter()
    build_wire(ANCHOR)
    assert time.perf_counter() - started < 1.0


def test_start_defaults_to_the_current_hour():
    running = start()
    try:
        anchor = running.wire.anchor
        assert anchor.minute == anchor.second == anchor.microsecond == 0
        assert datetime.now(UTC) - anchor < timedelta(hours=1, minutes=1)
        assert running.url == f"http://127.0.0.1:{running.port}"
        assert fetch(running.url + "/")[0] == 200
    finally:
        running.stop()
