"""The whole system under load: readers browse, search and comment while sources are polled and a
digest round goes out, on PostgreSQL and Redis as scale-out runs it (or --embedded: a SQLite file
and its queue), then whether anything was lost or done twice.

Herald runs as real processes from this checkout: 2 x `herald web --workers 2` (gunicorn, each on
a port of its own; readers take turns between them as a proxy would), 2 x `herald worker` and
`herald scheduler`, all on one throwaway database (a new PostgreSQL database on --database,
dropped at exit, with Redis db --redis flushed: cache and queue; or a SQLite file and SqliteHuey
in a fresh data folder). Around it, each in a process of its own as other machines' work:
- the outlets: --sources sources of --articles articles each, summary-only RSS and 30-80 KB
  article pages (bench/ingest.py's generator), every source due at the start;
- the mail relay: bench/digest.py's counting SMTP sink (NEWSLETTER_SEND_RATE=0: no cap);
and seeded through the ORM before the start, bench/digest.py's newsroom (330 stories) and
--subscribers daily readers, every one due now.

For --seconds, from the scheduler's start (its first tick enqueues the due polls and digests):
--readers threads read without pause (closed loop): home, a section, a story, an article, a
search; --commenters threads comment as bench/comments.py's readers do (the token fetched as a
browser's script does, then the POST; each from a /24 of its own and once every flood interval
+ 1 s). Then it waits, up to --drain seconds, until no work is left (sources polled, articles
organized, digests recorded, deliveries final) and checks: every accepted comment stored once as
answered, every reader exactly their one digest (bench/digest.py's check), no article stored
twice (by URL), no Herald process died.

Prints requests/s, p50/p99 latency and errors per page type, articles ingested and mails sent
per second (in the load window, and for all of them), peak memory (RSS summed over every Herald
process, sampled) and the check; exits 1 if the check fails. Run from the root:

    .venv/bin/python bench/load.py [--embedded | --both] [--seconds 60] [--sources 200]
        [--subscribers 20000]

--both runs the embedded default, then PostgreSQL and Redis, and prints them side by side.
"""

import argparse
import atexit
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench import comments, digest
from bench.harness import start_herald, throwaway_postgres
from bench.ingest import HTML, PAGE_KB, TOWNS, Outlet, feed, page, stories
from bench.pages import PEERS
from herald.testing import free_port

ROOT = Path(__file__).resolve().parent.parent
WEB, WORKERS = 2, 2  # processes of each, as the issue asks; 2 gunicorn workers per web process
PAGES = {"home": 2, "section": 2, "story": 2, "article": 3, "search": 1}  # page type: weight
SEARCHES = ["council", "election", "storm", "market", "hospital", "budget", "police", "school"]
TIMEOUT = httpx.Timeout(30.0)  # gunicorn cuts a request at WEB_TIMEOUT=30 s too
FINAL = ["sent", "failed", "bounced", "cancelled"]  # a delivery's states that are done


# --- around Herald: the outlets' server and the processes ---------------------------------------


def serve_outlets(count: int, per_source: int, answer) -> None:
    """The outlets' process: builds every outlet's feed and pages, serves them, and answers with
    the server's address and each outlet's (name, feed URL, home page)."""
    from herald.testing import FeedServer
    from newswire.stories import EVENTS

    events = [event for event in EVENTS if event.language == "en"]
    server = FeedServer()
    server.httpd.RequestHandlerClass.protocol_version = "HTTP/1.1"  # kept open, as outlets do
    server.serve("/robots.txt", "User-agent: *\nDisallow: /search\n", content_type="text/plain")
    sizes, listed = random.Random("sizes"), []
    for number in range(count):
        outlet = Outlet(number % len(TOWNS), server.url)
        # More outlets than towns: each town's papers told apart by their number.
        outlet.number, outlet.slug = number, f"{outlet.slug}-{number}"
        outlet.name = f"{outlet.name} {number}"
        items = stories(outlet, events)
        for item in items[:per_source]:
            body = page(outlet, item, items, sizes.randint(*PAGE_KB) * 1024)
            server.serve(f"/{outlet.slug}/{item['path']}", body, content_type=HTML)
        path = f"/{outlet.slug}/feed.xml"
        listed.append(
            (outlet.name, server.serve(path, feed(outlet, items[:per_source])), outlet.url(""))
        )
    answer.send((server.url, listed))
    server.thread.join()


