"""The same story across outlets: each new article joins a story or starts one, in two stages:
copies of a text found by MinHash, then the same event in other words found by title-and-lead
words and names. The editors' verbs on stories (merge, split, pick the headline) are here too."""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import numpy as np
from datasketch import LeanMinHash, MinHash
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer
from sklearn.utils import murmurhash3_32

from articles import related
from articles.models import Article, MinHashBand, MinHashSignature, RelatedArticle, Story

# --- Stage 1: copies ----------------------------------------------------------------------------
# Measured on the BBC corpus with bench/stories.py (exact Jaccard of word 3-shingles): generated
# light edits of an article (a sentence dropped, a promo added, a few words changed) score 0.61
# at their 1st percentile (0.54 at the 0.1st), generated rewrites 0.40 at their 99th; distinct
# articles score 0.42 at most, but for 72 pairs at 0.5 or more that are one text re-issued under
# a new headline. Shorter shingles forgive small edits better; three words are still rare
# enough that two different stories share few of them.
SHINGLE_WORDS = 3
COPY_JACCARD = 0.5
NUM_PERM = 128
# datasketch's choice for that threshold, MinHashLSH(threshold=0.5, num_perm=128,
# weights=(0.1, 0.9)).b and .r: a missed copy weighs nine times a wasted look-up, since every
# candidate is confirmed by its estimated Jaccard anyway. A copy at 0.5 is found 87% of the
# time, at 0.6 99%. The keys in the database depend on these numbers (and on the seed, scheme
# and hash below): changing any of them means indexing every article again.
BANDS, ROWS = 32, 4
MINHASH_SEED, MINHASH_SCHEME = 1, "affine32"
# scikit-learn's MurmurHash3 for each shingle, as the HashingVectorizer uses: a few times faster
# than datasketch's default SHA-1, and as good for MinHash.
_EMPTY_MINHASH = MinHash(
    num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
    hashfunc=partial(murmurhash3_32, positive=True),
)  # fmt: skip
MIN_SHINGLES = 20  # a title alone shares too little with anything to be called a copy
COPY_CANDIDATES = 50  # the articles sharing most bands: enough, even under a common boilerplate

