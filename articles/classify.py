"""Each article's main section, chosen in layers: the source's own mapping, the source's default
section, then a text classifier trained on the portal's own labels (editors' choices and rules)."""

import hashlib
import logging
import pickle
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np
from django.db.models import Q, QuerySet
from django.utils.text import slugify
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline

from articles.models import Article, ClassifierVersion, Section, SectionBy, SectionRule, Tag
from herald.lib import models_store

log = logging.getLogger(__name__)

MAX_TAGS = 10
# Beyond its first pages an article says little more about its section; the cap keeps a huge
# page from slowing training or prediction.
TEXT_CHARS = 10_000

# Training. A section needs a few labels before the classifier may choose it, and the newest
# labels of a busy section are plenty (they also follow the way its news changes).
MIN_LABELS = 5
MAX_LABELS_PER_SECTION = 2_000
CV_FOLDS = 5
CV_MIN_LABELS = 50  # fewer: no cross-validated score, and the threshold below
KEEP_VERSIONS = 3
SEED = 0

# The confidence threshold is measured for each version: the lowest one at which the articles it
# would sort reach TARGET_ACCURACY in the version's own cross-validated predictions, so it rises
# while labels are few and the model unsure. On the BBC corpus (`python -m bench.sections`) the
# articles sorted are 98% right and the share left unsorted falls from 22% with 10 labels per
# section (threshold about 0.7) to 6% with 50 and 1% with 200. With too few labels to measure,
# DEFAULT_THRESHOLD: 0.7, what that measurement gives with 10 labels per section.
TARGET_ACCURACY = 0.98
THRESHOLDS = [round(0.3 + 0.05 * step, 2) for step in range(14)]  # 0.30 ... 0.95
DEFAULT_THRESHOLD = 0.7


# --- the model ------------------------------------------------------------------------------


def build_pipeline() -> Pipeline:
    """The classifier that production trains and the bench measures: TF-IDF and a linear model
    fitted by SGD on log loss, so it gives probabilities. On BBC news (5-fold macro-F1) it scored
    0.978, as logistic regression (C=10) and a calibrated linear SVM did, against 0.973 for
    naive Bayes, and fits several times faster than those two. Every word counts (min_df=1):
    with 10 labels per section that raised macro-F1 from 0.89 to 0.92."""
    return Pipeline(
        [
            # The cap bounds the model's size (it is kept in the database) on a big portal.
            ("tfidf", TfidfVectorizer(sublinear_tf=True, max_features=100_000)),
            ("model", SGDClassifier(loss="log_loss", alpha=1e-5, random_state=SEED)),
        ]
    )


def classifier_text(title: str, body: str) -> str:
    return f"{title}\n{body}"[:TEXT_CHARS]


def choose_threshold(labels: list[str], probabilities: np.ndarray, classes: np.ndarray) -> float:
    """The lowest threshold at which the predictions at or above it are right often enough."""
    truth = np.asarray(labels)
    best = probabilities.max(axis=1)
    guess = classes[probabilities.argmax(axis=1)]
    for threshold in THRESHOLDS:
        sorted_ = best >= threshold
        if not sorted_.any():
            break
        if (guess[sorted_] == truth[sorted_]).mean() >= TARGET_ACCURACY:
            return threshold
    return THRESHOLDS[-1]


@dataclass
class Fitted:
    pipeline: Pipeline
    score: float | None  # cross-validated macro-F1
    threshold: float


def fit(texts: list[str], labels: list[str]) -> Fitted:
    """Train on every label, and measure by cross-validation when there are enough of them."""
    score, threshold = None, DEFAULT_THRESHOLD
    if len(labels) >= CV_MIN_LABELS:
        folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=SEED)
        probabilities = cross_val_predict(
            build_pipeline(), texts, labels, cv=folds, method="predict_proba"
        )
        classes = np.unique(labels)
        score = float(f1_score(labels, classes[probabilities.argmax(axis=1)], average="macro"))
        threshold = choose_threshold(labels, probabilities, classes)
    return Fitted(build_pipeline().fit(texts, labels), score, threshold)


