"""Stories across outlets, scored and timed: articles are assigned to stories one by one in the
order they arrive, as the organize step does (cluster.assign_story under organize.story_lock()),
in a throwaway Herald, and the stories found are scored against known ones. In the order
printed:

1. Scale: 10,000 articles, the BBC corpus (shared data) and generated copies and rewrites of its
   articles by 40 outlets, about three an hour over four months: time, articles per second and
   peak memory (the target is under a minute), then the related stories of every article,
   timed apart. First, so that the peak memory it reports is its own.
2. What the copy threshold rests on: the exact Jaccard of word shingles of generated copies and
   rewrites, and of every pair of distinct BBC articles.
3. NewsWCL50 (shared data): 10 events, each reported by 5 outlets in very different words; all
   given one date, arriving in a shuffled order (and the range over six orders).
4. Near-duplicates: the BBC corpus (2,225 articles, 98 pairs of byte-identical files) arriving
   three an hour, plus lightly edited copies of some articles (a sentence dropped, a promo line
   added, a few words changed) published minutes to hours after them. Gold: byte-identical files
   are one story, a copy belongs with its original, everything else is its own story. The
   corpus also holds texts re-issued under a new headline, which are scored once more as the
   copies they are.
5. The demo newswire (in this repository): each event as its outlets publish it, copied or
   rewritten, at the newswire's own times.

Scores are B-cubed precision, recall and F1 (per article: how much of its found story is its
true story, and the reverse) and pairwise F1 (over pairs of articles put together). What needs
the shared data is skipped, with a message, where it is absent. Run from the root:

    .venv/bin/python -m bench.stories
"""

import hashlib
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import peak_memory_mb, start_herald
from herald.testing import SHARED_DATA

NEWSWCL50 = SHARED_DATA / "stories" / "newswcl50"
BBC = SHARED_DATA / "classification" / "bbc-news"
START = datetime(2025, 1, 6, 6, tzinfo=UTC)
SCALE = 10_000
OUTLETS = [f"outlet-{n:02d}" for n in range(40)]
PROMOS = [
    "Sign up for our free morning newsletter and never miss a story.",
    "This story first appeared on our partner site. Share it with your friends!",
    "Follow us on social media for the latest updates.",
    "Enjoyed this article? Support independent journalism from just 1 a month.",
]
# A rewriter's vocabulary: another outlet says the same thing in its own words.
SYNONYMS = {
    "said": "told reporters", "says": "argues", "company": "firm", "firm": "company",
    "rose": "climbed", "fell": "dropped", "increase": "rise", "rise": "increase",
    "government": "administration", "people": "individuals", "big": "large", "large": "big",
    "also": "additionally", "however": "but", "expected": "forecast", "plans": "intends",
    "announced": "unveiled", "new": "fresh", "first": "initial", "last": "previous",
    "help": "assist", "show": "reveal", "shows": "reveals", "think": "believe",
    "because": "as", "about": "around", "many": "numerous", "more": "additional",
    "make": "create", "made": "produced", "get": "obtain", "got": "obtained", "want": "wish",
    "wants": "wishes", "told": "informed", "added": "continued", "claimed": "alleged",
    "country": "nation", "world": "globe", "week": "seven days", "month": "four weeks",
    "began": "started", "start": "begin", "started": "began", "end": "finish",
    "important": "significant", "major": "key", "key": "central", "set": "poised",
    "within": "inside", "despite": "in spite of", "while": "whereas", "could": "might",
    "would": "will", "should": "ought to", "must": "has to", "very": "highly",
    "biggest": "largest", "largest": "biggest", "top": "leading", "win": "victory",
    "won": "clinched", "lost": "was beaten in", "deal": "agreement", "talks": "negotiations",
    "chief": "head", "boss": "chief executive", "market": "marketplace", "sales": "takings",
    "profits": "earnings", "shares": "stock", "now": "currently", "still": "yet",
}  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Item:
    """One article to assign, with the story it truly belongs to."""

    key: str  # unique: the article's GUID
    outlet: str
    title: str
    text: str
    published: datetime
    gold: str
    language: str = "en"


# --- the corpora ---------------------------------------------------------------------------------


