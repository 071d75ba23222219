"""How well the section classifier sorts news, on the BBC News corpus (five sections, from the
shared data folder), trained and thresholded exactly as production does it (articles.classify.fit:
build_pipeline(), and the threshold measured on the training labels' own cross-validation).

1. 5-fold stratified cross-validation, fixed seed: accuracy and macro-F1 of the best guess, then,
   with the threshold each fold's training chose, the share left unsorted and the accuracy of the
   articles it sorts.
2. A learning curve: 10, 50 and 200 labelled articles per section, three random draws each,
   tested on all the other articles: the same figures.

The corpus holds 98 pairs of byte-identical files; each is read once, so that no article is
tested against its own copy. Prints wall time and peak memory. Run from the project's root:

    .venv/bin/python -m bench.sections
"""

import hashlib
import random
import sys
import time
from dataclasses import dataclass, fields
from pathlib import Path
from statistics import fmean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import peak_memory_mb, start_herald
from herald.testing import SHARED_DATA

BBC = SHARED_DATA / "classification" / "bbc-news"
SECTION_OF = {
    "business": "business",
    "entertainment": "entertainment",
    "politics": "politics",
    "sport": "sports",
    "tech": "science-tech",
}
SEED = 0
LABELS_PER_SECTION = [10, 50, 200]
DRAWS = 3


@dataclass(frozen=True)
class Story:
    title: str
    body: str
    section: str  # the portal's section slug


def bbc_stories(folder: Path = BBC) -> list[Story]:
    """The corpus in a stable order, byte-identical copies left out. A file is its headline, a
    blank line and the body; the folder names its section. One file (sport/199.txt) is Latin-1."""
    stories, seen = [], set()
    for path in sorted(folder.glob("*/*.txt")):
        raw = path.read_bytes()
        digest = hashlib.md5(raw).digest()
        if path.parent.name not in SECTION_OF or digest in seen:
            continue
        seen.add(digest)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n")
        stories.append(Story(title.strip(), body.strip(), SECTION_OF[path.parent.name]))
    return stories


def folds():
    """The cross-validation every BBC figure is measured with."""
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(5, shuffle=True, random_state=SEED)


@dataclass(frozen=True)
class Result:
    accuracy: float
    macro_f1: float
    threshold: float
    unsorted: float  # the share of articles left below the threshold
    sorted_accuracy: float  # of the others


def trained_and_tested(training: list[Story], testing: list[Story]) -> Result:
    """Train as production does on `training`, then sort `testing`."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score

    from articles.classify import classifier_text, fit

    fitted = fit(
        [classifier_text(s.title, s.body) for s in training], [s.section for s in training]
    )
    probabilities = fitted.pipeline.predict_proba(
        [classifier_text(s.title, s.body) for s in testing]
    )
    truth = np.array([s.section for s in testing])
    guess = fitted.pipeline.classes_[probabilities.argmax(axis=1)]
    sorted_ = probabilities.max(axis=1) >= fitted.threshold
    return Result(
        accuracy=accuracy_score(truth, guess),
        macro_f1=f1_score(truth, guess, average="macro"),
        threshold=fitted.threshold,
        unsorted=1 - sorted_.mean(),
        sorted_accuracy=accuracy_score(truth[sorted_], guess[sorted_]) if sorted_.any() else 0.0,
    )


def averaged(results: list[Result]) -> Result:
    names = [field.name for field in fields(Result)]
    return Result(*(fmean(getattr(result, name) for result in results) for name in names))


def row(label: str, r: Result) -> str:
    return (
        f"  {label:28} {r.accuracy:8.3f} {r.macro_f1:8.3f} {r.threshold:9.2f} "
        f"{r.unsorted:8.1%} {r.sorted_accuracy:15.3f}"
    )


def cross_validation(stories: list[Story]) -> None:
    sections = [s.section for s in stories]
    results = [
        trained_and_tested([stories[i] for i in train], [stories[i] for i in test])
        for train, test in folds().split(stories, sections)
    ]
    print(row("5-fold cross-validation", averaged(results)))


def learning_curve(stories: list[Story]) -> None:
    by_section: dict[str, list[int]] = {}
    for index, story in enumerate(stories):
        by_section.setdefault(story.section, []).append(index)
    for per_section in LABELS_PER_SECTION:
        results = []
        for draw in range(DRAWS):
            draw_of = random.Random(f"{SEED}-{per_section}-{draw}")
            chosen = {i for ids in by_section.values() for i in draw_of.sample(ids, per_section)}
            training = [stories[i] for i in sorted(chosen)]
            testing = [s for i, s in enumerate(stories) if i not in chosen]
            results.append(trained_and_tested(training, testing))
        label = f"{per_section} labelled per section"
        print(row(label, averaged(results)))


def main() -> None:
    if not BBC.is_dir():
        print(f"BBC News corpus not found at {BBC}: nothing to measure")
        return
    started = time.perf_counter()
    start_herald()
    stories = bbc_stories()
    count = {section: 0 for section in SECTION_OF.values()}
    for story in stories:
        count[story.section] += 1
    print(
        f"BBC News: {len(stories)} articles after dropping byte-identical copies "
        f"({', '.join(f'{section} {n}' for section, n in count.items())})"
    )
    print(
        f"  {'':28} {'accuracy':>8} {'macro-F1':>8} {'threshold':>9} {'unsorted':>8} "
        f"{'sorted accuracy':>15}"
    )
    cross_validation(stories)
    print(f"Learning curve ({DRAWS} random draws each, tested on all the other articles):")
    learning_curve(stories)
    print(f"\nWall time {time.perf_counter() - started:.1f} s")
    print(f"Peak memory (ru_maxrss, whole process): {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
