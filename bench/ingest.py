"""Ingest throughput: Herald's whole pipeline against bare trafilatura on the same pages.

Serves 20 sources of 100 articles each (2,000 in all) from a ThreadingHTTPServer on loopback
(HTTP/1.1, connections kept open, as outlets' servers do):
RSS feeds that carry only a summary, so every article's page is fetched and read, and article
pages of 30-80 KB of HTML (navigation, a 5-10 paragraph story made from the demo newswire's
stories, a promo repeated on every page of its source, share bar, related links, sidebar,
footer, cookie banner; no images, so no picture is fetched). Then it

1. ingests them with sources.poll.poll_source(pk, force=True), source after source, and
2. times bare trafilatura.extract() on the same 2,000 page bytes (after each source's poll, on
   that source's pages, so that both meet the same load on the machine),

and prints articles per second of each, the time ratio Herald / bare (the target is at most
1.3x), the process's peak memory (ru_maxrss) and whether all 2,000 articles were stored.
Everything is generated deterministically; nothing leaves the machine. Run from the root:

    .venv/bin/python bench/ingest.py [--parts]

--parts also prints where Herald's time went, step by step (STEPS), in milliseconds per article.
"""

import functools
import importlib
import json
import multiprocessing
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import allow_fetching_from, peak_memory_mb, start_herald

SOURCES = 20
ARTICLES_PER_SOURCE = 100
PAGE_KB = (30, 80)
TOWNS = [
    "Ashford", "Brindle", "Carrow", "Dunmere", "Elsworth", "Fairhaven", "Glenmoor", "Harwick",
    "Ilford", "Jessop", "Kingsbay", "Larkhill", "Marlow", "Northam", "Oakridge", "Penhallow",
    "Quarry Bay", "Redcliffe", "Saltmarsh", "Thornbury",
]  # fmt: skip
PAPERS = ["Gazette", "Courier", "Chronicle", "Observer", "Post"]
SECTIONS = ["News", "Politics", "Business", "Sport", "Culture", "Travel", "Science", "Opinion"]
HTML = "text/html; charset=utf-8"
ANCHOR = datetime(2026, 1, 1, 12, tzinfo=UTC)  # in the past: a future date is clamped
BEYOND_EXTRACTION = """\
Herald's time includes, beyond trafilatura.extract(): fetching each feed and page over HTTP
through the guarded client (address checks, size and time caps) with robots.txt checked, the
feed parsed, the page's charset decided, metadata read (title, author, date, canonical link,
lead picture), title and byline dropped, the HTML sanitised (nh3) and made plain text,
duplicates looked up (GUID, canonical link, text fingerprint), each article written to SQLite,
host slots and fetch logs kept, and each source's boilerplate learned from its articles and
removed from all of them (relearn) after its poll."""

# What --parts times: (row, where the function is looked up, its name). Each row counts its
# function's time less that of the other rows' functions it calls, so the rows add up to
# Herald's time; the timers themselves cost about a microsecond a call.
STEPS = [
    ("fetching the feed", "sources.poll", "fetch"),
    ("parsing the feed", "sources.poll", "parse_feed"),
    ("looking entries up (GUID, link, text)", "articles.ingest:Holdings", "__init__"),
    ("looking entries up (GUID, link, text)", "articles.ingest:Holdings", "same_story"),
    ("robots.txt", "herald.lib.robots", "allows"),
    ("fetching pages (client and server)", "herald.lib.http", "fetch"),
    ("deciding the charset", "articles.extract", "decode_html"),
    ("parsing the page (lxml)", "trafilatura", "load_html"),
    ("extracting (trafilatura, Herald's options)", "trafilatura", "bare_extraction"),
    ("title, byline, canonical link, picture", "articles.extract", "read_page"),
    ("sanitising, plain text", "articles.ingest", "clean_html"),
    ("sanitising, plain text", "articles.ingest", "html_to_text"),
    ("removing learned boilerplate", "articles.boilerplate", "clean_for"),
    ("making the article (fields, fingerprint)", "articles.ingest", "_draft"),
    ("storing (INSERT, commit)", "articles.ingest", "_create"),
    ("learning boilerplate (relearn)", "articles.boilerplate", "relearn"),
    ("the rest: claim, host slot, schedule, log", "sources.poll", "poll_source"),
]