def newswcl50_items(order_seed: int = 0) -> list[Item]:
    """NewsWCL50's 50 articles, all dated START, in a shuffled order. The first line is the
    headline, except where a file opens with its dateline paragraph (no headline kept)."""
    items = []
    for path in sorted((NEWSWCL50 / "articles").glob("event_*/*.txt*")):
        event = path.parent.name
        outlet = path.name.split("_")[1].split(".")[0]
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        if len(lines[0]) <= 200:
            title, paragraphs = lines[0], lines[1:]
        else:
            title, paragraphs = " ".join(_SENTENCE_END.split(lines[0])[0].split()[:25]), lines
        text = "\n\n".join(paragraphs)
        items.append(Item(f"wcl-{path.stem}", f"wcl-{outlet}", title, text, START, event))
    random.Random(f"newswcl50-{order_seed}").shuffle(items)
    return items


def bbc_articles() -> list[tuple[str, str, str, str]]:
    """The BBC corpus as (key, title, text, md5 of the file), in a stable order."""
    articles = []
    for path in sorted(BBC.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:  # sport/199.txt is Latin-1
            content = raw.decode("latin-1")
        title, _, text = content.partition("\n")
        key = f"bbc-{path.parent.name}-{path.stem}"
        articles.append((key, title.strip(), text.strip(), hashlib.md5(raw).hexdigest()))
    return articles


def copy_of(item: Item, key: str, outlet: str, published: datetime, rng: random.Random) -> Item:
    """A content farm's light edit: one sentence dropped, a few words changed, a promo line
    added, sometimes a new headline."""
    paragraphs = [_SENTENCE_END.split(p) for p in item.text.split("\n\n") if p.strip()]
    places = [(p, s) for p, sentences in enumerate(paragraphs) for s in range(len(sentences))]
    if len(places) > 4:
        p, s = rng.choice(places[1:])
        del paragraphs[p][s]
    words = "\n\n".join(" ".join(s) for s in paragraphs if s).split(" ")
    for _ in range(rng.randint(2, 5)):
        n = rng.randrange(len(words))
        words[n] = SYNONYMS.get(words[n], rng.choice(["now", "also", "reportedly", "the"]))
    text = " ".join(words) + "\n\n" + rng.choice(PROMOS)
    title = item.title if rng.random() < 0.5 else f"{rng.choice(['UPDATE', 'WATCH'])}: {item.title}"
    return replace(item, key=key, outlet=outlet, title=title, text=text, published=published)


def rewrite_of(item: Item, key: str, outlet: str, published: datetime, rng: random.Random) -> Item:
    """Another outlet's own report of the same event: a headline from its lead, the lead and
    about half of the other sentences, the middle reordered, each in other words (the
    rewriter's vocabulary, clauses swapped, terse: no articles)."""
    sentences = [s for p in item.text.split("\n\n") for s in _SENTENCE_END.split(p) if s.strip()]
    lead, rest = sentences[0], [s for s in sentences[1:] if rng.random() < 0.5]
    rng.shuffle(rest)
    reworded = [_reword(s, rng) for s in [lead, *rest]]
    title = " ".join(reworded[0].rstrip(".").split()[:10])
    paragraphs = [" ".join(reworded[n : n + 3]) for n in range(0, len(reworded), 3)]
    return replace(
        item, key=key, outlet=outlet, title=title, text="\n\n".join(paragraphs), published=published
    )


def _reword(sentence: str, rng: random.Random) -> str:
    head, comma, tail = sentence.rstrip(".").partition(", ")
    if comma and rng.random() < 0.5:
        head, tail = tail, head
    words = f"{head}{comma}{tail}".split(" ")
    words = [SYNONYMS.get(w, w) for w in words if w.lower() not in ("the", "a", "an", "that")]
    return " ".join(words) + "."


def near_duplicate_items() -> list[Item]:
    """The BBC corpus, three articles an hour in a shuffled order, and 1-3 copies of every sixth
    article, by content farms, 5 minutes to 6 hours after it; in order of publication."""
    rng = random.Random("near-duplicates")
    articles = bbc_articles()
    rng.shuffle(articles)
    items = []
    for n, (key, title, text, md5) in enumerate(articles):
        original = Item(key, "bbc", title, text, START + timedelta(minutes=20 * n), md5)
        items.append(original)
        if n % 6 == 0:
            for c in range(rng.randint(1, 3)):
                published = original.published + timedelta(minutes=rng.randint(5, 360))
                outlet = rng.choice(OUTLETS[:10])
                items.append(copy_of(original, f"{key}-copy{c}", outlet, published, rng))
    return sorted(items, key=lambda item: (item.published, item.key))


def newswire_items() -> list[Item]:
    """The demo newswire: every outlet's article with the event it reports."""
    from herald.lib.sanitize import html_to_text
    from newswire.build import build_wire

    wire = build_wire(START)
    items = [
        Item(
            key=a.guid,
            outlet=a.outlet,
            title=a.title,
            text=html_to_text(a.body_html),
            published=a.published,
            gold=a.event_id,
            language=a.language,
        )
        for a in wire.articles
    ]
    return sorted(items, key=lambda item: (item.published, item.key))


def scale_items(total: int = SCALE) -> list[Item]:
    """The BBC corpus as events four months long, three articles an hour in all: each covered
    first by the BBC and then by 0-9 of 40 outlets (about 3.5 on average), a third of them
    copying a text already out, the rest rewriting, 10 minutes to 8 hours later."""
    rng = random.Random("scale")
    articles = bbc_articles()
    rng.shuffle(articles)
    followers = [0] * len(articles)
    for _ in range(total - len(articles)):
        followers[rng.randrange(len(articles))] += 1
    hours = total / 3
    items = []
    for n, (key, title, text, md5) in enumerate(articles):
        published = START + timedelta(hours=hours * n / len(articles))
        coverage = [Item(key, "bbc", title, text, published, md5)]
        for f in range(followers[n]):
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            later = published + timedelta(minutes=rng.randint(10, 480))
            if rng.random() < 1 / 3:
                source = rng.choice(coverage)
                coverage.append(copy_of(source, f"{key}-{f}", outlet, later, rng))
            else:
                coverage.append(rewrite_of(coverage[0], f"{key}-{f}", outlet, later, rng))
        items += coverage
    return sorted(items, key=lambda item: (item.published, item.key))


# --- assigning -----------------------------------------------------------------------------------


def store(items: list[Item]) -> list:
    """One Source per outlet and one Article per item, in the database; returns the articles in
    the items' order."""
    from django.utils.text import slugify

    from articles.models import Article
    from sources.models import Source

    sources = {
        outlet: Source.objects.get_or_create(
            feed_url=f"https://{outlet}.example/feed", defaults={"name": outlet}
        )[0]
        for outlet in sorted({item.outlet for item in items})
    }
    return Article.objects.bulk_create(
        Article(
            source=sources[item.outlet],
            guid=item.key,
            url=f"https://{item.outlet}.example/{slugify(item.key)}",
            title=item.title[:500],
            slug=slugify(item.title)[:100].strip("-") or "article",
            published_at=item.published,
            content_text=item.text,
            language=item.language,
        )
        for item in items
    )


def assign(articles: list) -> list[int]:
    """Each article to its story, in the given order, as organize does; returns their story
    ids as the database has them afterwards."""
    from articles import cluster
    from articles.models import Article
    from articles.organize import story_lock

    for article in articles:
        with story_lock():
            cluster.assign_story(article, article.published_at)
    story_of = dict(
        Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", "story_id")
    )
    return [story_of[a.pk] for a in articles]


def assign_all(items: list[Item]) -> list[int]:
    """Store the items and assign them in their order; their story ids, in the same order."""
    return assign(store(items))


# --- scoring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pairwise_f1: float

    def __str__(self) -> str:
        return (
            f"B-cubed P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}, "
            f"pairwise F1 {self.pairwise_f1:.3f}"
        )


def score(gold: list, found: list) -> Score:
    """B-cubed precision, recall and F1, and pairwise F1, of `found` against `gold` (one label
    per article, in the same order)."""
    in_gold, in_found, in_both = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, f in zip(gold, found, strict=True):
        in_gold[g] += 1
        in_found[f] += 1
        in_both[g, f] += 1
    precision = sum(in_both[g, f] * in_both[g, f] / in_found[f] for g, f in in_both) / len(gold)
    recall = sum(in_both[g, f] * in_both[g, f] / in_gold[g] for g, f in in_both) / len(gold)
    together = sum(comb(n, 2) for n in in_both.values())
    found_pairs = sum(comb(n, 2) for n in in_found.values())
    gold_pairs = sum(comb(n, 2) for n in in_gold.values())
    pair_p = together / found_pairs if found_pairs else 1.0
    pair_r = together / gold_pairs if gold_pairs else 1.0
    return Score(precision, recall, _f1(precision, recall), _f1(pair_p, pair_r))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- the copy threshold, measured ----------------------------------------------------------------


def shingles(item: Item) -> set[str]:
    from articles.cluster import SHINGLE_WORDS

    words = _WORD.findall(f"{item.title}\n{item.text}".casefold())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words))}