# --- Stage 2: the same event in other words -----------------------------------------------------
# Tuned with bench/stories.py on NewsWCL50 (one event, five outlets, very different wording) for
# recall against the BBC corpus (distinct stories, many on one topic, three an hour) for
# precision: B-cubed F1 0.89 and 0.97. A lower threshold or more weight on names joins more of
# NewsWCL50 and more of the BBC's distinct stories alike.
WINDOW = timedelta(hours=24)  # outlets cover an event within a day of each other
STORY_CANDIDATES = 300  # the most recent stories in the window; bounds the cost per article
LEAD_WORDS = 60  # the title and this much of the text say what the event is
TEXT_WEIGHT = 0.7  # the rest of the score is the share of the article's names the story has
SAME_EVENT = 0.3
PROFILE_TERMS, PROFILE_NAMES = 400, 150

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_NAME_WORD = re.compile(r"[^\W\d_]\w*")
# Capitalised but not names: a sentence's first word is skipped anyway; these start one mid-way
# (after a colon, inside a quote) or are capitalised by rule. Not May: as often a name.
_NOT_NAMES = {
    *ENGLISH_STOP_WORDS, "mr", "mrs", "ms", "dr", "said", "says",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
# Stateless, so every worker on every machine computes the same vector without a shared
# vocabulary. Like TF-IDF without the IDF, which would need document counts shared by all:
# a word counts once however often it is used, and common words are dropped (English by its
# stop words; other languages by length, since most of theirs are short).
_VECTORIZER = {
    "en": HashingVectorizer(
        n_features=2**20, alternate_sign=False, binary=True, norm="l2", stop_words="english"
    ),
    "other": HashingVectorizer(
        n_features=2**20, alternate_sign=False, binary=True, norm="l2",
        token_pattern=r"(?u)\b\w{4,}\b",
    ),
}  # fmt: skip


def assign_story(article: Article, now: datetime) -> Story:
    """Join the article to its story, or start one. Called under organize.story_lock(): the
    index and the stories it reads are the database's, so workers anywhere agree. The article's
    own date, not `now`, decides which stories are recent enough to join."""
    if article.story_id:
        return article.story
    minhash = minhash_of(article)
    keys = band_keys(minhash) if minhash else []
    candidates = copy_candidates(keys)
    indexed = candidates.pop(article.pk, None) is not None  # its story since deleted
    copied = find_copied(minhash, candidates) if minhash else None
    features = None
    if copied is not None:
        story = copied.story
        _mark_copy(article, copied)
    else:
        (features,) = features_of([article])
        story = _same_event(article, features) or Story(language=language_key(article.language))
    if minhash and not indexed:
        index(article, minhash, keys)
    _add_to_story(story, article, features)
    article.story = story
    article.save(update_fields=["story", "duplicate_of"])
    return story


def _add_to_story(story: Story, article: Article, features: "Features | None") -> None:
    """The story's counts, dates, headline and profile with one more article: what
    refresh_story would find, without reading every article of the story again."""
    if story.pk is None:
        story.article_count = story.outlet_count = 0
        story.first_published_at = story.last_published_at = article.published_at
    elif Article.objects.filter(story=story, source_id=article.source_id).exists():
        story.outlet_count -= 1  # counted again below
    # The headline is the earliest original: a copy never takes its place, nor an article
    # later than the story's first (the headline is read only when it might).
    if not story.headline_by_editor and article.duplicate_of_id is None:
        if story.headline_id is None:
            story.headline = article
        elif article.published_at <= story.first_published_at:
            story.headline = headline_of([story.headline, article])
    story.article_count += 1
    story.outlet_count += 1
    story.first_published_at = min(story.first_published_at, article.published_at)
    story.last_published_at = max(story.last_published_at, article.published_at)
    if features is not None:  # a copy would only count the same words again
        story.profile = Profile.from_bytes(story.profile).plus(features).to_bytes()
    story.save()


# --- stage 1: copies ----------------------------------------------------------------------------


def text_of(article: Article) -> str:
    return f"{article.title}\n{article.content_text or article.summary}"


def minhash_of(article: Article) -> MinHash | None:
    """The MinHash of the article's word shingles; None for a text too short to compare."""
    words = _WORD.findall(text_of(article).casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words))}
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = _EMPTY_MINHASH.copy()  # its permutations are computed once, not per article
    minhash.update_batch(shingles)
    return minhash


def band_keys(minhash: MinHash) -> list[int]:
    """One key per band: the band's number and hash values hashed into a signed 64-bit value,
    so that one indexed column answers every band."""
    values = minhash.hashvalues.astype("<u4")  # the same bytes on every machine
    keys = []
    for band in range(BANDS):
        chunk = band.to_bytes(2, "little") + values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def index(article: Article, minhash: MinHash, keys: list[int]) -> None:
    """Put the article in the near-duplicate index: its bands and its signature."""
    lean = LeanMinHash(minhash)
    signature = bytearray(lean.bytesize(byteorder="<"))
    lean.serialize(signature, byteorder="<")
    # Plain SQL: a model instance per band would cost more than the rest of the assignment.
    name = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {name(MinHashBand._meta.db_table)} ({name('article_id')}, {name('key')}) "
            "VALUES (%s, %s)",
            [(article.pk, key) for key in keys],
        )
        cursor.execute(
            f"INSERT INTO {name(MinHashSignature._meta.db_table)} "
            f"({name('article_id')}, {name('signature')}) VALUES (%s, %s)",
            [article.pk, bytes(signature)],
        )


def copy_candidates(keys: list[int]) -> dict[int, tuple[int, bytes]]:
    """Indexed articles sharing a band with these keys: how many bands, and their signature."""
    found: dict[int, tuple[int, bytes]] = {}
    # One row per band shared, with the sharing article's signature: one query.
    bands = MinHashBand.objects.filter(key__in=keys).values_list(
        "article_id", "article__minhash__signature"
    )
    for article_id, signature in bands:
        shared, _ = found.get(article_id, (0, b""))
        found[article_id] = (shared + 1, signature)
    return found


