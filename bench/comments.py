"""Comments posted by many readers at once while others read the articles, and whether every
comment the site accepted is there afterwards and counted.

In a throwaway Herald (embedded SQLite in a fresh data folder, or with --database a new
PostgreSQL database on that server, dropped afterwards), seeded through the ORM with ARTICLES
articles of one outlet, the site's moderation policy "publish" (comments show at once), a
spam filter trained on LABELS moderated comments of each kind (so every comment is scored, as
on a site that has one), COMMENTS_FLOOD_SECONDS=--flood-seconds, COMMENTS_MIN_FILL_SECONDS=0
(the bench sends at once) and the default page cache, served by gunicorn (--workers, 5 as in
bench/pages.sh) on a free loopback port; WARM_UP comments per worker first, not timed:

1. Quiet: page readers (--page-readers threads) GET random article pages for QUIET seconds, no
   comments: the page latency without posting, for comparison.
2. Posting: --readers commenters send --comments comments between them, each as a browser's
   script does: GET /forms/token/ (the csrftoken cookie, the token, the signed form_started),
   then POST /comments/article/<pk>/ with the token, Origin of BASE_URL, Accept JSON, their own
   name and address and a text of their own; 201 is accepted. A commenter waits --flood-seconds
   + 1 s after each answer before the next comment, so no 429 is expected (any is counted). The
   page readers go on meanwhile; their latency is the figure of this phase. Their GETs wait in
   the one queue of gunicorn's workers with the comments: when more comments are offered than
   are taken, that wait is most of it.
3. Checked, in the database directly: every accepted comment id is there with the text that
   was sent, on the article it was sent to; no comment is there that no answer accepted; each
   thread's approved_count is its approved comments.

Flood control counts by address and by the client's network (REMOTE_ADDR, truncated to /24,
herald/lib/network.py): 200 readers on 127.0.0.1 would be one network. Each commenter's socket
is bound to a loopback address of its own /24 (127.1.k.1; Linux routes all of 127.0.0.0/8 to
lo), which is how distinct readers reach a server without a proxy. Trusting X-Forwarded-For from
nginx is part 7's; binding source addresses is the honest way to have many clients here.

The clients are threads of this process, on the same cores as the server. Prints comments
accepted per second (201s over the posting phase's wall time), the other answers by status,
POST and page latency, where the CPU went while posting (gunicorn, these clients, everything
else: the database server and other jobs on the machine, which disturb the figures), the peak
memory of gunicorn's processes (RSS and PSS, sampled as ../shared/peers/bench_http.py does) and
the consistency check; exits 1 if the check fails. Run from the root:

    .venv/bin/python bench/comments.py [--comments 2000] [--readers 200] [--database postgres://...]
"""

import argparse
import atexit
import os
import random
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import peak_memory_mb, start_herald, throwaway_postgres
from bench.pages import PEERS
from herald.testing import free_port

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 36
LABELS = 40  # approved and spam comments each, to train the spam filter on
QUIET = 5.0  # seconds of page reading before any comment
WARM_UP = 2  # comments per gunicorn worker first, so no timed request pays for an import
TIMEOUT = httpx.Timeout(60.0)
WORDS = [
    "harbour", "council", "budget", "pier", "ferry", "tram", "school", "river", "bridge",
    "housing", "library", "market", "rent", "museum", "festival", "park", "hospital", "station",
    "tunnel", "flood", "plan", "vote", "fare", "lane", "night", "season",
]  # fmt: skip


def seed() -> list[tuple[int, str]]:
    """The site's rules and the articles: (pk, page path) of each."""
    from django.core.management import call_command
    from django.utils import timezone

    from articles.models import Article
    from discussion.models import Moderation, Policy
    from sources.models import Source

    call_command("collectstatic", interactive=False, verbosity=0)  # pages link the manifest's
    Moderation.objects.update_or_create(section=None, defaults={"policy": Policy.PUBLISH})
    outlet = Source.objects.create(
        feed_url="https://harbour-times.example/feed", name="Harbour Times",
        homepage="https://harbour-times.example/", display=Source.Display.FULL,
    )  # fmt: skip
    now = timezone.now()
    shown = []
    for n in range(ARTICLES):
        text = " ".join(
            f"The {WORDS[(n + i) % len(WORDS)]} was discussed on day {i}." for i in range(40)
        )
        article = Article.objects.create(
            source=outlet, guid=f"g{n}", url=f"{outlet.homepage}{n}",
            title=f"The {WORDS[n % len(WORDS)]} question, part {n}",
            published_at=now - timedelta(hours=n), summary=text[:200],
            content_html=f"<p>{text}</p>", content_text=text,
        )  # fmt: skip
        shown.append((article.pk, article.get_absolute_url()))
    train_spam_filter(outlet, now)
    return shown


