import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from herald.testing import SHARED_DATA, rss
from sources.parse import FeedError, parse_feed

TESTDATA = Path(__file__).parent / "testdata"
REALWORLD = SHARED_DATA / "feeds" / "realworld"
ITEM = {"guid": "g1", "title": "A story", "link": "https://outlet.example/a-story"}


def test_it_reads_rss_2():
    item = {
        "guid": "a1", "title": "Hello", "link": "https://o.example/a1", "description": "Hi",
        "author": "Bo", "pubDate": "Sat, 28 Nov 2026 10:00:00 GMT", "content": "<p>Body</p>",
    }  # fmt: skip
    feed = parse_feed(rss([item]).encode())
    assert feed.title == "Test Outlet" and feed.language == "en"
    (entry,) = feed.entries
    assert (entry.guid, entry.url, entry.title, entry.author) == (
        "a1",
        "https://o.example/a1",
        "Hello",
        "Bo",
    )
    assert entry.summary_html == "Hi" and entry.content_html == "<p>Body</p>"
    assert entry.published == datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def test_it_reads_atom():
    feed = parse_feed((TESTDATA / "atom.xml").read_bytes())
    (entry,) = feed.entries
    assert feed.title == "Le Petit Rapporteur" and feed.link == "https://rapporteur.example/"
    assert entry.guid == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert entry.published == datetime(2026, 11, 28, 8, 15, tzinfo=UTC)
    assert entry.updated == datetime(2026, 11, 28, 18, 30, 2, tzinfo=UTC)
    assert entry.author == "Camille Martin" and entry.categories == ["politique"]
    assert entry.content_html == "<p>Le budget passe <em>de justesse</em>.</p>"
    assert entry.image_url == "https://rapporteur.example/budget.jpg"
    assert entry.language == "fr"


def test_it_reads_rss_1():
    (entry,) = parse_feed((TESTDATA / "rss1.rdf").read_bytes()).entries
    assert entry.guid == entry.url == "https://almanac.example/tides"
    assert entry.author == "Ines Berg"
    assert entry.published == datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_it_reads_json_feed_and_skips_items_it_cannot_identify():
    feed = parse_feed((TESTDATA / "jsonfeed.json").read_bytes())
    assert feed.title == "Harbour Notes" and feed.language == "en-GB"
    first, note = feed.entries
    assert first.guid == "2026-11-28-ferry" and first.author == "Rui Costa"
    assert first.content_html.startswith("<p>The crossing") and first.categories == [
        "tourism",
        "transport",
    ]
    assert first.image_url == "https://harbour.example/ferry.png"
    assert first.published == datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
    assert (note.guid, note.title, note.url) == ("note-1", "A title-only note", "")


def test_an_entry_without_id_is_identified_by_its_link():
    (entry,) = parse_feed(rss([{"title": "T", "link": "https://o.example/t"}]).encode()).entries
    assert entry.guid == "https://o.example/t"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body><p>Just a web page</p></body></html>",
        b"\x00\xff\xfe garbage",
        b"{not json",
        b'{"version": "1.0", "items": []}',
        b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}',
    ],
)
def test_bytes_that_hold_no_feed_raise_a_clear_error(body):
    with pytest.raises(FeedError):
        parse_feed(body)


def test_it_never_opens_a_path_it_was_handed_as_bytes(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text(rss([{"guid": "leak", "title": "Leaked", "link": "https://o.example/leak"}]))
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode())


def test_it_only_takes_bytes():
    with pytest.raises(TypeError):
        parse_feed("https://o.example/feed")  # type: ignore[arg-type]


@pytest.fixture
def realworld():
    if not REALWORLD.exists():
        pytest.skip(f"shared data not found at {REALWORLD}")
    return REALWORLD


@pytest.mark.parametrize("name", ["davidbau", "gamersnexus", "foolcontrol", "json_feed_sample"])
def test_it_agrees_with_the_reference_output_on_real_feeds(realworld, name):
    folder = realworld / "integration"
    source = folder / (f"{name}.json" if name.startswith("json") else f"{name}.xml")
    expected_file = folder / (
        f"{name}.expected.json" if name.startswith("json") else f"{name}.json"
    )
    expected = json.loads(expected_file.read_text())["entries"]
    entries = parse_feed(source.read_bytes()).entries
    assert [e.title for e in entries] == [x.get("title", "") for x in expected]
    assert [e.url for e in entries] == [x.get("link", "") for x in expected]


def test_it_reads_the_ttl_in_minutes():
    feed = parse_feed(rss([ITEM]).replace("<language>", "<ttl> 30 </ttl><language>").encode())
    assert feed.ttl == 30


@pytest.mark.parametrize("ttl", ["", "soon", "-5", "9" * 5000])
def test_a_missing_or_meaningless_ttl_is_none(ttl):
    feed = parse_feed(rss([ITEM]).replace("<language>", f"<ttl>{ttl}</ttl><language>").encode())
    assert feed.ttl is None