def find_copied(minhash: MinHash, candidates: dict[int, tuple[int, bytes]]) -> Article | None:
    """The candidate the article copies most closely, if any reaches COPY_JACCARD."""
    most_shared = sorted(candidates.items(), key=lambda c: c[1][0], reverse=True)
    best_id, best = None, COPY_JACCARD
    for article_id, (_, signature) in most_shared[:COPY_CANDIDATES]:
        jaccard = LeanMinHash.deserialize(bytes(signature), byteorder="<").jaccard(minhash)
        if jaccard >= best:
            best_id, best = article_id, jaccard
    if best_id is None:
        return None
    copied = Article.objects.select_related("story").get(pk=best_id)
    return copied if copied.story else None


def _mark_copy(article: Article, copied: Article) -> None:
    """The copy points at the original, the earliest text of the group. An article arriving late
    that was published first becomes the original of the group it joins."""
    original = copied.duplicate_of or copied
    if (article.published_at, article.pk) < (original.published_at, original.pk):
        Article.objects.filter(Q(pk=original.pk) | Q(duplicate_of=original)).update(
            duplicate_of=article
        )
        article.duplicate_of = None
    else:
        article.duplicate_of = original


# --- stage 2: the same event in other words -----------------------------------------------------


@dataclass(frozen=True)
class Features:
    """What an article says about its event: its title-and-lead words, hashed, as a unit vector
    (sorted indices and their weights), and the names its text mentions, hashed and sorted."""

    terms: np.ndarray
    weights: np.ndarray
    names: np.ndarray


@dataclass(frozen=True)
class Profile:
    """What a story says: its original articles' features summed (the heaviest kept), so that
    an article is compared with the story at once rather than with each of its articles. Stored
    packed in Story.profile; compared many at a time by similarities()."""

    articles: int
    terms: np.ndarray  # hashed words, sorted
    weights: np.ndarray  # their summed weights
    names: np.ndarray  # hashed names, sorted
    counts: np.ndarray  # how many of the articles mention each

    @classmethod
    def of(cls, features: list[Features], articles: int | None = None) -> "Profile":
        terms, weights = _summed(
            [f.terms for f in features], [f.weights for f in features], PROFILE_TERMS
        )
        names, counts = _summed(
            [f.names for f in features], [np.ones(len(f.names)) for f in features], PROFILE_NAMES
        )
        return cls(len(features) if articles is None else articles, terms, weights, names, counts)

    def plus(self, features: Features) -> "Profile":
        """The profile with one more article."""
        return Profile.of([self.as_features(), features], articles=self.articles + 1)

    def as_features(self) -> Features:
        return Features(self.terms, self.weights, self.names)

    def to_bytes(self) -> bytes:
        header = np.array([self.articles, len(self.terms), len(self.names)], dtype="<u4")
        return b"".join(
            array.tobytes()
            for array in (
                header, self.terms.astype("<u4"), self.weights.astype("<f4"),
                self.names.astype("<u4"), self.counts.astype("<f4"),
            )
        )  # fmt: skip

    @classmethod
    def from_bytes(cls, data: bytes) -> "Profile":
        if not data:
            return cls(0, *(np.zeros(0, dtype=t) for t in ("<u4", "<f4", "<u4", "<f4")))
        articles, terms, names = np.frombuffer(data, dtype="<u4", count=3)
        arrays, offset = [], 12
        for count, dtype in ((terms, "<u4"), (terms, "<f4"), (names, "<u4"), (names, "<f4")):
            arrays.append(np.frombuffer(data, dtype=dtype, count=int(count), offset=offset))
            offset += 4 * int(count)
        return cls(int(articles), *arrays)


def _summed(keys: list[np.ndarray], values: list[np.ndarray], keep: int):
    """Values summed by key across arrays; the `keep` largest sums, in key order."""
    if not keys:
        return np.zeros(0, dtype="<u4"), np.zeros(0, dtype="<f4")
    unique, where = np.unique(np.concatenate(keys), return_inverse=True)
    sums = np.bincount(where, weights=np.concatenate(values), minlength=len(unique))
    if len(unique) > keep:
        heaviest = np.sort(np.argpartition(-sums, keep)[:keep])
        unique, sums = unique[heaviest], sums[heaviest]
    return unique.astype("<u4"), sums.astype("<f4")