# --- sections: merged ones lead on, retired ones are never chosen ---------------------------


class Sections:
    """All sections (a few rows, read once per article) and what names each of them."""

    def __init__(self) -> None:
        self.by_id = {s.pk: s for s in Section.objects.all()}
        self.by_slug = {s.slug: s for s in self.by_id.values()}
        self.by_hint: dict[str, Section] = {}
        # In the sections' order, the first to claim a word has it; a retired section only
        # claims the words no section that takes articles uses.
        claimants = sorted(self.by_id.values(), key=lambda s: self.resolve(s) is None)
        for section in claimants:
            for hint in section.hints():
                self.by_hint.setdefault(key(hint), section)
        self.by_hint.pop("", None)

    def of(self, rule: SectionRule) -> Section | None:
        return self.by_id.get(rule.section_id)

    def resolve(self, section: Section | None) -> Section | None:
        """The section that takes articles in `section`'s place: itself, or the one it was merged
        into; None for a retired one."""
        seen = set()
        while section is not None and section.merged_into_id and section.pk not in seen:
            seen.add(section.pk)
            section = self.by_id.get(section.merged_into_id)
        return section if section is not None and section.is_active else None


def key(word: str) -> str:
    """A category, hint or URL segment as compared: "Science & Tech" = "science-tech"."""
    return slugify(word, allow_unicode=True)


def path_segments(url: str) -> list[str]:
    """The folders of a URL's path: /sport/2024/some-match.html gives sport and 2024."""
    return [segment for segment in urlsplit(url).path.split("/")[:-1] if segment]


def named(section: Section, chosen: Section) -> str:
    return chosen.name if section == chosen else f"{section.name}, merged into {chosen.name}"


# --- the layers -----------------------------------------------------------------------------


@dataclass
class Choice:
    section: Section | None
    by: str
    reason: str
    score: float | None = None


def mapped(section: Section | None, sections: Sections, by: str, reason: str) -> Choice | None:
    """`section` as the choice, if it (or the section it was merged into) takes articles."""
    chosen = sections.resolve(section)
    if section is None or chosen is None:
        return None
    return Choice(chosen, by, reason + named(section, chosen))


def by_source_rules(
    categories: list[str], urls: list[str], rules: list[SectionRule], sections: Sections
) -> Choice | None:
    """Layer (a), first half: the source's own mapping of its categories and URLs."""
    by_category = {r.pattern.strip().casefold(): r for r in rules if r.kind == r.Kind.CATEGORY}
    for category in categories:
        rule = by_category.get(category.casefold())
        reason = f"source rule: feed category “{category}” → "
        if rule and (choice := mapped(sections.of(rule), sections, SectionBy.RULE, reason)):
            return choice
    for rule in rules:
        pattern = rule.pattern.strip()
        if rule.kind != rule.Kind.URL or not pattern:
            continue
        reason = f"source rule: URL contains “{pattern}” → "
        if any(pattern.casefold() in url.casefold() for url in urls) and (
            choice := mapped(sections.of(rule), sections, SectionBy.RULE, reason)
        ):
            return choice
    return None


def by_hints(categories: list[str], urls: list[str], sections: Sections) -> Choice | None:
    """Layer (a), second half: a category or a URL folder that names a section (its name, slug
    or a keyword hint), for sources nobody has mapped."""
    for category in categories:
        section = sections.by_hint.get(key(category))
        reason = f"feed category “{category}” names "
        if choice := mapped(section, sections, SectionBy.RULE, reason):
            return choice
    for url in urls:
        for segment in path_segments(url):
            section = sections.by_hint.get(key(segment))
            reason = f"URL folder /{segment}/ names "
            if choice := mapped(section, sections, SectionBy.RULE, reason):
                return choice
    return None


def by_default(rules: list[SectionRule], sections: Sections) -> Choice | None:
    """Layer (b): the source's default section."""
    for rule in rules:
        reason = "the source's default section: "
        if rule.kind == rule.Kind.DEFAULT and (
            choice := mapped(sections.of(rule), sections, SectionBy.DEFAULT, reason)
        ):
            return choice
    return None


