"""`herald import FILE`: restore an archive made by `herald export` into an empty database
(herald/archive.py reads it)."""

from django.core.management.base import BaseCommand, CommandError

from herald.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = (
        "Restore an archive made by `herald export` into this database (SQLite or PostgreSQL), "
        "which must be migrated and hold no content: create it, run `herald migrate`, then "
        "`herald import FILE`, then start Herald. The rows a fresh migrate seeds (the starting "
        "sections, site pages, moderation rules, the desk's groups) are replaced by the "
        "archive's. All in one transaction: a damaged archive changes nothing. The search index "
        "is rebuilt and the lead images are put into the media storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="an archive written by `herald export`")

    def handle(self, *args, file, **options):
        try:
            loaded = import_archive(file)
        except ArchiveError as error:
            raise CommandError(f"{file}: {error}. Nothing was imported.") from None
        for label, rows in loaded.items():
            if rows:
                self.stdout.write(f"  {label}: {rows}")
        self.stdout.write(
            f"Imported {file}: {sum(loaded.values())} rows; search index rebuilt.",
            self.style.SUCCESS,
        )