def language_key(language: str) -> str:
    """The language without its region: en-GB and en are compared with each other."""
    return language.split("-")[0].split("_")[0].strip().lower()


def names_in(text: str) -> set[str]:
    """Capitalised words that do not start a sentence: a cheap stand-in for named entities."""
    names = set()
    for sentence in _SENTENCE.split(text):
        for word in _NAME_WORD.findall(sentence)[1:]:
            if word[0].isupper() and len(word) > 1:
                key = word.casefold()
                if key not in _NOT_NAMES:
                    names.add(key)
    return names


def features_of(articles: list[Article]) -> list[Features]:
    """Features of several articles (one vectorizer call per language)."""
    by_language: dict[str, list[int]] = {}
    for n, article in enumerate(articles):
        language = "en" if language_key(article.language) in ("en", "") else "other"
        by_language.setdefault(language, []).append(n)
    found: list[Features] = [None] * len(articles)  # type: ignore[list-item]
    for language, positions in by_language.items():
        leads = []
        for n in positions:
            body = articles[n].content_text or articles[n].summary
            leads.append(f"{articles[n].title}\n{' '.join(body.split()[:LEAD_WORDS])}")
        vectors = _VECTORIZER[language].transform(leads).tocsr()
        vectors.sort_indices()
        for row, n in enumerate(positions):
            vector = vectors[row]
            text = articles[n].content_text or articles[n].summary or articles[n].title
            names = sorted({murmurhash3_32(name, positive=True) for name in names_in(text)})
            found[n] = Features(
                terms=vector.indices.astype("<u4"),
                weights=vector.data.astype("<f4"),
                names=np.array(names, dtype="<u4"),
            )
    return found


