"""/healthz, /readyz and /metrics (herald/health.py), the 503 page for an unreachable database,
and the Redis cache that a stopped Redis does not take down (herald/lib/cache.py)."""

import logging
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone

from discussion.tests.helpers import open_article, post, reader
from herald.health import server_error
from herald.lib.cache import RedisCache
from herald.testing import free_port
from newsletter.models import Delivery, Mailing
from portal.tests import site
from sources.models import FetchLog


def unreachable_redis() -> dict:
    """A Redis cache on a port nothing listens on: refused at once, as a stopped Redis is."""
    return {
        "BACKEND": "herald.lib.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def test_healthz_answers_without_the_database_or_a_known_host(client):
    # No db fixture: a query would fail the test. A balancer probes by address, not by name.
    response = client.get("/healthz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_readyz_says_every_service_answers(client, db):
    response = client.get("/readyz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "page cache": "ok", "queue": "ok"}


def test_readyz_names_the_service_that_does_not_answer(client, db, settings):
    settings.CACHES = {**settings.CACHES, "default": unreachable_redis()}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"].startswith("unreachable")
    assert response.json()["database"] == "ok"


def test_metrics_are_off_without_a_token_and_refused_with_a_wrong_one(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401


def metric(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.split(" ")[0] == name:
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in the metrics")


def test_metrics_count_what_the_database_holds(client, db, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    now = timezone.now()
    source = site.outlet("Harbour Post")
    site.article(source, 1)
    FetchLog.objects.create(source=source, at=now, status=200)
    FetchLog.objects.create(source=source, at=now, error="timed out")
    FetchLog.objects.create(source=source, at=now - timedelta(hours=3), status=200)
    mailing = Mailing.objects.create(kind=Mailing.Kind.DAILY)
    for status in ["sent", "sent", "failed", "queued"]:
        Delivery.objects.create(
            mailing=mailing, kind="daily", to_address="a@example.org", status=status, due_at=now
        )
    article = open_article(policy="hold_all", n=2)
    assert post(reader(), article).status_code == 303

    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert 'herald_polls_last_hour{outcome="ok"} 1.0' in text
    assert 'herald_polls_last_hour{outcome="error"} 1.0' in text
    assert metric(text, "herald_articles_ingested_last_hour") == 2
    assert 'herald_mails_last_hour{status="sent"} 2.0' in text
    assert 'herald_mails_last_hour{status="failed"} 1.0' in text
    assert metric(text, "herald_mail_backlog") == 1
    assert metric(text, "herald_comments_held") == 1
    assert "herald_queue_depth" in text


def test_an_unreachable_database_is_a_503_asking_to_come_back():
    # No db fixture: the page is made without the database.
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Back in a moment" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


def test_a_stopped_redis_is_a_cache_that_always_misses(caplog, monkeypatch):
    monkeypatch.setattr("herald.lib.cache.last_report", 0.0)  # reported once a minute
    cache = RedisCache(unreachable_redis()["LOCATION"], unreachable_redis())
    with caplog.at_level(logging.WARNING, logger="herald.lib.cache"):
        cache.set("key", "value")
        assert cache.get("key", "fallback") == "fallback"
        assert cache.add("key", 1) is False
        assert cache.get_or_set("key", "made") == "made"
        assert cache.get_many(["a", "b"]) == {}
        with pytest.raises(ValueError):
            cache.incr("key")
        cache.delete("key")
    assert "Cache unreachable" in caplog.text


def test_pages_are_served_while_the_cache_is_unreachable(client, db, settings):
    source = site.outlet("Harbour Post")
    item = site.article(source, 1)
    settings.CACHES = {"default": unreachable_redis(), "pages": unreachable_redis()}
    for path in ["/", item.get_absolute_url(), "/search/?q=harbour"]:
        assert client.get(path).status_code == 200, path


def test_a_working_redis_cache_still_caches(settings):
    if "RedisCache" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip("Redis is the second leg's cache (REDIS_URL)")
    cache = caches["default"]
    cache.set("herald:test", "kept", 30)
    assert cache.get("herald:test") == "kept"