def train_spam_filter(outlet, now) -> None:
    """A spam filter trained as moderators train it, so every comment is scored as on a site
    that has one: LABELS approved and LABELS spam comments, decided by a moderator, under an
    article of their own that the bench does not comment on."""
    from django.contrib.auth.models import User

    from articles.models import Article
    from discussion import spam
    from discussion.models import Comment
    from discussion.moderate import recount, render, thread_for

    moderator = User.objects.create(username="moderator", is_staff=True)
    old = Article.objects.create(
        source=outlet, guid="labels", url=f"{outlet.homepage}labels", title="Earlier news",
        published_at=now - timedelta(days=3), content_text="Earlier news.",
    )  # fmt: skip
    thread = thread_for(old)
    labels = []
    for n in range(LABELS):
        a, b = WORDS[n % len(WORDS)], WORDS[(n * 5 + 3) % len(WORDS)]
        good = f"I think the {a} plan is sound, though the {b} needs more thought ({n})."
        bad = f"Cheap {a} pills {n}! Earn $500 a day from home, visit www.{b}-cash.example now"
        labels += [(good, Comment.Status.APPROVED), (bad, Comment.Status.SPAM)]
    Comment.objects.bulk_create(
        Comment(thread=thread, name=f"Label {n}", email=f"label{n}@example.org", body=body,
                body_html=render(body), status=status, created_at=now - timedelta(days=2),
                moderated_by=moderator)
        for n, (body, status) in enumerate(labels)
    )  # fmt: skip
    recount(thread)
    if spam.retrain() is None:
        sys.exit("the spam filter was not trained")


class Gunicorn:
    """Herald under gunicorn, as bench/pages.sh serves it, and the memory of its processes."""

    def __init__(self, port: int, workers: int, log: Path):
        self.process = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "herald.wsgi", "--chdir", str(ROOT),
             "-w", str(workers), "-b", f"127.0.0.1:{port}", "--error-logfile", str(log)],
            env=os.environ | {"SERVE_MEDIA": "0"},
        )  # fmt: skip
        sys.path.insert(0, str(PEERS))
        import bench_http  # the peers' sampler: RSS and PSS of a process tree, CPU time

        self.memory = bench_http.MemSampler({"gunicorn": self.process.pid}, interval=0.5)
        self.peers = bench_http

    def cpu(self) -> tuple[float, float, float]:
        """CPU seconds so far: the whole machine's, gunicorn's processes', this process'."""
        own = resource.getrusage(resource.RUSAGE_SELF)
        return (
            self.peers.cpu_busy_s(),
            self.peers.tree_cpu_s([self.process.pid]),
            own.ru_utime + own.ru_stime,
        )

    def wait_until_up(self, url: str) -> None:
        for _ in range(150):
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with {self.process.returncode}")
            try:
                httpx.get(url, timeout=1).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        sys.exit(f"{url} did not answer")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


@dataclass
class Tally:
    """What the clients saw; each thread appends, the GIL keeps the lists whole."""

    answers: Counter = field(default_factory=Counter)  # status of each comment POST
    accepted: dict[int, tuple[int, str, str]] = field(default_factory=dict)  # id: pk, body, status
    post_ms: list[float] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    page_answers: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # requests that got no answer at all


class Commenter:
    """One reader with a browser of their own: their own source address, cookies and name."""

    def __init__(self, base: str, k: int, address: str, tally: Tally):
        self.base, self.k, self.tally = base, k, tally
        transport = httpx.HTTPTransport(local_address=address)
        self.client = httpx.Client(base_url=base, transport=transport, timeout=TIMEOUT)

    def send(self, n: int, article: tuple[int, str]) -> bool:
        pk, path = article
        body = (
            f"Reader {self.k}, comment {n}: the {WORDS[(self.k + n) % len(WORDS)]} matters more "
            f"than the {WORDS[(self.k * 7 + n) % len(WORDS)]} here, and I said so at meeting "
            f"{self.k * 1000 + n}."
        )
        try:
            form = self.client.get("/forms/token/").json()
            started = time.perf_counter()
            answer = self.client.post(
                f"/comments/article/{pk}/",
                data={"name": f"Reader {self.k}", "email": f"reader{self.k}@example.com",
                      "body": body, "website": "", "topic": "",
                      "csrfmiddlewaretoken": form["token"], "form_started": form["started"]},
                headers={"Accept": "application/json", "Origin": self.base,
                         "Referer": self.base + path},
            )  # fmt: skip
        except httpx.HTTPError as error:
            self.tally.failures.append(f"reader {self.k}: {error!r}")
            return False
        self.tally.post_ms.append((time.perf_counter() - started) * 1000)
        self.tally.answers[answer.status_code] += 1
        if answer.status_code == 201:
            taken = answer.json()
            self.tally.accepted[taken["id"]] = (pk, body, taken["status"])
        return True


