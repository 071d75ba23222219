"""parse_feed against public corpora (../shared/data): every file of every feed corpus reads or is
refused with FeedError; feedparser's own Expect lines agree with what Herald stores; hostile XML
served over HTTP is refused or read unexpanded, in bounded memory."""

import ast
import calendar
import contextlib
import io
import re
import tracemalloc
import warnings
from datetime import UTC, datetime

import feedparser
import pytest

from herald.lib.http import fetch
from herald.testing import SHARED_DATA
from sources.parse import FeedError, parse_feed

FEEDS = SHARED_DATA / "feeds"
HOSTILE = SHARED_DATA / "hostile-xml"
CORPORA = ["feedparser", "realworld", "rss-parser", "feed-rs", "miniflux"]


def need(folder):
    if not folder.exists():
        pytest.skip(f"shared data not found at {folder}")
    return folder


def outcomes(corpus: str) -> dict[str, tuple]:
    """Each file of the corpus, by its path in it: ("read", whether every entry has a guid),
    ("refused", reason) or ("crashed", exception)."""
    results = {}
    for path in sorted(p for p in (FEEDS / corpus).rglob("*") if p.is_file()):
        name = str(path.relative_to(FEEDS / corpus))
        try:
            feed = parse_feed(path.read_bytes())
        except FeedError as error:
            results[name] = ("refused", str(error))
        except Exception as error:  # what the test is looking for
            results[name] = ("crashed", repr(error))
        else:
            results[name] = ("read", all(entry.guid for entry in feed.entries))
    return results


# How many files of each corpus Herald reads today (2091, 212, 30, 66, 16), less some slack for
# parser upgrades: refusals such as the DOCTYPE check must stay narrow. The other files are
# expected outputs, READMEs, HTML pages, and broken or non-feed XML.
LEAST_READ = {"feedparser": 2080, "realworld": 205, "rss-parser": 29, "feed-rs": 65, "miniflux": 15}


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_file_of_a_corpus_reads_or_is_refused_with_a_feed_error(corpus):
    need(FEEDS / corpus)
    results = outcomes(corpus)
    crashed = {name: result[1] for name, result in results.items() if result[0] == "crashed"}
    assert crashed == {}
    assert [name for name, result in results.items() if result == ("read", False)] == []
    assert sum(result[0] == "read" for result in results.values()) >= LEAST_READ[corpus]


# feedparser's test files state what feedparser must find, e.g.
#   Expect: not bozo and entries[0]['title'] == 'Example Atom'
# Those about an entry's title, link or dates are checked against what Herald stores.
EXPECT = re.compile(rb"^(Expect|Header):\s*(.*)$", re.MULTILINE)
CHECKED_KEYS = {"title", "link", "published_parsed", "updated_parsed"}
EXPECT_FOLDERS = ["rss", "atom", "atom10", "rdf", "cdf", "namespace", "media-rss", "sanitize"]


def claims(expect: str) -> list[tuple[int, str, object]]:
    """(entry index, key, value) for each `entries[i]['key'] == literal` the expression asserts."""
    tree = ast.parse(expect, mode="eval").body
    parts = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    found = []
    for part in parts:
        match part:
            case ast.Compare(
                left=ast.Subscript(
                    value=ast.Subscript(value=ast.Name(id="entries"), slice=ast.Constant(index)),
                    slice=ast.Constant(key),
                ),
                ops=[ast.Eq()],
                comparators=[value],
            ) if key in CHECKED_KEYS:
                # A value such as 'a' + 'b' is no literal: not a clean mapping, left out.
                with contextlib.suppress(ValueError):
                    found.append((index, key, ast.literal_eval(value)))
    return found


def herald_value(entry, key, reference):
    """The value Herald stores for what feedparser calls `key`, and the value Expect names."""
    if key in ("title", "link"):
        return getattr(entry, "url" if key == "link" else "title"), reference.strip()
    moment = datetime.fromtimestamp(calendar.timegm(reference), UTC)
    return (entry.published if key == "published_parsed" else entry.updated), moment


ITEM_START = re.compile(rb"(<(?:item|entry)\b[^>]*?(?<!/)>)")


def herald_entry(data: bytes, reference, index: int, key: str):
    """Herald's entry for feedparser's entries[index], or None. Herald drops items with neither
    title nor link, and many date cases are such items: for those it reads a copy of the feed in
    which every item has a title."""
    kept = [i for i, e in enumerate(reference.entries) if e.get("link") or e.get("title")]
    if index in kept:
        return parse_feed(data).entries[kept.index(index)]
    if key in ("title", "link"):
        return None
    entries = parse_feed(ITEM_START.sub(rb"\1<title>Untitled</title>", data)).entries
    return entries[index] if len(entries) == len(reference.entries) else None


def updated_is_fallback(item) -> bool:
    # feedparser answers entries[i]['updated_parsed'] with the published date when there is none.
    return not dict.__contains__(item, "updated_parsed")


@pytest.mark.parametrize("folder", EXPECT_FOLDERS)
def test_herald_stores_the_titles_links_and_dates_feedparser_expects(folder):
    files = sorted(need(FEEDS / "feedparser" / "wellformed" / folder).glob("*.xml"))
    checked, mismatches = 0, []
    for path in files:
        data = path.read_bytes()
        meta = {name.decode(): value.decode() for name, value in EXPECT.findall(data)}
        wanted = claims(meta["Expect"]) if "Expect" in meta else []
        if not wanted or "Header" in meta:  # Herald is handed the bytes, never HTTP headers
            continue
        reference = feedparser.parse(io.BytesIO(data))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # feedparser's own deprecated key fallbacks
            if not eval(meta["Expect"], {"__builtins__": {}}, reference):
                continue  # this feedparser version does not meet the expectation itself
        for index, key, value in wanted:
            entry = herald_entry(data, reference, index, key)
            if entry is None:
                continue
            if key == "updated_parsed" and updated_is_fallback(reference.entries[index]):
                key = "published_parsed"
            got, expected = herald_value(entry, key, value)
            checked += 1
            if got != expected:
                mismatches.append((path.name, key, got, expected))
    assert mismatches == []
    assert checked > 0


def test_hostile_xml_served_as_a_feed_is_refused_or_read_without_expansion(feed_server):
    files = sorted(p for p in need(HOSTILE).iterdir() if p.is_file())
    expanded = []
    tracemalloc.start()
    try:
        for path in files:
            body = path.read_bytes()
            response = fetch(feed_server.serve(f"/{path.name}", body))
            try:
                feed = parse_feed(response.body, response.url)
            except FeedError:
                continue
            text = [feed.title] + [e.title + e.summary_html + e.content_html for e in feed.entries]
            if sum(map(len, text)) > len(body):
                expanded.append(path.name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert expanded == []
    assert peak < 50 * 1024 * 1024
    assert len(feed_server.requests) == len(files)  # nothing fetched what a file refers to
