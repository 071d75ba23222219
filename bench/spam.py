"""How well the spam filter tells spam from legitimate comments, on two public corpora in the
shared data folder (YouTube comments; SMS messages), trained and thresholded exactly as
production does it (discussion.spam.fit: features(), and the threshold measured on the training
labels' own cross-validation).

1. For each corpus, 5-fold stratified cross-validation, fixed seed; the threshold is chosen
   inside each training fold and applied to the held-out fold. Precision, recall and F1 of the
   spam class, and the share of legitimate messages held (false positives), for the filter at
   its threshold, the same model at 0.5, and a plain baseline: multinomial naive Bayes on word
   counts at 0.5.
2. A learning curve: 20, 50, 100 and 200 labels of each class, three random draws each, tested
   on all the other messages: what a young filter holds.

Prints wall time and peak memory. Run from the project's root:

    .venv/bin/python bench/spam.py
"""

import csv
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

import numpy as np

from bench.harness import peak_memory_mb, start_herald
from herald.testing import SHARED_DATA

SPAM = SHARED_DATA / "spam"
YOUTUBE = SPAM / "youtube"
SMS = SPAM / "sms" / "SMSSpamCollection"
SEED = 0
LABELS_PER_CLASS = [20, 50, 100, 200]
DRAWS = 3


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: list[str]  # as the filter reads them (discussion.spam.text_of)
    is_spam: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, indices) -> "Corpus":
        indices = list(indices)
        return Corpus(self.name, [self.texts[i] for i in indices], self.is_spam[indices])


def youtube_comments(folder: Path = YOUTUBE) -> Corpus:
    """The five videos' comments in file order; the author's name is read as the comment's."""
    from discussion.spam import text_of

    texts, is_spam = [], []
    for path in sorted(folder.glob("Youtube0*.csv")):
        with path.open(encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows):
                texts.append(text_of(row["AUTHOR"], "", row["CONTENT"]))
                is_spam.append(row["CLASS"] == "1")
    return Corpus("YouTube Spam Collection", texts, np.array(is_spam))


def sms_messages(path: Path = SMS) -> Corpus:
    """One message a line: its label ("ham" or "spam"), a tab, its text."""
    from discussion.spam import text_of

    texts, is_spam = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        texts.append(text_of("", "", text))
        is_spam.append(label == "spam")
    return Corpus("SMS Spam Collection", texts, np.array(is_spam))


# A way of deciding: trained on some messages, it says which of others it holds, and at what
# threshold (of its own spam probability).
Decider = Callable[[Corpus, Corpus], tuple[np.ndarray, float]]


def the_filter(training: Corpus, testing: Corpus) -> tuple[np.ndarray, float]:
    """Production's filter at the threshold its training labels chose."""
    from discussion.spam import fit

    fitted = fit(training.texts, list(training.is_spam))
    return fitted.spam_probabilities(testing.texts) >= fitted.threshold, fitted.threshold


def the_filter_at_half(training: Corpus, testing: Corpus) -> tuple[np.ndarray, float]:
    """Production's model without its measured threshold."""
    from discussion.spam import features, spam_column

    pipeline = features().fit(training.texts, training.is_spam)
    return spam_column(pipeline, testing.texts) >= 0.5, 0.5


