"""Main-text extraction scored against hand-made ground truth (the Scrapinghub article
extraction benchmark in the shared data folder): the two extractors compared, plain trafilatura
and Herald's pipeline, and token-level precision, recall and F1 of each page."""

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from statistics import fmean

import trafilatura

from articles.extract import decode_html, read_page
from herald.lib.sanitize import clean_html, html_to_text
from herald.testing import SHARED_DATA

SCRAPINGHUB = SHARED_DATA / "extraction" / "scrapinghub"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sample:
    id: str
    url: str
    html: bytes  # as served
    expected: str  # the article's body, as annotated by hand


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def scrapinghub_pages(folder=SCRAPINGHUB) -> Iterator[Sample]:
    """The corpus's pages with their ground truth, in a stable order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        yield Sample(key, item["url"], html, item["articleBody"])


# --- the two extractors: page bytes in, article text out -----------------------------------


def trafilatura_text(body: bytes, url: str) -> str:
    """Plain trafilatura with its default options, on the page decoded as Herald decodes it."""
    return trafilatura.extract(decode_html(body)) or ""


def herald_text(body: bytes, url: str) -> str:
    """What ingest stores as an article's content_text when it reads the page (ingest._draft):
    decode, read (trafilatura with Herald's options, title and byline dropped), sanitise, to
    text. boilerplate.clean_for is left out: a source learns nothing from a single page."""
    page = read_page(decode_html(body), url)
    if page is None:
        return ""
    return html_to_text(clean_html(page.content_html, base_url=page.url, keep_images=False))


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    "trafilatura": trafilatura_text,
    "herald": herald_text,
}


# --- scoring --------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    """The words of `text`, casefolded, with how often each occurs."""
    return Counter(_WORD.findall(text.casefold()))


def score(found: str, expected: str) -> Score:
    """Token-level precision, recall and F1 of `found` against `expected`, counting each word as
    often as it occurs in both (multiset overlap). Finding nothing scores 0 throughout."""
    got, want = tokens(found), tokens(expected)
    common = sum((got & want).values())
    if not common:
        return Score(0.0, 0.0, 0.0)
    precision, recall = common / got.total(), common / want.total()
    return Score(precision, recall, 2 * precision * recall / (precision + recall))


def macro(scores: list[Score]) -> Score:
    """The mean of each measure over pages, every page counting the same."""
    return Score(
        fmean(s.precision for s in scores),
        fmean(s.recall for s in scores),
        fmean(s.f1 for s in scores),
    )