def named_by_categories(
    categories: list[str], rules: list[SectionRule], sections: Sections
) -> tuple[set[Section], list[str]]:
    """The sections the feed's categories name (by the source's rules or the sections' hints),
    and the categories that name none."""
    by_category = {r.pattern.strip().casefold(): r for r in rules if r.kind == r.Kind.CATEGORY}
    named_sections, unmatched = set(), []
    for category in categories:
        rule = by_category.get(category.casefold())
        section = sections.of(rule) if rule else sections.by_hint.get(key(category))
        if section is None:
            unmatched.append(category)
        elif chosen := sections.resolve(section):
            named_sections.add(chosen)
    return named_sections, unmatched


def newest_classifier() -> tuple[int, float, Pipeline] | None:
    """The version in use (id, threshold, pipeline), or None before the first is trained."""
    return models_store.newest(ClassifierVersion.objects.all())


def by_classifier(article: Article, sections: Sections) -> Choice:
    """Layer (c): the newest classifier, if it is confident enough; else the unsorted queue."""
    newest = newest_classifier()
    if newest is None:
        return Choice(None, SectionBy.NOBODY, "no classifier trained yet: left unsorted")
    version_id, threshold, pipeline = newest
    body = article.content_text or article.summary
    probabilities = pipeline.predict_proba([classifier_text(article.title, body)])[0]
    # A merged section's share goes to the section it was merged into; a retired one's is
    # dropped, not handed to the next best.
    scores: dict[Section, float] = {}
    for slug, probability in zip(pipeline.classes_, probabilities, strict=True):
        chosen = sections.resolve(sections.by_slug.get(slug))
        if chosen:
            scores[chosen] = scores.get(chosen, 0.0) + float(probability)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked:
        return Choice(None, SectionBy.NOBODY, f"classifier v{version_id}: no active section")
    best, score = ranked[0]
    runner_up = f" (next {ranked[1][0].name} {ranked[1][1]:.2f})" if len(ranked) > 1 else ""
    if score >= threshold:
        reason = f"classifier v{version_id}: {score:.2f} {best.name}{runner_up}"
        return Choice(best, SectionBy.CLASSIFIER, reason, score)
    reason = (
        f"classifier v{version_id}: best guess {best.name} {score:.2f}{runner_up}, "
        f"below its threshold {threshold:.2f}: left unsorted"
    )
    return Choice(None, SectionBy.NOBODY, reason, score)


def assign_section(article: Article) -> bool:
    """Choose the article's section unless an editor already did. True if anything changed
    (the caller saves). Extra sections and tags from the feed's categories are added at once."""
    if article.section_by == SectionBy.EDITOR:
        return False
    sections = Sections()
    rules = list(SectionRule.objects.filter(source_id=article.source_id))
    categories = [c.strip() for c in article.categories if isinstance(c, str) and c.strip()]
    urls = [url for url in (article.url, article.canonical_url) if url]
    choice = (
        by_source_rules(categories, urls, rules, sections)
        or by_hints(categories, urls, sections)
        or by_default(rules, sections)
        or by_classifier(article, sections)
    )

    before = (article.section_id, article.section_by, article.section_reason, article.section_score)
    article.section = choice.section
    article.section_by = choice.by
    article.section_reason = choice.reason[:300]
    article.section_score = choice.score
    if article.pk:
        extra, unmatched = named_by_categories(categories, rules, sections)
        extra.discard(choice.section)
        if extra:
            article.extra_sections.add(*extra)
        add_tags(article, unmatched)
    after = (article.section_id, article.section_by, article.section_reason, article.section_score)
    return before != after


def add_tags(article: Article, categories: list[str]) -> None:
    """Feed categories that name no section become the article's tags."""
    tags = []
    for category in categories:
        slug = key(category)[:100]
        if slug and slug not in {t.slug for t in tags}:
            tags.append(Tag.objects.get_or_create(slug=slug, defaults={"name": category[:100]})[0])
        if len(tags) == MAX_TAGS:
            break
    if tags:
        article.tags.add(*tags)