def jaccard(a: Item, b: Item) -> float:
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def shingle_jaccards(items: list[Item]):
    """Exact Jaccard similarity of every pair of items' word shingles, as a dense matrix."""
    import numpy as np
    from scipy import sparse

    rows, columns, vocabulary = [], [], {}
    for n, item in enumerate(items):
        for shingle in shingles(item):
            rows.append(n)
            columns.append(vocabulary.setdefault(shingle, len(vocabulary)))
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)))
    shared = (matrix @ matrix.T).toarray()
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    return shared / (sizes[:, None] + sizes[None, :] - shared)


def reissued_pairs(jaccards, articles, threshold: float) -> list[tuple[int, int]]:
    """Pairs of BBC articles, not byte-identical, whose texts are the same at `threshold`."""
    import numpy as np

    md5 = [a[3] for a in articles]
    upper = np.argwhere(np.triu(jaccards, 1) >= threshold)
    return [(i, j) for i, j in upper if md5[i] != md5[j]]


def measure_copy_threshold() -> None:
    """Print what the copy threshold rests on."""
    import numpy as np

    from articles.cluster import COPY_JACCARD, SHINGLE_WORDS

    articles = bbc_articles()
    originals = [Item(k, "bbc", t, x, START, m) for k, t, x, m in articles]
    jaccards = shingle_jaccards(originals)
    md5 = np.array([a[3] for a in articles])
    distinct = jaccards[np.triu_indices(len(articles), 1)][
        (md5[:, None] != md5[None, :])[np.triu_indices(len(articles), 1)]
    ]
    rng = random.Random("measure")
    copies, rewrites = [], []
    for item in originals:
        copies.append(jaccard(item, copy_of(item, "c", "x", START, rng)))
        rewrites.append(jaccard(item, rewrite_of(item, "r", "x", START, rng)))
    below = distinct[distinct < COPY_JACCARD]
    print(f"Exact Jaccard of {SHINGLE_WORDS}-word shingles, BBC corpus:")
    print(
        f"  generated light copies: 0.1st/1st/5th percentile "
        f"{np.percentile(copies, 0.1):.2f}/{np.percentile(copies, 1):.2f}/"
        f"{np.percentile(copies, 5):.2f}, median {np.median(copies):.2f}"
    )
    print(
        f"  generated rewrites: median {np.median(rewrites):.2f}, "
        f"99th percentile {np.percentile(rewrites, 99):.2f}"
    )
    print(
        f"  distinct articles (not byte-identical): {len(distinct):,} pairs, "
        f"{(distinct >= COPY_JACCARD).sum()} at {COPY_JACCARD} or more (texts re-issued under "
        f"a new headline), the highest below it {below.max():.2f}; "
        f"{(distinct >= 0.3).sum()} at 0.3 or more"
    )
    print(f"  COPY_JACCARD = {COPY_JACCARD}")


