"""Faults of the services under real processes: PostgreSQL restarted while readers keep asking
for pages, and Redis stopped under the site and the worker. Each test starts a PostgreSQL or
Redis of its own on a free port (herald/testing_services.py), never the shared ones, so they run
in the SQLite leg alone: on the PostgreSQL leg they would only do the same work again."""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from django.conf import settings

from herald.testing import free_port, wait_for
from herald.testing_services import PrivatePostgres, PrivateRedis, ServiceMissing
from newsletter.tests.helpers import received_by

pytestmark = [
    pytest.mark.process,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="runs in the SQLite leg with private services",
    ),
]

HERALD = [sys.executable, "-m", "herald.cli"]
PROJECT = Path(__file__).resolve().parents[2]
# Seconds gunicorn lets a web process spend on one request before it kills it: an answer later
# than this is a hang.
WEB_TIMEOUT = 20
PAGES = ["/", "/section/world/", "/search/?q=harbour"]
PROBES = ["/healthz", "/readyz"]
PATHS = PAGES + PROBES
SEED = """
from articles.models import Post, Section
from articles.posts import save_post
world = Section.objects.get_or_create(slug="world", defaults={"name": "World"})[0]
save_post(Post(title="Harbour reopens", body="The harbour reopened after the storm.",
               section=world, status="published"))
"""


def provided(service):
    """The private service, started; where its programs are missing the test is skipped, but
    under CI, which installs them, it fails."""
    try:
        return service()
    except ServiceMissing as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


@pytest.fixture
def postgres():
    with provided(PrivatePostgres) as server:
        yield server


@pytest.fixture
def private_redis():
    with provided(PrivateRedis) as server:
        yield server


def herald_env(tmp_path, database_url: str, smtp_sink, **more: str) -> dict[str, str]:
    web = free_port()
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "herald.settings",
        "HERALD_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "fault-test-secret",
        "NEWSWIRE": "0",
        "WEB_BIND": f"127.0.0.1:{web}",
        "BASE_URL": f"http://127.0.0.1:{web}",
        "WEB_TIMEOUT": str(WEB_TIMEOUT),
        "EMAIL_URL": f"smtp://{smtp_sink.host}:{smtp_sink.port}",
        # The sign-ups below are sent as soon as the form is fetched.
        "NEWSLETTER_MIN_FILL_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("REDIS_URL", "QUEUE_URL", "FETCH_ALLOW", "DATABASE_POOL"):
        env.pop(name, None)
    return env | more