def comment_all(commenters, each, articles, pause: float, rng: random.Random) -> None:
    """Every commenter sends its share, waiting `pause` after each answer, in threads of its own."""

    def run(commenter: Commenter, count: int, start_after: float, seed: float) -> None:
        own = random.Random(seed)
        time.sleep(start_after)
        for n in range(count):
            commenter.send(n, own.choice(articles))
            if n + 1 < count:
                time.sleep(pause)

    threads = [
        threading.Thread(target=run, args=(c, count, rng.uniform(0, pause), rng.random()))
        for c, count in zip(commenters, each, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class PageReaders:
    """Readers who only read: each GETs random article pages one after another."""

    def __init__(self, base: str, articles, count: int, tally: Tally, rng: random.Random):
        self.done = threading.Event()
        self.recording = False
        self.threads = [
            threading.Thread(target=self.read, args=(base, articles, tally, rng.random()))
            for _ in range(count)
        ]

    def read(self, base, articles, tally: Tally, seed: float) -> None:
        own = random.Random(seed)
        transport = httpx.HTTPTransport(local_address="127.2.0.1")
        with httpx.Client(base_url=base, transport=transport, timeout=TIMEOUT) as client:
            while not self.done.is_set():
                started = time.perf_counter()
                try:
                    answer = client.get(own.choice(articles)[1])
                except httpx.HTTPError as error:
                    tally.failures.append(f"page: {error!r}")
                    continue
                if self.recording:
                    tally.page_ms.append((time.perf_counter() - started) * 1000)
                    tally.page_answers[answer.status_code] += 1

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def latency(values: list[float]) -> str:
    if not values:
        return "none"
    return f"p50 {percentile(values, 50):.1f} ms, p99 {percentile(values, 99):.1f} ms"


def check(accepted: dict[int, tuple[int, str, str]], earlier: set[int], unanswered: int):
    """What is wrong in the database after the run (comments `earlier` were there before it):
    nothing, if the list is empty."""
    from django.db.models import Count, F, Q

    from discussion.models import Comment, Thread

    problems = []
    stored = {
        c["pk"]: c for c in Comment.objects.values("pk", "body", "status", "thread__article_id")
    }
    missing = [pk for pk in accepted if pk not in stored]
    if missing:
        problems.append(f"{len(missing)} accepted comments are not in the database: {missing[:10]}")
    wrong = [
        pk
        for pk, (article, body, _) in accepted.items()
        if pk in stored
        and (stored[pk]["body"] != body or stored[pk]["thread__article_id"] != article)
    ]
    if wrong:
        problems.append(f"{len(wrong)} comments have another text or article: {wrong[:10]}")
    moved = [pk for pk, (_, _, s) in accepted.items() if pk in stored and stored[pk]["status"] != s]
    if moved:
        problems.append(f"{len(moved)} comments have another status than answered: {moved[:10]}")
    unasked = set(stored) - set(accepted) - earlier
    if len(unasked) > unanswered:
        problems.append(f"{len(unasked)} comments are stored that no answer accepted")
    approved = Count("comments", filter=Q(comments__status=Comment.Status.APPROVED))
    threads = Thread.objects.annotate(shown=approved)
    for thread in threads.exclude(approved_count=F("shown")):
        problems.append(
            f"thread {thread.pk}: approved_count {thread.approved_count}, approved {thread.shown}"
        )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--readers", type=int, default=200, help="commenters, each its own /24")
    parser.add_argument("--page-readers", type=int, default=4, help="threads reading pages")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers")
    parser.add_argument("--flood-seconds", type=int, default=2, help="COMMENTS_FLOOD_SECONDS")
    parser.add_argument("--database", help="postgres://user@host:port/any: a new database there")
    parser.add_argument("--seed", type=int, default=20250601)
    args = parser.parse_args()
    if not 0 < args.readers <= 250 * 250:
        parser.error("--readers: 1 to 62,500 (one /24 of 127.0.0.0/8 each)")

    began = time.monotonic()
    rng = random.Random(args.seed)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if args.database:
        os.environ["DATABASE_URL"] = throwaway_postgres(args.database, "comments")
    os.environ.update(
        BASE_URL=base, ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING",
        COMMENTS_FLOOD_SECONDS=str(args.flood_seconds), COMMENTS_MIN_FILL_SECONDS="0",
        TRUSTED_PROXIES="",  # the client's address is REMOTE_ADDR: no proxy in front
    )  # fmt: skip
    data_dir = Path(start_herald())
    articles = seed()
    from discussion.models import Comment

    earlier = set(Comment.objects.values_list("pk", flat=True))  # the spam filter's labels
    database = "PostgreSQL" if args.database else "SQLite"
    print(
        f"Herald: {len(articles)} articles, {database}, a trained spam filter, gunicorn -w "
        f"{args.workers} on {base}"
    )

    server = Gunicorn(port, args.workers, data_dir / "gunicorn.log")
    atexit.register(server.stop)
    server.wait_until_up(f"{base}/robots.txt")
    server.memory.sample()
    booted = dict(server.memory.peak["gunicorn"])
    server.memory.start()

    tally = Tally()
    # Readers of their own (names, addresses, texts), or their comments would be floods or
    # duplicates of the timed readers' first ones.
    warm = [
        Commenter(base, args.readers + k, f"127.3.{k}.1", tally)
        for k in range(WARM_UP * args.workers)
    ]
    comment_all(warm, [1] * len(warm), articles, 0, rng)
    warmed = len(tally.accepted)
    if not warmed:
        log = (data_dir / "gunicorn.log").read_text()[-3000:]
        sys.exit(f"no warm-up comment was accepted: {dict(tally.answers)}\n{log}")
    tally.answers.clear()
    tally.post_ms.clear()
    for _, path in articles:  # each page made once, after the warm-up comments changed them
        httpx.get(base + path, timeout=TIMEOUT).raise_for_status()

    commenters = [
        Commenter(base, k, f"127.{1 + k // 250}.{k % 250}.1", tally) for k in range(args.readers)
    ]
    each = [args.comments // args.readers + (k < args.comments % args.readers)
            for k in range(args.readers)]  # fmt: skip
    pause = args.flood_seconds + 1.0

    readers = PageReaders(base, articles, args.page_readers, tally, rng)
    readers.start()
    readers.recording = True
    time.sleep(QUIET)
    quiet_ms, tally.page_ms = tally.page_ms, []
    quiet_answers, tally.page_answers = tally.page_answers, Counter()
    started, cpu_before = time.monotonic(), server.cpu()
    comment_all(commenters, each, articles, pause, rng)
    posting = time.monotonic() - started
    machine, served, client = (b - a for a, b in zip(cpu_before, server.cpu(), strict=True))
    readers.stop()
    server.memory.stop_ev.set()
    server.memory.join()
    server.stop()

    accepted = len(tally.accepted) - warmed
    by_status = ", ".join(f"{code}: {n}" for code, n in sorted(tally.answers.items()))
    statuses = Counter(status for _, _, status in tally.accepted.values())
    floor = max(each) * pause - pause
    print(f"commenters: {args.readers}, each its own /24; {args.page_readers} page readers")
    print(
        f"flood control {args.flood_seconds} s; a commenter waits {pause:.0f} s after an answer: "
        f"at most {args.readers / pause:.0f} comments/s offered"
    )
    print(f"posting: {posting:.1f} s for {sum(each)} comments (the pauses alone: {floor:.0f} s)")
    print(f"accepted: {accepted}, {accepted / posting:.1f} comments/s")
    print(f"answers: {by_status}; no answer: {len(tally.failures)}")
    print(f"comment POST latency: {latency(tally.post_ms)}")
    print(f"stored as: {dict(statuses)} (with {warmed} warm-up comments)")
    print(
        f"article pages, quiet ({QUIET:.0f} s, {len(quiet_ms)} GETs, {dict(quiet_answers)}): "
        f"{latency(quiet_ms)}"
    )
    print(
        f"article pages while posting ({len(tally.page_ms)} GETs, "
        f"{len(tally.page_ms) / posting:.1f}/s, {dict(tally.page_answers)}): "
        f"{latency(tally.page_ms)}"
    )
    print(
        f"CPU while posting: {os.cpu_count()} cores x {posting:.1f} s; busy {machine:.0f} s: "
        f"gunicorn {served:.0f} s ({served / max(accepted, 1) * 1000:.0f} ms a comment, page "
        f"reads included), these clients {client:.0f} s, other processes "
        f"{machine - served - client:.0f} s (the database server, other jobs)"
    )
    peak = server.memory.peak["gunicorn"]
    print(
        f"peak memory, gunicorn ({peak['nproc']} processes): RSS {peak['rss_mb']} MB, "
        f"PSS {peak['pss_mb']} MB (after boot: RSS {booted['rss_mb']} MB, PSS "
        f"{booted['pss_mb']} MB); this client process {peak_memory_mb():.0f} MB"
    )
    for failure in tally.failures[:5]:
        print(f"  no answer: {failure}")

    problems = check(tally.accepted, earlier, len(tally.failures))
    if problems:
        print("check FAILED:")
        for problem in problems:
            print(f"  {problem}")
    else:
        print(
            f"check: all {len(tally.accepted)} accepted comments stored with their text, none "
            "other; every thread's approved_count right"
        )
    print(f"ran {time.monotonic() - began:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