def time_steps() -> dict[str, float]:
    """Put a timer on each of STEPS; returns the seconds each row has spent so far."""
    spent = dict.fromkeys((row for row, _, _ in STEPS), 0.0)
    called = [0.0]  # time spent in timed steps under the one running

    def timed(row, function):
        @functools.wraps(function)
        def step(*args, **kwargs):
            outer, called[0] = called[0], 0.0
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                spent[row] += elapsed - called[0]
                called[0] = outer + elapsed

        return step

    for row, where, name in STEPS:
        module, _, cls = where.partition(":")
        owner = (
            getattr(importlib.import_module(module), cls)
            if cls
            else importlib.import_module(module)
        )
        setattr(owner, name, timed(row, getattr(owner, name)))
    return spent


class Outlet:
    """One generated source: its name, its page chrome and its 100 stories."""

    def __init__(self, number: int, base: str):
        self.number = number
        self.town = TOWNS[number]
        self.name = f"The {self.town} {PAPERS[number % len(PAPERS)]}"
        self.slug = self.town.lower().replace(" ", "-")
        self.base = base
        self.promo = (
            f"Love local news? Readers of {self.name} get our morning briefing before anyone "
            f"else. Subscribe from {number + 1} pounds a month and keep reporting in "
            f"{self.town} alive."
        )

    def url(self, path: str) -> str:
        return f"{self.base}/{self.slug}/{path}"


def stories(outlet: Outlet, events) -> list[dict]:
    """The outlet's articles, newest first: each leads with one newswire event (its headline,
    summary and paragraphs in a phrasing of the outlet's own) and runs on into the next events'
    paragraphs up to 5-10 paragraphs; 100 different leads, so no two share a text."""
    from newswire.stories import spin

    rng = random.Random(f"stories-{outlet.number}")
    items = []
    variant = outlet.number % 4
    for n in range(ARTICLES_PER_SOURCE):
        first = (outlet.number * 37 + n) % len(events)
        paragraphs: list[str] = []
        for event in events[first:] + events[:first]:
            paragraphs += [spin(p, variant) for p in event.paragraphs]
            if len(paragraphs) >= 10:
                break
        lead = events[first]
        items.append(
            {
                "path": f"2026/{n:03d}-{outlet.slug}-story.html",
                "title": spin(lead.headlines[0], variant),
                "summary": spin(lead.summary, variant),
                "paragraphs": paragraphs[: rng.randint(5, 10)],
                "section": SECTIONS[(first + n) % len(SECTIONS)],
                "author": f"{rng.choice(['Ann', 'Ben', 'Cleo', 'Dev', 'Edda'])} {outlet.town}",
                "published": ANCHOR - timedelta(hours=n * 3 + outlet.number),
            }
        )
    return items


def feed(outlet: Outlet, items: list[dict]) -> bytes:
    from herald.testing import rss

    return rss(
        [
            {
                "guid": outlet.url(item["path"]),
                "title": escape(item["title"]),
                "link": outlet.url(item["path"]),
                "description": escape(item["summary"]),  # a summary only: the page has the rest
                "author": escape(item["author"]),
                "pubDate": format_datetime(item["published"], usegmt=True),
            }
            for item in items
        ],
        title=escape(outlet.name),
        link=outlet.url(""),
    ).encode()


ICON = (  # a share icon as pages inline them: markup without text
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="'
    + " ".join(f"M{i} {24 - i}c{i % 5}.5-{i % 3} 3-{i % 4} 6-{i % 2}" for i in range(24))
    + '"/></svg>'
)
TEASERS = 12


