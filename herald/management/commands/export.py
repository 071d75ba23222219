"""`herald export [FILE]`: the whole site in one file, kept as a backup or carried to another
machine and database (herald/archive.py writes it)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from herald.archive import export_archive


class Command(BaseCommand):
    help = (
        "Write the site into one zip archive, for `herald import` on this or another machine, on "
        "SQLite or PostgreSQL: a manifest (format version, Herald version, when, rows per kind), "
        "the sources as OPML (sources.opml, for any feed reader), the data as JSON Lines "
        "(sources and their settings, sections and their rules and mail defaults, articles, "
        "stories, tags, posts, site pages, comments with their threads and moderation, the "
        "blocklist, subscribers with their consent, households and follows, the editors with "
        "their password hashes, groups and second factors, the desk's log, the learned "
        "classifiers) and the stored lead images. Left out, as made again or of the moment: "
        "fetch logs, mailings and deliveries (export once the sender is idle: mail queued but "
        "not sent is not carried), sessions, sign-in attempts, the task queue and its results, "
        "the page cache, the search index (rebuilt by the import). The file holds password "
        "hashes and readers' addresses: it is made readable by its owner only; keep it as safe "
        "as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="where to write it (default: herald-YYYYMMDD-HHMMSS.zip here)"
        )

    def handle(self, *args, file=None, **options):
        path = Path(file or f"herald-{timezone.now():%Y%m%d-%H%M%S}.zip")
        try:
            manifest = export_archive(path)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
        counts = manifest["counts"]
        self.stdout.write(
            f"Wrote {path}: {sum(counts.values())} rows of {len(counts)} kinds, "
            f"{manifest['media']['files']} media files.",
            self.style.SUCCESS,
        )
        if missing := manifest["media"]["missing"]:
            self.stderr.write(f"{missing} media files named by rows were missing from the storage.")