def herald(env, *args: str) -> str:
    """A one-off `herald` command; its output."""
    done = subprocess.run(
        [*HERALD, *args], env=env, cwd=PROJECT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def prepared(env) -> None:
    """A deployment's first steps, and a section with a post in it."""
    herald(env, "migrate", "--no-input")
    herald(env, "collectstatic", "--no-input")
    herald(env, "shell", "-c", SEED)


class Child:
    """A long-running `herald` process. Its output goes to a file: a pipe nobody reads would fill
    up and block it."""

    def __init__(self, log: Path, env, *args: str):
        self.log = log
        with open(log, "w") as out:
            self.process = subprocess.Popen(
                [*HERALD, *args], env=env, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT
            )

    def output(self, since: int = 0) -> str:
        return self.log.read_text(errors="replace")[since:]

    def says(self, pattern: str, since: int, seconds: float) -> None:
        """Wait until what it wrote after the first `since` characters matches the pattern."""
        try:
            wait_for(lambda: re.search(pattern, self.output(since)), seconds, repr(pattern))
        except TimeoutError as error:
            raise AssertionError(f"{error}; the process said:\n{self.output(since)}") from None

    def alive(self) -> bool:
        return self.process.poll() is None

    def children(self) -> set[int]:
        """The processes this one forked (gunicorn's workers)."""
        pid = self.process.pid
        return {
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        }

    def terminate(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)

    def wait(self) -> None:
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def children(tmp_path):
    started: list[Child] = []

    def start(env, *args: str) -> Child:
        started.append(Child(tmp_path / f"{args[0]}.log", env, *args))
        return started[-1]

    yield start
    # All at once: each takes a moment to wind down.
    for child in started:
        child.terminate()
    for child in started:
        child.wait()


def get(site: str, path: str) -> httpx.Response | None:
    try:
        return httpx.get(site + path, timeout=WEB_TIMEOUT + 5)
    except httpx.HTTPError:
        return None


def serving(site: str, paths: list[str]) -> bool:
    return all((answer := get(site, path)) is not None and answer.status_code == 200
               for path in paths)  # fmt: skip


def wait_serving(web: Child, site: str, paths: list[str], seconds: float) -> None:
    try:
        wait_for(lambda: serving(site, paths), seconds, f"{paths} to answer 200")
    except TimeoutError as error:
        raise AssertionError(f"{error}; the web process said:\n{web.output()[-4000:]}") from None


@dataclass
class Answer:
    path: str
    phase: str  # the phase the request began and ended in; "" when the phase changed meanwhile
    status: int | None
    retry_after: str | None
    from_django: bool  # Django's own page: its middleware set the Content-Security-Policy
    error: str = ""
    at: float = field(default_factory=time.monotonic)  # when it came (noted for failures)


class Reader(threading.Thread):
    """A reader who asks for every page in turn until told to stop, noting each answer with the
    phase of the test it came in (the test moves `phase`)."""

    def __init__(self, site: str):
        super().__init__(daemon=True)
        self.site = site
        self.phase = "up"
        self.answers: list[Answer] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.site, timeout=WEB_TIMEOUT + 5) as client:
            while not self.stopped.is_set():
                for path in PATHS:
                    began = self.phase
                    try:
                        response = client.get(path)
                    except httpx.HTTPError as error:
                        answer = Answer(path, began, None, None, False, repr(error))
                    else:
                        answer = Answer(
                            path,
                            began,
                            response.status_code,
                            response.headers.get("Retry-After"),
                            "Content-Security-Policy" in response.headers,
                        )
                    if self.phase != began:
                        answer.phase = ""
                    self.answers.append(answer)

    def rounds(self, phase: str) -> int:
        """How many answers each path has had, all within the phase (the fewest of any path)."""
        seen = Counter(answer.path for answer in self.in_phase(phase))
        return min(seen[path] for path in PATHS)

    def in_phase(self, phase: str, paths: list[str] | None = None) -> list[Answer]:
        paths = PATHS if paths is None else paths
        return [answer for answer in self.answers if answer.phase == phase and answer.path in paths]

    def settled(self) -> bool:
        """The last two rounds, in the current phase, were all answered 200."""
        last = self.answers[-2 * len(PATHS) :]
        return len(last) == 2 * len(PATHS) and all(
            answer.phase == self.phase and answer.status == 200 for answer in last
        )


def failed_cleanly(answer: Answer) -> bool:
    """A 503 that says when to come back, or Django's own error page: never a bare error from
    gunicorn, a dropped connection or a hang."""
    return (answer.status == 503 and bool(answer.retry_after)) or (
        answer.status == 500 and answer.from_django
    )


def sign_up(site: str, email: str) -> httpx.Response:
    """The sign-up form as a browser sends it: its token and start stamp fetched first."""
    with httpx.Client(base_url=site, timeout=WEB_TIMEOUT + 5) as client:
        token = client.get("/forms/token/").json()
        return client.post(
            "/newsletter/subscribe/",
            data={
                "email": email,
                "choice": "all",
                "form": "page",
                "form_started": token["started"],
                "csrfmiddlewaretoken": token["token"],
            },
        )


def deliveries(env, email: str) -> list[tuple[str, str, int]]:
    """The reader's mails as the database has them: (kind, status, attempts)."""
    out = herald(
        env,
        "shell",
        "-c",
        "import json\n"
        "from newsletter.models import Delivery\n"
        f"rows = Delivery.objects.filter(subscriber__email={email!r})\n"
        "print(json.dumps(list(rows.values_list('kind', 'status', 'attempts'))))",
    )
    # The last line: anything logged on the way comes before it.
    return [tuple(row) for row in json.loads(out.splitlines()[-1])]


