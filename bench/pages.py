"""Helpers for bench/pages.sh, which serves Herald and WordPress side by side with the peer corpus.

pages.py load CORPUS     the peer corpus (../shared/peers/corpus.py JSONL) into the Herald that
                         HERALD_DATA_DIR names, as editors' posts: authors with their bylines,
                         sections, tags when the corpus has them, bodies rendered as editors'
                         Markdown is, and their comments, approved, as the peer has them.
pages.py pick CORPUS     the pages both systems are loaded on, as shell assignments: the newest
                         post with a comment thread of 3 (the peer's choice) and the search term.
pages.py report JSON...  one table from bench_http.py's results: requests/s and p50/p99 per
                         page and set-up, Herald/WordPress ratios, peak memory.
"""

import argparse
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

PEERS = Path(os.environ.get("PEERS_DIR", Path(__file__).resolve().parents[2] / "shared" / "peers"))
BATCH = 500


def peer_corpus():
    """The peer's corpus.py, for its names of sections and authors and its search term."""
    sys.path.insert(0, str(PEERS))
    import corpus

    return corpus


def articles(corpus: Path):
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def load(corpus: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.db import transaction
    from django.utils.text import slugify

    from articles.models import EditorProfile, Post, Section, Tag
    from articles.posts import render
    from discussion.models import Comment, Thread
    from discussion.moderate import render as render_comment
    from herald.groups import EDITORS
    from portal import caching

    started = time.monotonic()
    names = dict(peer_corpus().SECTIONS) | dict(peer_corpus().AUTHORS)
    sections = {s.slug: s for s in Section.objects.all()}
    by_name = {s.name.casefold(): s for s in sections.values()}
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    authors: dict[str, User] = {}
    tags: dict[str, Tag] = {}

    def section_for(slug: str) -> Section:
        if slug not in sections:
            name = names.get(slug, slug)
            sections[slug] = by_name.get(name.casefold()) or Section.objects.create(
                name=name, slug=slug, order=200
            )
        return sections[slug]

    def author_for(login: str) -> User:
        if login not in authors:
            name = names.get(login, login)
            first, _, last = name.partition(" ")
            user, _ = User.objects.get_or_create(
                username=login, defaults={"first_name": first, "last_name": last, "is_staff": True}
            )
            user.groups.add(editors)
            EditorProfile.objects.get_or_create(user=user, defaults={"byline": name})
            authors[login] = user
        return authors[login]

    def tags_for(names: list[str]) -> list[Tag]:
        for name in names:
            if name not in tags:
                tags[name], _ = Tag.objects.get_or_create(
                    slug=slugify(name, allow_unicode=True), defaults={"name": name}
                )
        return [tags[name] for name in names]

    def store(batch: list[tuple[Post, list[str], list[dict]]]) -> None:
        # bulk_create skips save_post's per-post queries (slug and byline look-ups); the search
        # index's triggers still see every row. What save_post fills in is filled in above.
        with transaction.atomic():
            Post.objects.bulk_create([post for post, _, _ in batch])
            links = [
                Post.tags.through(post_id=post.pk, tag_id=tag.pk)
                for post, names, _ in batch
                for tag in tags_for(names)
            ]
            Post.tags.through.objects.bulk_create(links)
            threads = [
                Thread(post=post, approved_count=len(comments))
                for post, _, comments in batch
                if comments
            ]
            Thread.objects.bulk_create(threads)
            by_post = {thread.post_id: thread for thread in threads}
            Comment.objects.bulk_create(
                Comment(
                    thread=by_post[post.pk],
                    name=c["author"],
                    email=c["email"],
                    body=c["body"],
                    body_html=render_comment(c["body"]),
                    status=Comment.Status.APPROVED,
                    created_at=when(c["published"]),
                    approved_at=when(c["published"]),
                )
                for post, _, comments in batch
                for c in comments
            )

    done, batch = 0, []
    for item in articles(corpus):
        author = author_for(item["author"])
        body = "\n\n".join(item["paragraphs"])
        published = when(item["published"])
        post = Post(
            title=item["title"],
            slug=item["slug"],
            author=author,
            byline=author.editor_profile.byline,
            section=section_for(item["section"]),
            body=body,
            body_html=render(body),
            language="en",
            status=Post.Status.PUBLISHED,
            published_at=published,
        )
        batch.append((post, item.get("tags", []), item.get("comments", [])))
        if len(batch) == BATCH:
            store(batch)
            done += len(batch)
            batch = []
            print(f"load: {done} posts", file=sys.stderr)
    if batch:
        store(batch)
        done += len(batch)
    caching.renew()  # bulk_create sends no signal: no page kept so far is current
    took = time.monotonic() - started
    print(f"load: {done} posts, {len(authors)} authors, {len(tags)} tags in {took:.1f} s")


def pick(corpus: Path) -> None:
    # The peer benchmarks the newest post with at least 3 comments; the corpus is newest first.
    post = next(a for a in articles(corpus) if len(a["comments"]) >= 3)
    print(f"POST_SLUG={post['slug']}")
    print(f"SEARCH_TERM={peer_corpus().SEARCH_TERM}")


def report(paths: list[Path]) -> None:
    results = [json.loads(path.read_text()) for path in paths]
    by_label = {r["label"]: r for r in results}
    wordpress = by_label.get("wordpress")
    first = results[0]["wrk"]
    print(
        f"\nMedian of {first['runs']} x {first['duration_s']} s, wrk -t{first['threads']} "
        f"-c{first['connections']}.\ncpu ms: the server's CPU time per request, the figure "
        "other jobs on the machine disturb least;\nother %: the most CPU other jobs took in a "
        "round;\nvs WP: Herald's req/s over WordPress', and WordPress' cpu ms over Herald's.\n"
    )
    head = (
        f"{'set-up':<13} {'page':<8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        f" {'body KB':>7} {'cpu ms':>6} {'other %':>7}"
    )
    print(head + (f" {'vs WP: req/s':>12} {'cpu':>6}" if wordpress else ""))
    for r in results:
        for page, s in r["summary"].items():
            bad = s["non_2xx_3xx"] + s["socket_errors"]
            line = (
                f"{r['label']:<13} {page:<8} {s['rps']:>8.1f} {s['p50_ms']:>8.2f} "
                f"{s['p99_ms']:>8.2f} {bad:>6} {r['body_bytes'][page] / 1024:>7.1f} "
                f"{s['server_ms_per_req']:>6.1f} {s['other_cpu_pct_max']:>7.0f}"
            )
            theirs = wordpress["summary"].get(page) if wordpress else None
            if theirs and r is not wordpress and theirs["rps"]:
                line += f" {s['rps'] / theirs['rps']:>11.1f}x"
                if s["server_ms_per_req"]:
                    line += f" {theirs['server_ms_per_req'] / s['server_ms_per_req']:>5.1f}x"
            print(line)
    print("\nPeak memory under load, MB (RSS counts shared pages in each process; PSS splits them)")
    for r in results:
        for name, peak in r.get("mem_peak_under_load", {}).items():
            if name != "total":
                procs = f", {peak['nproc']} processes" if "nproc" in peak else ""
                print(
                    f"{r['label']:<13} {name:<9} RSS {peak['rss_mb']:>7.1f}  "
                    f"PSS {peak['pss_mb']:>7.1f}{procs}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("load").add_argument("corpus", type=Path)
    commands.add_parser("pick").add_argument("corpus", type=Path)
    commands.add_parser("report").add_argument("results", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "load":
        load(args.corpus)
    elif args.command == "pick":
        pick(args.corpus)
    else:
        report(args.results)


if __name__ == "__main__":
    main()