def test_a_json_feed_has_no_ttl():
    assert parse_feed((TESTDATA / "jsonfeed.json").read_bytes()).ttl is None


def test_it_reads_rss_0_92():
    body = b"""<?xml version="1.0"?><rss version="0.92"><channel><title>Old</title>
        <item><title>First</title><link>https://old.example/1</link></item></channel></rss>"""
    (entry,) = parse_feed(body).entries
    assert (entry.title, entry.url) == ("First", "https://old.example/1")


# RSS 0.91 as Netscape published it: its DOCTYPE names a public DTD that must never be fetched.
RSS_091 = (
    '<?xml version="1.0"?>{newline}<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
    '0.91//EN" "{dtd}">\n<rss version="0.91"><channel><title>Netscape era</title>'
    "<item><title>First</title><link>https://old.example/1</link></item></channel></rss>"
)


@pytest.mark.parametrize("newline", ["\n", ""])  # "" puts the DOCTYPE where feedparser misses it
def test_it_reads_rss_0_91_with_its_public_dtd_without_fetching_it(feed_server, newline):
    dtd = feed_server.serve("/rss-0.91.dtd", "<!ENTITY nbsp '&#160;'>", content_type="text/plain")
    feed = parse_feed(RSS_091.format(newline=newline, dtd=dtd).encode())
    assert [entry.title for entry in feed.entries] == ["First"]
    assert feed_server.requests == []


def test_it_refuses_any_other_external_dtd_without_fetching_it(feed_server):
    dtd = feed_server.serve("/evil.dtd", "<!ENTITY x 'y'>", content_type="text/plain")
    body = f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{dtd}"><rss version="2.0"/>'
    with pytest.raises(FeedError, match="external DTD: refused"):
        parse_feed(body.encode())
    assert feed_server.requests == []


def test_it_reads_a_feed_whose_doctype_only_declares_elements():
    body = rss([ITEM]).replace("<rss ", "<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss ", 1)
    assert [entry.title for entry in parse_feed(body.encode()).entries] == ["A story"]


def test_a_doctype_inside_an_items_content_is_not_refused():
    item = {**ITEM, "content": "<!DOCTYPE html><!ENTITY not-a-declaration>"}
    assert "not-a-declaration" in parse_feed(rss([item]).encode()).entries[0].content_html


HOSTILE_RSS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n{entities}\n]>\n<rss version="2.0"><channel>'
    "<title>T</title><item><title>{text}</title><link>https://hostile.example/1</link></item>"
    "</channel></rss>"
)


def test_it_refuses_a_billion_laughs_feed_in_bounded_memory():
    body = (TESTDATA / "hostile" / "billion-laughs.rss").read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match="the feed declares entities: refused"):
            parse_feed(body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


def test_it_refuses_a_quadratic_blowup_feed_in_bounded_memory():
    # feedparser keeps a plain-text entity like this one; expanded, it would take ~200 MB.
    body = HOSTILE_RSS.format(entities=f'<!ENTITY a "{"B" * 100_000}">', text="&a;" * 2000)
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match="declares entities"):
            parse_feed(body.encode())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


def test_it_refuses_an_external_entity_that_would_read_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the editor's password")
    body = HOSTILE_RSS.format(entities=f'<!ENTITY x SYSTEM "file://{secret}">', text="&x;")
    with pytest.raises(FeedError, match="declares entities"):
        parse_feed(body.encode())


@pytest.mark.parametrize(
    "body",
    [
        # A comment holding a tag, before the DOCTYPE: feedparser's own search stops at "<a".
        b'<!-- <a> --><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0"/>',
        b'<?xml version="1.0"?><?pi <a>?><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0"/>',
        b'\xef\xbb\xbf<!-- <a> --><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0"/>',
        b'junk\n<!doctype rss [\n<!entity e "x">\n]>\n<rss version="2.0"/>',
        b'<!DOCTYPE rss [<!ENTITY % p "x"> %p;]><rss version="2.0"/>',
        # A literal with "]>" in it does not end the search for declarations.
        b'<!DOCTYPE rss [<!ATTLIST rss a CDATA "]>"><!ENTITY e "x">]><rss version="2.0"/>',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY e "x">]><rss/>'.encode(
            "utf-16"
        ),
        '<?xml version="1.0" encoding="utf-16le"?><!DOCTYPE r [<!ENTITY e "x">]><r/>'.encode(
            "utf-16-le"
        ),
        '<?xml version="1.0" encoding="utf-32"?><!DOCTYPE rss [<!ENTITY e "x">]><rss/>'.encode(
            "utf-32"
        ),
        # UTF-7 spells "<!" as "+ADwAIQ-", and feedparser decodes a declared UTF-7 feed.
        b'<?xml version="1.0" encoding="utf-7"?><!DOCTYPE rss [+ADwAIQ-ENTITY e "x">]><rss/>',
    ],
)
def test_it_finds_entity_declarations_wherever_the_prolog_hides_them(body):
    with pytest.raises(FeedError, match="declares entities"):
        parse_feed(body)
