"""How well Herald finds an article's text, against plain trafilatura, in one run.

1. Scrapinghub corpus (181 real pages with hand-made ground truth, from the shared data folder):
   token precision, recall and F1 (words, casefolded, multiset overlap; macro-averaged over
   pages) and the time per page of (a) trafilatura.extract() with default options and (b) what
   ingest stores as an article's text (decode_html, read_page, clean_html, html_to_text). Both
   start from the page's bytes, decoded by decode_html; they run interleaved, page by page.
2. A content farm: the demo newswire's "trendpulse" outlet puts promos, share bars, related links
   and a comment form inside <article>. Its article pages are fetched over HTTP and read by (a)
   trafilatura.extract() and (b) real ingest (poll_source, its feed served without the full text
   so that every page is read; the source then learns its boilerplate from those articles). For
   each page: how many of its promo lines (blocks of <article> that are not the story's own
   paragraphs, as the wire wrote them) are left in the text.

Prints both tables and the process's peak memory (ru_maxrss). Run from the project's root:

    .venv/bin/python bench/extraction.py
"""

import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import allow_fetching_from, peak_memory_mb, start_herald


def scrapinghub() -> None:
    from bench.scoring import EXTRACTORS, SCRAPINGHUB, macro, score, scrapinghub_pages

    if not SCRAPINGHUB.is_dir():
        print(f"Scrapinghub corpus not found at {SCRAPINGHUB}: skipped")
        return
    samples = list(scrapinghub_pages())
    for extract in EXTRACTORS.values():  # first calls load models and caches: not timed
        extract(samples[0].html, samples[0].url)
    scores: dict[str, list] = {name: [] for name in EXTRACTORS}
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    for sample in samples:
        for name, extract in EXTRACTORS.items():
            started = time.perf_counter()
            text = extract(sample.html, sample.url)
            seconds[name] += time.perf_counter() - started
            scores[name].append(score(text, sample.expected))

    print(f"Scrapinghub article bodies: {len(samples)} pages, token scores macro-averaged")
    print(f"  {'':30} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}")
    labels = {"trafilatura": "trafilatura.extract (default)", "herald": "Herald pipeline"}
    for name, label in labels.items():
        total = macro(scores[name])
        ms = seconds[name] / len(samples) * 1000
        print(f"  {label:30} {total.precision:9.3f} {total.recall:7.3f} {total.f1:6.3f} {ms:8.1f}")
    ratio = seconds["herald"] / seconds["trafilatura"]
    print(f"  time Herald / trafilatura: {ratio:.2f}x")


def trendpulse() -> None:
    import lxml.html
    import trafilatura

    from articles.boilerplate import blocks, normalise
    from articles.extract import decode_html
    from articles.models import Article
    from herald.lib import http
    from herald.lib.sanitize import html_to_text
    from herald.testing import FeedServer
    from newswire.server import start
    from sources.models import Source
    from sources.newswire import seed_newswire
    from sources.poll import poll_source

    def promo_lines(page_html: str, own: set[str]) -> list[str]:
        article = lxml.html.document_fromstring(page_html).xpath("//article")[0]
        found = blocks(lxml.html.tostring(article, encoding="unicode"))
        return [block.text for block in found if normalise(block.text) not in own]

    def surviving(promos: list[str], text: str, own: set[str]) -> list[str]:
        # A promo is left if a line of the text that is not a paragraph of the story holds it.
        lines = [f" {line} " for line in map(normalise, text.splitlines()) if line not in own]
        return [promo for promo in promos if any(f" {normalise(promo)} " in x for x in lines)]

    wire, feeds = start(port=0), FeedServer()
    allow_fetching_from(wire.url, feeds.url)
    try:
        seed_newswire(wire.url)
        outlet = wire.wire.outlet("trendpulse")
        stories = wire.wire.articles_of("trendpulse")
        source = Source.objects.get(feed_url=wire.url + outlet.feed_path)
        # The outlet's own feed carries each story whole; without it Herald reads every page.
        feed = http.fetch(source.feed_url).body
        summaries = re.sub(rb"<content:encoded>.*?</content:encoded>", b"", feed, flags=re.S)
        source.feed_url = feeds.serve("/trendpulse.xml", summaries)
        source.save(update_fields=["feed_url"])
        poll_source(source.pk, force=True)  # stores the articles, then learns from them
        stored = {a.guid: a for a in Article.objects.filter(source=source)}
        learned = source.learned_blocks.filter(removed=True).count()

        columns = {
            "trafilatura.extract (default)": [],
            "Herald, page read, nothing learned": [],
            "Herald, after learning (stored text)": [],
        }
        total = 0
        for story in stories:
            response = http.fetch(wire.url + story.url_path)
            html = decode_html(response.body, response.headers.get("content-type", ""))
            own = {normalise(block.text) for block in blocks(story.body_html)}
            promos = promo_lines(html, own)
            total += len(promos)
            article = stored[story.guid]
            texts = [
                trafilatura.extract(html) or "",
                html_to_text(article.raw_html),  # sanitised page text before learned removal
                article.content_text,
            ]
            for found, text in zip(columns.values(), texts, strict=True):
                found.append(surviving(promos, text, own))
    finally:
        wire.stop()
        feeds.stop()

    pages = len(stories)
    print(
        f"\nContent farm (newswire 'trendpulse'): {pages} article pages over HTTP, "
        f"{len(stored)} stored by ingest, {total / pages:.1f} promo lines per page, "
        f"{learned} blocks learned as boilerplate"
    )
    print(f"  {'':38} {'promo lines left/page':>21} {'pages with any':>14}")
    for label, found in columns.items():
        left = sum(map(len, found)) / pages
        print(f"  {label:38} {left:21.2f} {sum(map(bool, found)):>14}")
    for label, found in columns.items():
        common = Counter(promo for page in found for promo in page).most_common(3)
        listed = "; ".join(f"{promo[:40]!r} x{count}" for promo, count in common) or "none"
        print(f"  most often left by {label}: {listed}")


def main() -> None:
    start_herald()
    scrapinghub()
    trendpulse()
    print(f"\nPeak memory (ru_maxrss, whole process): {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