def baseline(training: Corpus, testing: Corpus) -> tuple[np.ndarray, float]:
    """Multinomial naive Bayes on word counts, at 0.5."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    from discussion.spam import spam_column

    pipeline = make_pipeline(CountVectorizer(), MultinomialNB()).fit(
        training.texts, training.is_spam
    )
    return spam_column(pipeline, testing.texts) >= 0.5, 0.5


DECIDERS: dict[str, Decider] = {
    "filter at its threshold": the_filter,
    "filter's model at 0.5": the_filter_at_half,
    "baseline: word counts, MultinomialNB, 0.5": baseline,
}


@dataclass(frozen=True)
class Result:
    """What a way of deciding held of some messages (counts, so that draws can be pooled)."""

    held: int
    caught: int  # spam held
    spam: int
    legitimate: int
    thresholds: tuple[float, ...]

    @property
    def precision(self) -> float | None:
        return self.caught / self.held if self.held else None  # None: it held nothing

    @property
    def recall(self) -> float:
        return self.caught / self.spam

    @property
    def f1(self) -> float:
        return 2 * self.caught / (self.held + self.spam)

    @property
    def false_positives(self) -> int:
        return self.held - self.caught

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives / self.legitimate


def result(truth: np.ndarray, held: np.ndarray, thresholds: tuple[float, ...]) -> Result:
    return Result(
        held=int(held.sum()), caught=int((held & truth).sum()), spam=int(truth.sum()),
        legitimate=int((~truth).sum()), thresholds=thresholds,
    )  # fmt: skip


def pooled(results: list[Result]) -> Result:
    return Result(
        *(sum(getattr(r, name) for r in results) for name in ("held", "caught", "spam")),
        legitimate=sum(r.legitimate for r in results),
        thresholds=tuple(t for r in results for t in r.thresholds),
    )


def cross_validated(corpus: Corpus, decide: Decider) -> Result:
    """Stratified 5-fold cross-validation: every message is decided once, by a model (and a
    threshold) trained on the other folds only."""
    from sklearn.model_selection import StratifiedKFold

    held = np.zeros(len(corpus), dtype=bool)
    thresholds = []
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    for train, test in folds.split(corpus.texts, corpus.is_spam):
        held[test], threshold = decide(corpus.subset(train), corpus.subset(test))
        thresholds.append(threshold)
    return result(corpus.is_spam, held, tuple(thresholds))


def learning_curve(corpus: Corpus, per_class: int, draws: int = DRAWS) -> list[Result]:
    """The filter trained on `per_class` labels of each class, tested on all the others."""
    spam = [i for i in range(len(corpus)) if corpus.is_spam[i]]
    legitimate = [i for i in range(len(corpus)) if not corpus.is_spam[i]]
    results = []
    for draw in range(draws):
        draw_of = random.Random(f"{SEED}-{per_class}-{draw}")
        chosen = set(draw_of.sample(spam, per_class) + draw_of.sample(legitimate, per_class))
        testing = corpus.subset(i for i in range(len(corpus)) if i not in chosen)
        held, threshold = the_filter(corpus.subset(sorted(chosen)), testing)
        results.append(result(testing.is_spam, held, (threshold,)))
    return results


def thresholds_of(r: Result) -> str:
    low, high = min(r.thresholds), max(r.thresholds)
    return f"{low:.2f}" if low == high else f"{low:.2f}-{high:.2f}"


def row(label: str, r: Result) -> str:
    precision = "-" if r.precision is None else f"{r.precision:.3f}"
    held = f"{r.false_positive_rate:.2%} ({r.false_positives})"
    return (
        f"  {label:42} {precision:>9} {r.recall:6.3f} {r.f1:6.3f} {held:>16} {thresholds_of(r):>9}"
    )


def measure(corpus: Corpus) -> None:
    spam = int(corpus.is_spam.sum())
    print(f"\n{corpus.name}: {len(corpus)} messages, {spam} spam, {len(corpus) - spam} legitimate")
    print(
        f"  {'5-fold cross-validation':42} {'precision':>9} {'recall':>6} {'F1':>6} "
        f"{'legitimate held':>16} {'threshold':>9}"
    )
    for label, decide in DECIDERS.items():
        print(row(label, cross_validated(corpus, decide)))
    print(f"  Learning curve of the filter ({DRAWS} draws each, pooled; tested on all the others):")
    for per_class in LABELS_PER_CLASS:
        print(row(f"{per_class} labels of each class", pooled(learning_curve(corpus, per_class))))
    print(f"  Peak memory so far (ru_maxrss, whole process): {peak_memory_mb():.0f} MB")


def main() -> None:
    if not (YOUTUBE.is_dir() and SMS.is_file()):
        print(f"Spam corpora not found under {SPAM}: nothing to measure")
        return
    started = time.perf_counter()
    start_herald()  # discussion.spam imports its models; its throwaway database stays unused
    for corpus in (youtube_comments(), sms_messages()):
        measure(corpus)
    print(f"\nWall time {time.perf_counter() - started:.1f} s")
    print(f"Peak memory (ru_maxrss, whole process): {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
