"""Real processes: `herald run` starts gunicorn, a worker and the scheduler, serves the demo
newswire, and the worker fills the site through the real queue. Uses the file-backed test
database (SQLite file, or PostgreSQL on the second leg), so this process sees what they wrote."""

import os
import re
import signal
import subprocess
import sys
import threading
import uuid
from html import escape

import httpx
import pytest
from django.db import connection

from articles.models import Article
from herald.testing import free_port, wait_for
from sources.models import Source

pytestmark = [pytest.mark.process, pytest.mark.django_db(transaction=True)]


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Herald:
    """`herald run` (or another herald command) as a child process. A thread drains its output
    as it comes: a full pipe would block every child that logs."""

    def __init__(self, env, command: str = "run"):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "herald.cli", command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    def output(self) -> str:
        return "".join(self.lines)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        self.reader.join(timeout=5)
        return code


@pytest.fixture
def env(tmp_path):
    web, wire = free_port(), free_port()
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "herald.settings",
        "HERALD_DATA_DIR": str(tmp_path),
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "process-test-secret",
        "NEWSWIRE": "1",
        "NEWSWIRE_PORT": str(wire),
        "WEB_BIND": f"127.0.0.1:{web}",
        "BASE_URL": f"http://127.0.0.1:{web}",
        "WEB_CONCURRENCY": "1",
        "HUEY_QUEUE": f"test-{uuid.uuid4().hex[:8]}",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("FETCH_ALLOW", None)
    return env


def page(url: str) -> str | None:
    try:
        response = httpx.get(url, timeout=5)
    except httpx.HTTPError:
        return None
    return response.text if response.status_code == 200 else None


def test_herald_run_starts_a_populated_portal_and_stops_cleanly(env):
    site = env["BASE_URL"]
    herald = Herald(env)
    try:
        wait_for(lambda: "Herald is running at" in herald.output(), 90, "the start message")
        password = re.search(r"Log in as 'editor' with password (\S+)", herald.output()).group(1)
        assert Source.objects.count() >= 8
        # The worker polls the newswire through the real queue and the site shows it.
        wait_for(lambda: Article.objects.count() >= 300, 90, "300 articles from the newswire")
        latest = wait_for(lambda: page(site + "/latest/"), 30, "the latest news")
        assert latest.count('<li class="card') == 30 and "Page 1 of" in latest
        first = Article.objects.first()
        assert escape(first.title) in (page(site + first.get_absolute_url()) or "")
        with httpx.Client(base_url=site) as client:
            login = client.get("/admin/login/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
            desk = client.post(
                "/admin/login/?next=/admin/",
                data={"username": "editor", "password": password, "csrfmiddlewaretoken": token},
                follow_redirects=True,
            )
            assert escape("Editors' desk") in desk.text and "Log out" in desk.text
    finally:
        code = herald.stop()
    assert code == 0, herald.output()
    assert page(site + "/") is None  # gunicorn went with it
    sources = Source.objects.count()

    # A second start: nothing seeded again, no new password, the site up again.
    again = Herald(env)
    try:
        wait_for(lambda: "Herald is running at" in again.output(), 60, "the second start")
        wait_for(lambda: page(site + "/"), 30, "the home page after a restart")
        assert "Log in as 'editor'" not in again.output() and "Added the" not in again.output()
    finally:
        assert again.stop() == 0
    assert Source.objects.count() == sources


def test_a_second_scheduler_waits_until_the_first_is_gone(env):
    env = env | {"SCHEDULER_LOCK_RETRY": "1", "NEWSWIRE": "0"}
    first = Herald(env, "scheduler")
    second = None
    try:
        wait_for(lambda: "Holding the scheduler lock" in first.output(), 120, "the first scheduler")
        second = Herald(env, "scheduler")
        wait_for(lambda: "Another scheduler holds the lock" in second.output(), 120, "the wait")
        assert "Holding the scheduler lock" not in second.output()
        first.process.kill()  # as if its machine died: the lock goes with the process
        first.process.wait(timeout=30)
        wait_for(lambda: "Holding the scheduler lock" in second.output(), 60, "the takeover")
    finally:
        for scheduler in (first, second):
            if scheduler and scheduler.process.poll() is None:
                scheduler.stop()