# --- main ----------------------------------------------------------------------------------------


def grouped(labels: list, pairs: list[tuple[int, int]]) -> list:
    """The labels with each pair's two members given one label (union-find)."""
    parent = list(range(len(labels)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first = {}
    for n, label in enumerate(labels):  # one gold story per label to start with
        parent[n] = first.setdefault(label, n)
    for i, j in pairs:
        parent[root(i)] = root(j)
    return [root(n) for n in range(len(labels))]


def fresh() -> None:
    """Empty the database's stories and articles, for the next corpus."""
    from articles.models import Article, Story
    from sources.models import Source

    Article.objects.all().delete()
    Story.objects.all().delete()
    Source.objects.all().delete()


def run_newswcl50() -> None:
    scores = []
    for seed in range(6):
        fresh()
        items = newswcl50_items(seed)
        scores.append(score([i.gold for i in items], assign_all(items)))
    print(f"NewsWCL50: 50 articles, 10 events x 5 outlets, one date\n  {scores[0]}")
    f1s = sorted(s.f1 for s in scores)
    print(f"  B-cubed F1 over {len(scores)} arrival orders: {f1s[0]:.3f} to {f1s[-1]:.3f}")


def run_near_duplicates() -> None:
    from articles.cluster import COPY_JACCARD
    from articles.models import Article

    fresh()
    items = near_duplicate_items()
    found = assign_all(items)
    gold = [i.gold for i in items]
    copies = sum("-copy" in i.key for i in items)
    print(
        f"Near-duplicates: {len(items)} articles, the BBC corpus and {copies} generated copies"
        f"\n  {score(gold, found)}"
    )
    # The corpus's own re-issued texts grouped as well, by their exact Jaccard.
    originals = [i for i in items if "-copy" not in i.key]
    jaccards = shingle_jaccards(originals)
    position = {i.key: n for n, i in enumerate(items)}
    articles = [(i.key, i.title, i.text, i.gold) for i in originals]
    pairs = [
        (position[originals[i].key], position[originals[j].key])
        for i, j in reissued_pairs(jaccards, articles, COPY_JACCARD)
    ]
    print(
        f"  with the corpus's {len(pairs)} re-issued texts (exact Jaccard >= {COPY_JACCARD}) as "
        f"copies too: {score(grouped(gold, pairs), found)}"
    )
    marked = Article.objects.filter(duplicate_of__isnull=False).count()
    generated = [i.key for i in items if "-copy" in i.key]
    found_copies = Article.objects.filter(guid__in=generated, duplicate_of__isnull=False).count()
    print(
        f"  marked as a copy (duplicate_of): {marked} articles, {found_copies} of the "
        f"{len(generated)} generated copies"
    )


def run_newswire() -> None:
    fresh()
    items = newswire_items()
    found = assign_all(items)
    print(
        f"Demo newswire: {len(items)} articles, {len({i.gold for i in items})} events, "
        f"copied and rewritten\n  {score([i.gold for i in items], found)}"
    )


def run_scale() -> None:
    from articles import related
    from articles.models import Article, MinHashBand, RelatedArticle, Story

    fresh()
    items = scale_items()
    articles = store(items)
    before = peak_memory_mb()
    started = time.perf_counter()
    found = assign(articles)
    seconds = time.perf_counter() - started
    days = (items[-1].published - items[0].published).days
    print(
        f"Scale: {len(items):,} articles from {len({i.outlet for i in items})} outlets over "
        f"{days} days, assigned one by one\n  {seconds:.1f} s, {len(items) / seconds:.0f} "
        f"articles/s ({'within' if seconds < 60 else 'over'} the one-minute target), "
        f"peak memory {peak_memory_mb():.0f} MB ({before:.0f} MB before the first: the "
        f"libraries and the {len(items):,} articles held by this benchmark)"
    )
    print(
        f"  {score([i.gold for i in items], found)}; {Story.objects.count():,} stories, "
        f"{MinHashBand.objects.count():,} index rows"
    )
    started = time.perf_counter()
    for article in Article.objects.order_by("published_at"):
        related.refresh_related(article, article.published_at)
    seconds = time.perf_counter() - started
    links = RelatedArticle.objects.count()
    print(
        f"  related stories of every article: {seconds:.1f} s, {len(items) / seconds:.0f} "
        f"articles/s, {links / len(items):.1f} links per article"
    )


def main() -> None:
    start_herald()
    from articles import cluster, related

    print(
        f"Copies: {cluster.SHINGLE_WORDS}-word shingles, MinHash of {cluster.NUM_PERM}, "
        f"{cluster.BANDS} bands of {cluster.ROWS}, estimated Jaccard >= {cluster.COPY_JACCARD}. "
        f"Same event: score >= {cluster.SAME_EVENT} ({cluster.TEXT_WEIGHT} x title-and-lead "
        f"cosine + {1 - cluster.TEXT_WEIGHT:.1f} x names shared) within "
        f"{cluster.WINDOW.total_seconds() / 3600:.0f} h. Related: score >= "
        f"{related.MIN_SIMILARITY} within {related.WINDOW.days} days."
    )
    if BBC.is_dir():
        run_scale()
        measure_copy_threshold()
    else:
        print(f"skipped the scale run and the copy threshold: the BBC corpus is absent ({BBC})")
    if NEWSWCL50.is_dir():
        run_newswcl50()
    else:
        print(f"skipped NewsWCL50: the corpus is absent ({NEWSWCL50})")
    if BBC.is_dir():
        run_near_duplicates()
    else:
        print(f"skipped near-duplicates: the BBC corpus is absent ({BBC})")
    run_newswire()


if __name__ == "__main__":
    main()
