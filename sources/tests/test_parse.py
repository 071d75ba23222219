import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from herald.testing import SHARED_DATA, rss
from sources.parse import FeedError, parse_feed

TESTDATA = Path(__file__).parent / "testdata"
REALWORLD = SHARED_DATA / "feeds" / "realworld"


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


def test_it_reads_or_clearly_refuses_every_captured_real_world_feed(realworld):
    rows = list(csv.DictReader((realworld / "benchmark_data_index.tsv").open(), delimiter="\t"))
    read = refused = 0
    for row in rows:
        try:
            feed = parse_feed((realworld / "benchmark_data" / row["file"]).read_bytes())
        except FeedError:
            refused += 1
        else:
            read += 1
            assert all(entry.guid for entry in feed.entries)
    assert read + refused == len(rows) == 200
    assert read >= 190  # feedparser is lenient: most of the six ill-formed ones still yield entries


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