def test_postgres_restarted_under_load_fails_requests_cleanly_and_recovers_without_a_restart(
    tmp_path, postgres, smtp_sink, children
):
    env = herald_env(
        tmp_path,
        postgres.create_database("herald"),
        smtp_sink,
        # Every page asks the database: none is answered from the page cache meanwhile.
        PAGE_CACHE_SECONDS="0",
        # While the database is down a request waits this long for a connection, then fails.
        DATABASE_POOL_TIMEOUT="2",
    )
    site = env["BASE_URL"]
    prepared(env)
    web = children(env, "web", "--bind", env["WEB_BIND"], "--workers", "2")
    worker = children(env, "worker")
    wait_serving(web, site, PATHS, 90)
    wait_for(lambda: len(web.children()) == 2, 30, "gunicorn's two web processes")
    web_processes = web.children()

    reader = Reader(site)
    reader.start()
    try:
        wait_for(lambda: reader.rounds("up") >= 1, 60, "a round of reading")
        postgres.stop()
        reader.phase = "down"
        wait_for(lambda: reader.rounds("down") >= 2, 120, "two rounds with the database down")
        postgres.start()
        back = time.monotonic()
        reader.phase = "back"
        try:
            wait_for(reader.settled, 60, "two rounds of 200s with the database back")
        except TimeoutError as error:
            answers = [(a.path, a.status, round(a.at - back, 1)) for a in reader.in_phase("back")]
            raise AssertionError(f"{error}; since it came back: {answers}") from None
    finally:
        reader.stopped.set()
        reader.join(timeout=WEB_TIMEOUT + 10)

    assert [a for a in reader.answers if a.error] == [], "a request was dropped or hung"
    pages = [a for a in reader.answers if a.path in PAGES]
    assert all(a.status == 200 or failed_cleanly(a) for a in pages), Counter(
        (a.path, a.status, a.from_django) for a in pages if a.status != 200
    )
    # While it was down: every page failed cleanly, the process said it was alive, not ready.
    down = reader.in_phase("down", PAGES)
    assert all(failed_cleanly(a) for a in down), Counter((a.path, a.status) for a in down)
    assert {a.status for a in reader.in_phase("down", ["/healthz"])} == {200}
    assert {a.status for a in reader.in_phase("down", ["/readyz"])} == {503}
    # Back, the same web processes serve: nothing restarted them.
    assert web.alive() and worker.alive()
    assert web.children() == web_processes

    # The worker, up all along, sends a sign-up's confirmation recorded after the restart.
    assert sign_up(site, "after.restart@example.org").status_code == 200
    smtp_sink.wait_for(1, timeout=60)
    assert received_by(smtp_sink) == {"after.restart@example.org": 1}
    assert deliveries(env, "after.restart@example.org") == [("confirm", "sent", 1)]


def test_with_redis_stopped_the_site_serves_and_a_sign_up_is_mailed_once_it_returns(
    tmp_path, private_redis, smtp_sink, children
):
    env = herald_env(
        tmp_path,
        f"sqlite:///{tmp_path / 'herald.sqlite3'}",
        smtp_sink,
        REDIS_URL=private_redis.url(),
    )
    site = env["BASE_URL"]
    prepared(env)
    web = children(env, "web", "--bind", env["WEB_BIND"], "--workers", "2")
    worker = children(env, "worker")
    wait_serving(web, site, PATHS, 90)
    assert serving(site, PAGES)
    with private_redis.client() as client:
        assert client.keys("pages:*"), "the pages are kept in Redis"

    private_redis.stop()
    logged = len(web.output())
    assert serving(site, [*PAGES, "/healthz"]), "a page failed without Redis"
    assert get(site, "/readyz").status_code == 503

    # The sign-up is recorded; its task cannot be queued, and the web process says so.
    answer = sign_up(site, "no.redis@example.org")
    assert answer.status_code == 200 and "Check your inbox" in answer.text
    assert deliveries(env, "no.redis@example.org") == [("confirm", "queued", 0)]
    web.says(r"(?i)\bqueue\b.*\bsend\b", since=logged, seconds=10)
    assert smtp_sink.messages == []

    private_redis.start()
    assert worker.alive() and web.alive()
    # The scheduler's minutely tick finds the recorded mail in the database and queues it; the
    # worker, up through the outage, sends it.
    herald(env, "shell", "-c", "from herald.tasks import tick_send; assert tick_send.call_local()")
    smtp_sink.wait_for(1, timeout=60)
    wait_for(
        lambda: deliveries(env, "no.redis@example.org") == [("confirm", "sent", 1)],
        30,
        "the delivery marked sent",
    )
    # Nothing is left to send, and nothing went twice.
    assert herald(env, "newsletter", "send").strip() == "0 mails sent"
    assert received_by(smtp_sink) == {"no.redis@example.org": 1}
    assert serving(site, [*PAGES, "/readyz"])