def set_section(article: Article, section: Section | None, by: str = "") -> None:
    """An editor's choice: it is kept from then on, and it is a label the classifier learns from."""
    article.section = section
    article.section_by = SectionBy.EDITOR if section else SectionBy.NOBODY
    article.section_reason = f"set by {by}" if by else "set by an editor"
    article.section_score = None
    article.save(update_fields=["section", "section_by", "section_reason", "section_score"])


# --- training -------------------------------------------------------------------------------


def labelled_articles() -> QuerySet[Article]:
    """Every editor's choice and every article a rule placed: what the classifier learns from."""
    return Article.objects.filter(section_by__in=[SectionBy.EDITOR, SectionBy.RULE]).filter(
        Q(section__is_active=True) | Q(section__merged_into__isnull=False)
    )


def training_labels() -> list[tuple[int, str]]:
    """(article id, section slug) of the labels a new version would learn from, in id order:
    each resolved to the section taking its articles now; the newest MAX_LABELS_PER_SECTION of
    each section that has at least MIN_LABELS."""
    sections = Sections()
    per_section: dict[str, list[int]] = {}
    for section in sections.by_id.values():  # one bounded query per section
        chosen = sections.resolve(section)
        if chosen:
            newest = labelled_articles().filter(section=section).order_by("-id")
            ids = newest.values_list("id", flat=True)[:MAX_LABELS_PER_SECTION]
            per_section.setdefault(chosen.slug, []).extend(ids)
    return sorted(
        (article_id, slug)
        for slug, ids in per_section.items()
        if len(ids) >= MIN_LABELS
        # a merged section's labels join the newest of the one it was merged into
        for article_id in sorted(ids, reverse=True)[:MAX_LABELS_PER_SECTION]
    )


def digest(labels: list[tuple[int, str]]) -> str:
    return hashlib.sha256("\n".join(f"{i}:{s}" for i, s in labels).encode()).hexdigest()


def train(now: datetime | None = None) -> ClassifierVersion | None:
    """A new classifier version from the current labels; None if fewer than two sections have
    enough of them."""
    return _train(training_labels(), now)


def retrain(now: datetime | None = None) -> ClassifierVersion | None:
    """A new version if the labels changed since the newest one (the hourly task)."""
    labels = training_labels()
    newest = ClassifierVersion.objects.order_by("-id").values_list("labels_digest", flat=True)
    if newest.first() == digest(labels):
        return None
    return _train(labels, now)


def _train(labels: list[tuple[int, str]], now: datetime | None) -> ClassifierVersion | None:
    if len({slug for _, slug in labels}) < 2:
        return None
    section_of = dict(labels)
    texts, targets = [], []
    ids = list(section_of)
    for start in range(0, len(ids), 500):
        chunk = Article.objects.filter(pk__in=ids[start : start + 500]).order_by("id")
        rows = chunk.values_list("id", "title", "summary", "content_text")
        for article_id, title, summary, text in rows:
            texts.append(classifier_text(title, text or summary))
            targets.append(section_of[article_id])
    fitted = fit(texts, targets)
    version = ClassifierVersion.objects.create(
        labels=len(targets),
        sections=sorted(set(targets)),
        score=fitted.score,
        threshold=fitted.threshold,
        labels_digest=digest(labels),
        model=pickle.dumps(fitted.pipeline),
    )
    if now:
        ClassifierVersion.objects.filter(pk=version.pk).update(created_at=now)
    stale = ClassifierVersion.objects.order_by("-id").values_list("id", flat=True)[KEEP_VERSIONS:]
    ClassifierVersion.objects.filter(pk__in=list(stale)).delete()
    log.info(
        "classifier %s: %s labels, %s sections, macro-F1 %s, threshold %.2f",
        version, version.labels, len(version.sections), version.score, version.threshold,
    )  # fmt: skip
    return version