def similarities(features: Features, packed: list[bytes]) -> np.ndarray:
    """How alike the article and each story (its packed profile) read, 0 to 1: the cosine of
    the article's title-and-lead with the story's, and the share of the article's names the
    story's articles mention (a name all of them mention counts fully)."""
    if not packed:
        return np.zeros(0)
    # Every packed value is four bytes: all the profiles are read as one array of words and
    # compared in one pass, without a Python step per story.
    words = np.frombuffer(b"".join(bytes(p) or _EMPTY_PROFILE for p in packed), dtype="<u4")
    sizes = np.array([len(p) // 4 or 3 for p in packed])
    starts = np.cumsum(sizes) - sizes
    articles, terms, names = (words[starts + n].astype(np.int64) for n in range(3))
    term_at, term_owner = _ranges(starts + 3, terms)
    name_at, name_owner = _ranges(starts + 3 + 2 * terms, names)
    floats = words.view("<f4")
    weights = floats[term_at + np.repeat(terms, terms)].astype(float)
    dots = _dots(features.terms, features.weights, words[term_at], term_owner, len(packed), weights)
    norms = np.sqrt(np.bincount(term_owner, weights=weights**2, minlength=len(packed)))
    text = np.divide(dots, norms, out=np.zeros(len(packed)), where=norms > 0)
    counts = floats[name_at + np.repeat(names, names)].astype(float)
    mentions = _dots(features.names, None, words[name_at], name_owner, len(packed), counts)
    shared = mentions / np.maximum(articles, 1) / max(len(features.names), 1)
    return TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * shared


_EMPTY_PROFILE = bytes(12)  # no articles, no terms, no names


def _ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions start..start+count of every (start, count), one after the other, and the
    number of the pair each position comes from."""
    owner = np.repeat(np.arange(len(counts)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + offsets, owner


def _dots(keys, values, row_keys, owner, rows: int, row_values=None) -> np.ndarray:
    """For each row, the sum over the keys it shares with the sorted `keys` of the product of
    their values (a value of None is 1)."""
    if not len(keys) or not len(row_keys):
        return np.zeros(rows)
    at = np.minimum(np.searchsorted(keys, row_keys), len(keys) - 1)
    shared = keys[at] == row_keys
    products = np.ones(int(shared.sum())) if values is None else values[at[shared]]
    if row_values is not None:
        products = products * row_values[shared]
    return np.bincount(owner[shared], weights=products, minlength=rows)


def recent_stories(article: Article, window: timedelta):
    """Stories in the article's language with news within `window` of it, latest first."""
    moment = article.published_at
    return Story.objects.filter(
        language=language_key(article.language),
        last_published_at__gte=moment - window,
        first_published_at__lte=moment + window,
    ).order_by("-last_published_at")


def _same_event(article: Article, features: Features) -> Story | None:
    """The recent story that reads most like the article, if it reads enough alike."""
    candidates = recent_stories(article, WINDOW).values_list("pk", "profile")[:STORY_CANDIDATES]
    ids, profiles = zip(*candidates, strict=True) if candidates else ((), ())
    scores = similarities(features, list(profiles))
    if not len(scores) or scores.max() < SAME_EVENT:
        return None
    return Story.objects.get(pk=ids[int(scores.argmax())])


# --- the story as it stands -----------------------------------------------------------------------


def refresh_story(story: Story) -> Story:
    """Counts, dates, headline and profile from the story's articles as they are now."""
    members = list(Article.objects.filter(story=story))
    if not members:
        story.delete()
        return story
    story.article_count = len(members)
    story.outlet_count = len({a.source_id for a in members})
    story.first_published_at = min(a.published_at for a in members)
    story.last_published_at = max(a.published_at for a in members)
    if not story.headline_by_editor or story.headline_id not in {a.pk for a in members}:
        story.headline = headline_of(members)
        story.headline_by_editor = False
    # Copies would only count the same words again.
    originals = [a for a in members if a.duplicate_of_id is None] or members
    story.profile = Profile.of(features_of(originals)).to_bytes()
    story.save()
    return story


def headline_of(articles: list[Article]) -> Article:
    """The article shown for the story: the earliest original (not a copy), the most complete
    on a tie."""
    return min(
        articles,
        key=lambda a: (a.duplicate_of_id is not None, a.published_at, -len(a.content_text), a.pk),
    )


# --- the editors' verbs ---------------------------------------------------------------------------


@transaction.atomic
def merge_stories(keep: Story, other: Story) -> Story:
    """An editor says two stories are one: `other`'s articles join `keep`."""
    Article.objects.filter(story=other).update(story=keep)
    other.delete()
    story = refresh_story(keep)
    relink([keep.pk])
    return story


@transaction.atomic
def split_story(story: Story, article_ids: list[int]) -> Story:
    """An editor says some articles of a story are another story: they move to a new one."""
    moving = Article.objects.filter(story=story, pk__in=article_ids)
    first = moving.order_by("published_at").first()
    if first is None:
        raise ValueError("none of these articles belongs to the story")
    new = Story.objects.create(
        language=language_key(first.language),
        first_published_at=first.published_at,
        last_published_at=first.published_at,
    )
    moved = list(moving.values_list("pk", flat=True))
    # A copy is a copy of something in its own story: copies parted from their original stand
    # on their own now, on either side.
    moving.exclude(duplicate_of__in=moved).update(duplicate_of=None)
    Article.objects.filter(story=story, duplicate_of__in=moved).update(duplicate_of=None)
    Article.objects.filter(pk__in=moved).update(story=new)
    refresh_story(story)
    new = refresh_story(new)
    relink([story.pk, new.pk])
    return new


def pick_headline(story: Story, article: Article) -> Story:
    """An editor's pick of the article shown for the story; kept until they change it."""
    if article.story_id != story.pk:
        raise ValueError("the article is not part of this story")
    story.headline, story.headline_by_editor = article, True
    story.save(update_fields=["headline", "headline_by_editor"])
    return story


def relink(story_ids: list[int], now: datetime | None = None) -> None:
    """Related stories again for everything a change of these stories touches: their articles
    (their own story is excluded from their links) and the articles linking into them (which
    may now link into one story twice)."""
    now = now or timezone.now()
    linking = RelatedArticle.objects.filter(related__story__in=story_ids).values("article_id")
    touched = Article.objects.filter(Q(story__in=story_ids) | Q(pk__in=linking))
    for article in touched.order_by("pk"):
        related.refresh_related(article, now)
