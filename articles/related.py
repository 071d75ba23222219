"""Related stories under each article: up to five other stories in its language, from around its
time, that read like it (compared as clustering compares), one article each (the story's
headline), newest first. Computed when the article is organized and again when its story
changes, never per page view."""

from datetime import datetime, timedelta

from django.db import transaction

from articles import cluster
from articles.models import Article, RelatedArticle

LINKS = 5
WINDOW = timedelta(days=7)  # a reader of today's news is not sent to last year's
CANDIDATES = 500  # the most recent stories in the window; bounds the cost per article
# Below clustering's SAME_EVENT: a related story shares the article's subject and names without
# being the same event. Chosen by reading the links it gives on the BBC corpus (bench/stories.py).
MIN_SIMILARITY = 0.15


def refresh_related(article: Article, now: datetime) -> None:
    """Compute the article's related stories again. The window is around the article's own date,
    not `now`, so computing them again later finds the same stories."""
    (features,) = cluster.features_of([article])
    candidates = cluster.recent_stories(article, WINDOW).filter(
        headline__isnull=False, headline__is_hidden=False
    )
    if article.story_id:
        candidates = candidates.exclude(pk=article.story_id)
    rows = list(candidates.values_list("profile", "headline_id")[:CANDIDATES])
    scores = cluster.similarities(features, [profile for profile, _ in rows])
    best = sorted(
        ((float(score), headline_id) for score, (_, headline_id) in zip(scores, rows, strict=True)),
        reverse=True,
    )[:LINKS]
    best = [(score, headline_id) for score, headline_id in best if score >= MIN_SIMILARITY]
    published = dict(
        Article.objects.filter(pk__in=[h for _, h in best]).values_list("pk", "published_at")
    )
    best.sort(key=lambda link: published[link[1]], reverse=True)  # shown newest first
    with transaction.atomic():
        RelatedArticle.objects.filter(article=article).delete()
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article=article, related_id=headline_id, rank=rank, score=score)
            for rank, (score, headline_id) in enumerate(best, start=1)
        )