def page(outlet: Outlet, item: dict, items: list[dict], size: int) -> bytes:
    """An article page as outlets make them, about `size` bytes: the story among navigation,
    share bars, related links, teasers, a sidebar, a footer and a cookie banner. Like real pages
    it is mostly markup, styles and scripts (the padding: CSS rules and the page's state as
    JSON), not text."""
    others = [other for other in items if other is not item]
    concat = "".join
    nav = concat(
        f'<li class="menu-item"><a href="{outlet.url(s.lower())}/">{s}</a><ul class="sub-menu">'
        + concat(f'<li><a href="/{s.lower()}/{i}">{s} {i}</a></li>' for i in range(6))
        + "</ul></li>"
        for s in SECTIONS
    )
    footer_columns = concat(
        f"<ul><li><h4>{s}</h4></li>"
        + concat(f'<li><a href="/{s.lower()}/{i}">{s} link {i}</a></li>' for i in range(8))
        + "</ul>"
        for s in SECTIONS
    )
    share = concat(
        f'<a class="share share-{name.lower()}" href="#share-{name.lower()}">{ICON}'
        f"<span>{name}</span></a>"
        for name in ("Facebook", "X", "WhatsApp", "Email", "Print")
    )
    story = [f"<p>{escape(p)}</p>" for p in item["paragraphs"]]
    story.insert(
        2,
        f'<aside class="promo-{outlet.slug}"><h3>Support {escape(outlet.name)}</h3>'
        f'<p>{escape(outlet.promo)}</p><a class="btn" href="{outlet.url("subscribe")}">'
        "Subscribe now</a></aside>",
    )
    related = concat(
        f'<li><a href="{outlet.url(other["path"])}">{escape(other["title"])}</a></li>'
        for other in others[:5]
    )
    teasers = concat(
        f'<li class="teaser card card--{other["section"].lower()}" data-id="{n}">'
        f'<a href="{outlet.url(other["path"])}">{ICON}<span class="kicker">{other["section"]}'
        f'</span><h3>{escape(other["title"])}</h3></a><time datetime="'
        f'{other["published"].isoformat()}">{other["published"]:%d %b}</time></li>'
        for n, other in enumerate(others[5 : 5 + TEASERS])
    )
    published = item["published"]
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(item["title"])} | {escape(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{outlet.url(item["path"])}">
<meta property="og:title" content="{escape(item["title"])}">
<meta property="og:description" content="{escape(item["summary"])}">
<meta property="article:published_time" content="{published.isoformat()}">
<meta name="author" content="{escape(item["author"])}">
<style>@STYLE@</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}
gtag('js',new Date());gtag('config','G-{outlet.number:06d}',{{section:'{item["section"]}'}});
</script></head>
<body class="single-post {outlet.slug}">
<div class="cookie-banner"><p>{escape(outlet.name)} and our partners use cookies to measure
our audience and show you relevant adverts.</p><button>Accept all</button>
<button>Manage choices</button></div>
<header class="site-header"><a class="logo" href="{outlet.url("")}">{escape(outlet.name)}</a>
<form class="search" action="/search"><input name="q" placeholder="Search"></form>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="breadcrumbs"><a href="{outlet.url("")}">Home</a> &rsaquo;
<a href="{outlet.url(item["section"].lower())}/">{item["section"]}</a></div>
<main class="content"><article class="story">
<header><span class="kicker">{item["section"]}</span><h1>{escape(item["title"])}</h1>
<p class="standfirst">{escape(item["summary"])}</p>
<p class="byline">By {escape(item["author"])} &middot;
<time datetime="{published.isoformat()}">{published:%d %B %Y}</time></p>
</header>
<div class="share-bar">{share}</div>
<div class="story-body">
{chr(10).join(story)}
</div>
<div class="tags">Topics: <a href="/tags/{item["section"].lower()}">{item["section"]}</a>
<a href="/tags/{outlet.slug}">{outlet.town}</a></div>
<div class="share-bar share-bottom">{share}</div>
<section class="related"><h2>Related stories</h2><ul>{related}</ul></section>
</article>
<section class="more-stories"><h2>More from {escape(outlet.name)}</h2><ul>{teasers}</ul>
</section></main>
<aside class="sidebar"><section><h2>Most read</h2><ol>{related}</ol></section>
<section class="newsletter"><h2>The morning briefing</h2><p>The day's news from
{outlet.town} in your inbox at seven.</p><form><input type="email"><button>Sign up</button>
</form></section><section class="ad"><span>Advertisement</span></section></aside>
<footer class="site-footer"><div class="columns">{footer_columns}</div>
<p>&copy; 2026 {escape(outlet.name)} Ltd, 1 High Street, {outlet.town}. Registered in England.
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a>
<a href="/contact">Contact us</a></p></footer>
<script id="page-state" type="application/json">@STATE@</script>
</body></html>
"""
    room = max(0, size - len(html.encode()))
    rules = concat(
        f".c{i}{{margin:{i % 40}px {i % 9}px;color:#{i * 7919 % 0xFFFFFF:06x}}}\n"
        for i in range(room // 2 // 36)  # about half the room, at ~36 bytes a rule
    )
    entries = [{"id": n, "path": o["path"], "section": o["section"]} for n, o in enumerate(others)]
    each = len(json.dumps(entries)) / len(entries)
    state = json.dumps([entries[n % len(entries)] for n in range(int((room - len(rules)) / each))])
    return html.replace("@STYLE@", rules).replace("@STATE@", state).encode()


def serve_outlets(server, base: str) -> tuple[list[Outlet], dict[str, list[bytes]], dict[str, str]]:
    """Puts every feed and page on `server`; returns the outlets, and each outlet's pages (their
    bytes) and feed address by its slug."""
    from newswire.stories import EVENTS

    events = [event for event in EVENTS if event.language == "en"]
    rng = random.Random("sizes")
    outlets, pages, feeds = [], {}, {}
    server.serve("/robots.txt", "User-agent: *\nDisallow: /search\n", content_type="text/plain")
    for number in range(SOURCES):
        outlet = Outlet(number, base)
        items = stories(outlet, events)
        for item in items:
            body = page(outlet, item, items, rng.randint(*PAGE_KB) * 1024)
            pages.setdefault(outlet.slug, []).append(body)
            server.serve(f"/{outlet.slug}/{item['path']}", body, content_type=HTML)
        feeds[outlet.slug] = server.serve(f"/{outlet.slug}/feed.xml", feed(outlet, items))
        outlets.append(outlet)
    return outlets, pages, feeds


def main() -> None:
    start_herald()
    import trafilatura
    from django.conf import settings
    from django.db import connection

    from articles.models import Article, LearnedBlock
    from herald.testing import FeedServer
    from sources import poll
    from sources.models import Source

    spent = time_steps() if "--parts" in sys.argv[1:] else None
    server = FeedServer()
    # As outlets' servers answer today: HTTP/1.1, connections kept open between requests
    # (http.server's own default is HTTP/1.0, a connection per request), and an answer's last
    # bytes sent at once rather than after Nagle's wait for an acknowledgement.
    server.httpd.RequestHandlerClass.protocol_version = "HTTP/1.1"
    server.httpd.RequestHandlerClass.disable_nagle_algorithm = True
    allow_fetching_from(server.url)
    settings.FETCH_PER_HOST = 50  # every source is on this one host
    outlets, pages, feeds = serve_outlets(server, server.url)
    sizes = sorted(len(body) for bodies in pages.values() for body in bodies)
    sources = [
        Source.objects.create(feed_url=feeds[o.slug], name=o.name, homepage=o.url(""))
        for o in outlets
    ]
    trafilatura.extract(pages[outlets[0].slug][0])  # first call loads what it needs: not timed
    # The outlets are another machine's work: serve them from a child process, so serving pages
    # does not take this process's interpreter lock from Herald while it is being timed.
    server.httpd.shutdown()
    connection.close()
    outlets_process = multiprocessing.get_context("fork").Process(
        target=server.httpd.serve_forever, daemon=True
    )
    outlets_process.start()

    # Source by source, each poll then bare extraction of the same pages: both meet the same
    # load on the machine.
    herald_seconds = bare_seconds = 0.0
    found = 0
    for source, outlet in zip(sources, outlets, strict=True):
        started = time.perf_counter()
        poll.poll_source(source.pk, force=True)
        herald_seconds += time.perf_counter() - started
        started = time.perf_counter()
        found += sum(bool(trafilatura.extract(body)) for body in pages[outlet.slug])
        bare_seconds += time.perf_counter() - started
    outlets_process.terminate()
    server.httpd.server_close()

    stored = Article.objects.count()
    from_page = Article.objects.filter(text_from=Article.TextFrom.PAGE).count()
    promos_left = sum(
        Article.objects.filter(source=s, content_text__contains=o.promo[:40]).count()
        for s, o in zip(sources, outlets, strict=True)
    )
    learned = LearnedBlock.objects.filter(removed=True).count()
    count = len(sizes)
    print(
        f"{SOURCES} sources x {ARTICLES_PER_SOURCE} articles = {count} pages on loopback, "
        f"{sizes[0] / 1024:.0f}-{sizes[-1] / 1024:.0f} KB of HTML each "
        f"(median {sizes[count // 2] / 1024:.0f} KB), summary-only RSS, no images"
    )
    print(f"  {'':34} {'seconds':>8} {'articles/s':>11}")
    for label, seconds in [
        ("Herald: poll_source, end to end", herald_seconds),
        ("bare trafilatura.extract(bytes)", bare_seconds),
    ]:
        print(f"  {label:34} {seconds:8.1f} {count / seconds:11.1f}")
    ratio = herald_seconds / bare_seconds
    verdict = "within" if ratio <= 1.3 else "over"
    print(f"  time Herald / bare: {ratio:.2f}x ({verdict} the 1.3x target)")
    print(f"  peak memory (ru_maxrss, whole process): {peak_memory_mb():.0f} MB")
    print(
        f"  stored {stored} of {count} articles, {from_page} with the page's text "
        f"(bare trafilatura found a text in {found} pages)"
    )
    print(
        f"  blocks learned as boilerplate: {learned}; "
        f"source promo left in {promos_left} stored articles"
    )
    if spent is not None:
        bare_ms = bare_seconds / count * 1000
        print(f"  where Herald's time went, ms per article (bare extraction: {bare_ms:.2f}):")
        for row, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"    {row:44} {seconds / count * 1000:6.2f} {seconds / herald_seconds:6.1%}")
    print(BEYOND_EXTRACTION)
    if stored != count:
        sys.exit(f"FAILED: {count - stored} articles were not stored")


if __name__ == "__main__":
    main()
