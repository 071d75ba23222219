"""After ingest, each new article is organized: given its section, joined to a story (or made the
start of one), and linked to related stories. A claimed step, so it happens once per article even
when several workers race for it; an article left half-done by a killed worker is found again by
the next tick when its lease runs out."""

import logging
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from articles import classify, cluster, related
from articles.models import Article
from articles.signals import articles_changed

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
# Story assignment is serialised across workers: two copies of one wire story arriving at once
# must join one story, not start two. The key names this lock among PostgreSQL's advisory locks.
STORY_LOCK = 0x4845524C  # "HERL"
SECTION_FIELDS = ["section", "section_by", "section_reason", "section_score"]


def unorganized_ids(now: datetime, limit: int = 100) -> list[int]:
    """Articles waiting to be organized whose lease, if any, has run out."""
    waiting = Article.objects.filter(organized_at__isnull=True).filter(
        Q(organize_claimed_until__isnull=True) | Q(organize_claimed_until__lte=now)
    )
    return list(waiting.order_by("id").values_list("id", flat=True)[:limit])


def claim(article_id: int, now: datetime) -> Article | None:
    """Take the article for this worker: a conditional UPDATE that only one racer wins."""
    won = (
        Article.objects.filter(pk=article_id, organized_at__isnull=True)
        .filter(Q(organize_claimed_until__isnull=True) | Q(organize_claimed_until__lte=now))
        .update(organize_claimed_until=now + LEASE)
    )
    if won != 1:
        return None
    return Article.objects.select_related("source").get(pk=article_id)


@contextmanager
def story_lock():
    """One worker at a time assigns stories. On SQLite every write transaction already runs
    alone (IMMEDIATE mode); on PostgreSQL a transaction-level advisory lock does it."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORY_LOCK])
        yield


def organize_article(article_id: int, now: datetime | None = None) -> bool:
    """Section, story and related stories for one article. False if another worker has it or
    it is done already."""
    now = now or timezone.now()
    article = claim(article_id, now)
    if article is None:
        return False
    if classify.assign_section(article):
        article.save(update_fields=SECTION_FIELDS)
    with story_lock():
        cluster.assign_story(article, now)
    related.refresh_related(article, now)
    Article.objects.filter(pk=article.pk).update(organized_at=now, organize_claimed_until=None)
    articles_changed.send(sender=Article)
    log.info(
        "article %s: section %s (%s), story %s",
        article.pk, article.section_id, article.section_reason, article.story_id,
    )  # fmt: skip
    return True


def handle_one_organize(now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return any(organize_article(pk, now) for pk in unorganized_ids(now, limit=10))
