import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from herald.testing import rss
from sources.models import Source

FEED = rss(
    [{"guid": "1", "title": "First", "link": "https://o.example/1", "description": "One."}],
    title="Morning Post",
    link="https://o.example/",
)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


def test_sources_add_reads_the_feed_and_stores_the_source(feed_server, db):
    url = feed_server.serve("/feed.xml", FEED)
    output = run("sources", "add", url)
    source = Source.objects.get()
    assert output.startswith(f"Added source {source.pk}: Morning Post")
    assert (source.feed_url, source.homepage, source.language) == (url, "https://o.example/", "en")


def test_sources_add_refuses_what_is_not_a_feed_and_stores_nothing(feed_server, db):
    url = feed_server.serve("/page.html", "<html><p>hello</p></html>", content_type="text/html")
    with pytest.raises(CommandError, match="names no feed"):
        run("sources", "add", url)
    assert not Source.objects.exists()


def test_sources_add_refuses_a_private_address_that_is_not_allowed(feed_server, db, settings):
    url = feed_server.serve("/feed.xml", FEED)
    settings.FETCH_ALLOW = []
    with pytest.raises(CommandError, match="non-public address"):
        run("sources", "add", url)
    assert feed_server.hits["/feed.xml"] == 0


def test_sources_add_refuses_a_redirect_to_a_private_address(feed_server, db):
    url = feed_server.redirect("/moved", "http://10.0.0.1/feed.xml")
    with pytest.raises(CommandError, match="non-public address"):
        run("sources", "add", url)
    assert not Source.objects.exists()


@pytest.mark.parametrize("url", ["ftp://o.example/feed", "file:///etc/passwd", "not a url"])
def test_sources_add_takes_only_http_urls(db, url):
    with pytest.raises(CommandError, match="is not an http"):
        run("sources", "add", url)


def test_sources_list_shows_health(db):
    Source.objects.create(
        feed_url="https://a.example/f", name="Alpha", error_count=2, last_error="boom"
    )
    assert "Alpha\tactive\t2 errors: boom\thttps://a.example/f" in run("sources", "list")


def test_fetch_polls_a_source_now_and_says_what_happened(feed_server, db):
    url = feed_server.serve("/feed.xml", FEED)
    source = Source.objects.create(feed_url=url, name="Morning Post")
    assert run("fetch", str(source.pk)) == "Morning Post: HTTP 200, 1 entries, 1 new articles\n"
    assert run("fetch", "Morning Post") == "Morning Post: HTTP 200, 1 entries, 0 new articles\n"
    assert Article.objects.count() == 1


def test_fetch_fails_loudly_when_a_source_fails(feed_server, db):
    url = feed_server.serve("/feed.xml", "nope", status=500, content_type="text/plain")
    Source.objects.create(feed_url=url, name="Broken")
    with pytest.raises(CommandError, match="1 of 1 sources failed"):
        run("fetch")


def test_fetch_names_an_unknown_source(db):
    with pytest.raises(CommandError, match="no source matches 'nowhere'"):
        run("fetch", "nowhere")


def test_check_probes_every_service(db):
    output = run("check")
    for service in ("database", "cache", "page cache", "queue", "media storage", "mail"):
        assert f"{service}: ok (" in output


def test_check_fails_when_a_service_does_not_answer(db, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    with pytest.raises(CommandError, match="1 service"):
        run("check")


def test_the_herald_console_script_runs_django_commands(tmp_path):
    script = Path(sys.executable).parent / "herald"
    env = os.environ | {
        "HERALD_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "herald.settings",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "QUEUE_URL"):
        env.pop(name, None)
    done = subprocess.run([script, "check"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "database: ok (sqlite" in done.stdout and "queue: ok (SqliteHuey" in done.stdout
    assert "herald.W001" in done.stderr  # no mail relay configured: said, not fatal