def start_outlets(count: int, per_source: int):
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=serve_outlets, args=(count, per_source, theirs), daemon=True
    )
    process.start()
    return process, ours


class Herald:
    """Herald's processes, each `python -m herald.cli ROLE …` with its output in a log file."""

    def __init__(self, logs: Path):
        self.logs, self.processes = logs, {}
        atexit.register(self.stop)

    def start(self, name: str, *command: str) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "herald.cli", *command], cwd=ROOT, env=os.environ,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def died(self) -> list[str]:
        return [f"{name} exited with {p.returncode}" for name, p in self.processes.items()
                if p.poll() is not None]  # fmt: skip

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()

    def tracebacks(self, most: int = 40) -> str:
        """The first traceback in each process's log, for a report of what failed."""
        found = []
        for log in sorted(self.logs.glob("*.log")):
            lines = log.read_text(errors="replace").splitlines()
            first = next((n for n, line in enumerate(lines) if "Traceback" in line), None)
            if first is not None:
                found.append(
                    f"--- {log.name}\n" + "\n".join(lines[max(0, first - 2) : first + most])
                )
        return "\n".join(found)


def wait_until_up(url: str, herald: Herald) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if herald.died():
            sys.exit(f"{herald.died()}\n{herald.tracebacks()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    sys.exit(f"{url} did not answer")


# --- the readers ---------------------------------------------------------------------------------


@dataclass
class Seen:
    """What the readers got from one page type; threads append, the GIL keeps it whole."""

    ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    timeouts: int = 0
    failures: int = 0

    @classmethod
    def total(cls, rows) -> "Seen":
        return cls(
            [ms for row in rows for ms in row.ms], sum((row.statuses for row in rows), Counter()),
            sum(row.timeouts for row in rows), sum(row.failures for row in rows),
        )  # fmt: skip

    def errors(self) -> int:
        return (
            sum(n for code, n in self.statuses.items() if code >= 400)
            + self.timeouts
            + self.failures
        )


@dataclass
class Site:
    """What there is to read: section slugs, story ids, article paths, visible articles' ids."""

    sections: list[str]
    stories: list[int]
    articles: list[tuple[int, str]]

    def path(self, kind: str, rng: random.Random) -> str:
        return {
            "home": lambda: "/",
            "section": lambda: f"/section/{rng.choice(self.sections)}/",
            "story": lambda: f"/story/{rng.choice(self.stories)}/",
            "article": lambda: rng.choice(self.articles)[1],
            "search": lambda: "/search/?" + urlencode({"q": rng.choice(SEARCHES)}),
        }[kind]()


def read(base: str, site: Site, seen: dict[str, Seen], until: float, seed: float) -> None:
    own = random.Random(seed)
    with httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        while time.monotonic() < until:
            kind = own.choices(list(PAGES), weights=list(PAGES.values()))[0]
            started = time.perf_counter()
            try:
                status = client.get(site.path(kind, own)).status_code
            except httpx.TimeoutException:
                seen[kind].timeouts += 1
                continue
            except httpx.HTTPError:
                seen[kind].failures += 1
                continue
            seen[kind].ms.append((time.perf_counter() - started) * 1000)
            seen[kind].statuses[status] += 1


def comment(commenter, site: Site, until: float, pause: float, seed: float) -> None:
    own = random.Random(seed)
    time.sleep(own.uniform(0, pause))  # not all at once
    n = 0
    while time.monotonic() < until:
        try:
            commenter.send(n, own.choice(site.articles))
        except ValueError as error:  # the token's answer was an error page, not JSON
            commenter.tally.failures.append(f"token: {error!r}")
        n += 1
        time.sleep(max(0.0, min(pause, until - time.monotonic())))


# --- the run -------------------------------------------------------------------------------------


def seed(sources: list[tuple[str, str, str]], subscribers: int):
    """The newsroom, its readers (every one due now) and the outlets (every one due now)."""
    from django.core.management import call_command
    from django.utils import timezone

    from articles.models import Article, Section
    from sources.models import Source

    call_command("collectstatic", interactive=False, verbosity=0)  # pages link the manifest's
    rng, now = random.Random(digest.SEED), timezone.now()
    made = digest.make_newsroom(now, rng)
    readers = digest.make_readers(subscribers, now, rng)
    # The newsroom's outlets are not served: never due. Its articles are organized already.
    Source.objects.update(next_poll_at=None)
    Article.objects.update(organized_at=now)
    polled = Source.objects.bulk_create(
        Source(feed_url=url, name=name, homepage=home) for name, url, home in sources
    )
    shown = Article.objects.filter(is_hidden=False)
    site = Site(
        sections=list(Section.objects.values_list("slug", flat=True)),
        stories=[story.pk for story in made if not story.hidden],
        articles=[(a.pk, a.get_absolute_url()) for a in shown],
    )
    return made, readers, [source.pk for source in polled], site


def pending(sources: list[int]) -> dict[str, int]:
    """The work still to do; empty once the queues have drained."""
    from django.utils import timezone

    from articles.models import Article
    from newsletter.models import Delivery, Subscriber
    from sources.models import Source

    left = {
        "sources not polled": Source.objects.filter(pk__in=sources, last_polled_at=None).count(),
        "articles not organized": Article.objects.filter(organized_at=None).count(),
        "digests not recorded": Subscriber.objects.filter(
            next_digest_at__lte=timezone.now()
        ).count(),
        "deliveries not final": Delivery.objects.exclude(status__in=FINAL).count(),
    }
    return {what: n for what, n in left.items() if n}


def check(accepted, unanswered, made, readers, received, died) -> list[str]:
    """What went wrong, as lines: nothing lost, nothing done twice."""
    from django.db.models import Count

    from articles.models import Article
    from newsletter.models import Delivery

    problems = list(died)
    if died:  # a sender killed mid-mail may repeat it, under the same Message-ID
        received = list({(mail.recipients, mail.message_id): mail for mail in received}.values())
    problems += comments.check(accepted, set(), unanswered)
    problems += digest.check(readers, made, received)
    unsent = Delivery.objects.exclude(status="sent").values_list("status").annotate(n=Count("id"))
    problems += [f"{n} deliveries {status}" for status, n in unsent]
    twice = Article.objects.values("url").annotate(n=Count("id")).filter(n__gt=1)
    problems += [f"article stored {row['n']} times: {row['url']}" for row in twice[:10]]
    return problems


def print_pages(rows: dict[str, Seen], window: float) -> dict:
    """Requests/s, latency and errors of each page type; returns them."""
    rows = {**rows, "all": Seen.total(list(rows.values()))}
    figures = {}
    print(f"{'page':13} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8}  errors")
    for kind, got in rows.items():
        count = sum(got.statuses.values())
        p50, p99 = (comments.percentile(got.ms, p) if got.ms else 0 for p in (50, 99))
        odd = {code: n for code, n in got.statuses.items() if code >= 400} or "-"
        print(
            f"{kind:13} {count:8} {count / window:7.1f} {p50:8.1f} {p99:8.1f}  {got.errors()}"
            f" (status {odd}, timeouts {got.timeouts}, no answer {got.failures})"
        )
        figures[kind] = {"req/s": count / window, "p50 ms": p50, "p99 ms": p99,
                         "errors": got.errors()}  # fmt: skip
    return figures


def print_rate(done, stamp: str, t0, window: float, what: str) -> tuple[float, float]:
    """How many of `done` (rows stamped at `stamp`) were done in the load window, and all of
    them, to the last; returns both per second."""
    during = done.filter(**{f"{stamp}__lt": t0 + timedelta(seconds=window)}).count()
    last = done.order_by(f"-{stamp}").values_list(stamp, flat=True).first()
    span = (last - t0).total_seconds() if last else 0.0
    everything = done.count() / span if span else 0.0
    print(
        f"{what}: {during:,} in the {window:.0f} s window, {during / window:.1f}/s; all "
        f"{done.count():,} in {span:.0f} s, {everything:.1f}/s"
    )
    return during / window, everything


def run(args) -> dict:
    """One run, printed; returns its figures."""
    scale_out, load_at_start, very_start = not args.embedded, os.getloadavg(), time.monotonic()
    sink = digest.SinkProcess()  # first: forks of this process before it holds anything
    atexit.register(sink.stop)
    outlets, answer = start_outlets(args.sources, args.articles)
    atexit.register(outlets.terminate)
    os.environ.pop("QUEUE_URL", None)  # the queue is REDIS_URL's (scale-out) or SQLite's
    if scale_out:
        import redis

        os.environ["DATABASE_URL"] = throwaway_postgres(args.database, "load")
        os.environ["REDIS_URL"] = args.redis
        redis.Redis.from_url(args.redis).flushdb()  # this db only: the server is shared
        atexit.register(redis.Redis.from_url(args.redis).flushdb)
    ports = [free_port() for _ in range(WEB)]
    outlets_url, listed = answer.recv()
    os.environ.update(
        BASE_URL=f"http://127.0.0.1:{ports[0]}", ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL=f"smtp://{sink.host}:{sink.port}", NEWSLETTER_SEND_RATE="0",
        FETCH_ALLOW=outlets_url.split("://")[1],
        FETCH_PER_HOST="50",  # every outlet is on this one host: no fewer than the workers' threads
        COMMENTS_FLOOD_SECONDS=str(args.flood_seconds), COMMENTS_MIN_FILL_SECONDS="0",
        TRUSTED_PROXIES="",  # no proxy in front: the connecting address counts
        LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1",
    )  # fmt: skip
    data_dir = Path(start_herald())
    started = time.monotonic()
    made, readers, sources, site = seed(listed, args.subscribers)
    seeding = time.monotonic() - started
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article
    from newsletter.models import Delivery

    mode = "PostgreSQL+Redis" if scale_out else "embedded (SQLite + SqliteHuey)"
    where = f"{connection.settings_dict['NAME']}, {args.redis}" if scale_out else data_dir
    print(f"=== Herald under load: {mode} ({where})")
    print(
        f"machine: {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.2f}' for x in load_at_start)} at start\n"
        f"parameters: {args.seconds} s; {args.readers} readers (no pause), {args.commenters} "
        f"commenters (one comment per {args.flood_seconds + 1} s each); {args.sources} sources "
        f"x {args.articles} articles; {args.subscribers:,} subscribers\n"
        f"processes: {WEB} x herald web --workers 2, {WORKERS} x herald worker "
        f"({settings.HUEY['consumer']['workers']} threads), herald scheduler; seeded "
        f"{len(made)} stories, {len(readers):,} readers in {seeding:.0f} s"
    )

    herald = Herald(data_dir)
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    for n, port in enumerate(ports, 1):
        herald.start(f"web{n}", "web", "--bind", f"127.0.0.1:{port}", "--workers", "2")
    for n in range(1, WORKERS + 1):
        herald.start(f"worker{n}", "worker")
    for base in bases:
        wait_until_up(f"{base}/robots.txt", herald)
        for kind in PAGES:  # each page type once per gunicorn worker first, not timed
            for _ in range(2):
                httpx.get(base + site.path(kind, random.Random(0)), timeout=TIMEOUT)
    sys.path.insert(0, str(PEERS))
    import bench_http  # the peers' sampler: RSS and PSS of process trees

    herald.start("scheduler", "scheduler")
    memory = bench_http.MemSampler({n: p.pid for n, p in herald.processes.items()}, interval=0.5)
    memory.start()

    # The load window: from the scheduler's start, whose first tick finds the due work.
    t0, began = timezone.now(), time.monotonic()
    until = began + args.seconds
    seen = {kind: Seen() for kind in PAGES}
    tally = comments.Tally()
    rng = random.Random(args.seed)
    pause = args.flood_seconds + 1.0
    clients = [
        threading.Thread(target=read, args=(bases[k % WEB], site, seen, until, rng.random()))
        for k in range(args.readers)
    ] + [
        threading.Thread(target=comment, args=(
            comments.Commenter(bases[k % WEB], k, f"127.{1 + k // 250}.{k % 250}.1", tally),
            site, until, pause, rng.random()))
        for k in range(args.commenters)
    ]  # fmt: skip
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    window = time.monotonic() - began

    while (left := pending(sources)) and time.monotonic() < began + args.seconds + args.drain:
        if herald.died():
            break
        time.sleep(1)
    drained = time.monotonic() - began
    died = herald.died()
    memory.stop_ev.set()
    memory.join()
    herald.stop()

    posts = Seen(tally.post_ms, Counter(tally.answers))
    posts.timeouts = sum("Timeout" in failure for failure in tally.failures)
    posts.failures = len(tally.failures) - posts.timeouts
    figures = {"mode": mode, "pages": print_pages({**seen, "comment post": posts}, window)}
    ingested = Article.objects.filter(fetched_at__gte=t0)
    figures["articles/s"] = print_rate(ingested, "fetched_at", t0, window, "articles ingested")
    sent = Delivery.objects.filter(status="sent")
    figures["mails/s"] = print_rate(sent, "sent_at", t0, window, "mails sent")
    peak = figures["peak RSS MB"] = memory.peak["total"]["rss_mb"]
    processes = sum(memory.peak[name]["nproc"] for name in herald.processes)
    print(
        f"peak memory: RSS {peak:.0f} MB summed over Herald's {processes} processes (PSS, "
        f"shared pages counted once: {memory.peak['total']['pss_mb']:.0f} MB)"
    )
    if left:
        print(f"drain: gave up {drained:.0f} s after the start with work left: {left}")
    else:
        print(f"drain: no work left {drained:.0f} s after the start")

    received = sink.wait_for(0)[0]
    problems = [f"not drained: {left}"] if left else []
    problems += check(tally.accepted, len(tally.failures), made, readers, received, died)
    if problems:
        print(f"check FAILED ({len(problems)} problems):")
        for problem in problems[:20]:
            print(f"  {problem}")
    else:
        print(
            f"check: all {len(tally.accepted):,} accepted comments stored once as answered; "
            f"{len(readers):,} readers, {len(received):,} digests, each reader exactly theirs; "
            "no article twice; no process died"
        )
    if problems or figures["pages"]["all"]["errors"]:
        print(herald.tracebacks())
    figures["check"] = not problems
    print(f"ran {time.monotonic() - very_start:.0f} s in all, setting up and checking included")
    return figures


def side_by_side(embedded: dict, scale_out: dict) -> None:
    def ratio(a: float, b: float) -> str:
        return f"{b / a:7.2f}" if a else f"{'-':>7}"

    runs = embedded, scale_out
    print(f"=== side by side: {embedded['mode']} | {scale_out['mode']} | scale-out / embedded")
    print(
        f"{'page':13}" + f"{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>7} |" * 2
        + f"{'req/s':>7}{'p50':>7}{'p99':>7}"
    )  # fmt: skip
    for kind in embedded["pages"]:
        a, b = (run["pages"][kind] for run in runs)
        cells = "".join(
            f"{r['req/s']:8.1f}{r['p50 ms']:9.1f}{r['p99 ms']:9.1f}{r['errors']:7} |"
            for r in (a, b)
        )
        print(
            f"{kind:13}{cells}" + "".join(ratio(a[w], b[w]) for w in ("req/s", "p50 ms", "p99 ms"))
        )
    print(f"{'':25}{'embedded':>10}{'scale-out':>10}{'ratio':>7}")
    rows = [
        (f"{what}, {when}", *(run[what][n] for run in runs))
        for what in ("articles/s", "mails/s")
        for n, when in enumerate(("window", "all"))
    ]
    rows.append(("peak RSS MB", *(run["peak RSS MB"] for run in runs)))  # fmt: skip
    for what, a, b in rows:
        print(f"{what:25}{a:10.1f}{b:10.1f}{ratio(a, b)}")
    verdicts = ["ok" if run["check"] else "FAILED" for run in runs]
    print(f"{'check':25}{verdicts[0]:>10}{verdicts[1]:>10}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedded", action="store_true", help="SQLite and SqliteHuey")
    parser.add_argument("--both", action="store_true", help="embedded, then scale-out; compared")
    parser.add_argument("--seconds", type=int, default=60, help="the load window")
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--articles", type=int, default=10, help="in each source's feed")
    parser.add_argument("--subscribers", type=int, default=20_000)
    parser.add_argument("--readers", type=int, default=8, help="threads reading pages")
    parser.add_argument("--commenters", type=int, default=20, help="each its own /24")
    parser.add_argument("--flood-seconds", type=int, default=2, help="COMMENTS_FLOOD_SECONDS")
    parser.add_argument("--drain", type=int, default=1800, help="seconds to wait for the queues")
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server: a new database there, dropped at exit",
    )  # fmt: skip
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/6", help="flushed (FLUSHDB)")
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--json", help=argparse.SUPPRESS)  # where --both's runs leave figures
    args = parser.parse_args()
    if not args.both:
        figures = run(args)
        if args.json:
            Path(args.json).write_text(json.dumps(figures))
        return 0 if figures["check"] else 1

    # Each run in a process of its own: Django's settings are read once per process.
    runs = []
    own = [arg for arg in sys.argv[1:] if arg != "--both"]
    for mode in (["--embedded"], []):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([sys.executable, __file__, *own, *mode, "--json", out.name], check=False)
            text = Path(out.name).read_text()
        if not text:
            return 1
        runs.append(json.loads(text))
    side_by_side(*runs)
    return 0 if all(figures["check"] for figures in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
