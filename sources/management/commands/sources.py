"""`herald sources add URL`, `herald sources list`, `herald sources import-opml FILE`,
`herald sources export-opml [FILE]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.add import SourceError, add_source
from sources.models import Source
from sources.opml import OpmlError, export_opml, import_opml


class Command(BaseCommand):
    help = "Manage sources: add a feed, list the sources, import or export them as OPML."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="add a source by its feed URL or its site's home page")
        add.add_argument("url")
        add.add_argument("--name", default="")
        add.add_argument("--display", choices=Source.Display.values, default="")
        sub.add_parser("list", help="list the sources and their health")
        load = sub.add_parser(
            "import-opml", help="add a source for each new feed of an OPML file (not fetched now)"
        )
        load.add_argument("file")
        save = sub.add_parser("export-opml", help="write the sources as OPML (stdout without FILE)")
        save.add_argument("file", nargs="?")

    def handle(self, *args, action, **options):
        if action == "add":
            self.add(options["url"], options["name"], options["display"])
        elif action == "import-opml":
            self.import_opml(options["file"])
        elif action == "export-opml":
            self.export_opml(options["file"])
        else:
            self.list_sources()

    def add(self, url, name, display):
        try:
            source = add_source(url, name, display)
        except SourceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Added source {source.pk}: {source.name} ({source.feed_url})")

    def list_sources(self):
        for source in Source.objects.all():
            state = "active" if source.is_active else "disabled"
            health = (
                f"{source.error_count} errors: {source.last_error}" if source.error_count else "ok"
            )
            self.stdout.write(f"{source.pk}\t{source.name}\t{state}\t{health}\t{source.feed_url}")

    def import_opml(self, file):
        try:
            report = import_opml(Path(file).read_bytes())
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None
        except OpmlError as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(f"Imported {file}: {report}")
        for url, reason in report.invalid:
            self.stdout.write(f"  invalid: {url!r}: {reason}")

    def export_opml(self, file):
        document = export_opml(Source.objects.all())
        if file is None:
            self.stdout.write(document.decode(), ending="")
            return
        try:
            Path(file).write_bytes(document)
        except OSError as error:
            raise CommandError(f"cannot write {file}: {error.strerror}") from None
        self.stdout.write(f"Wrote {Source.objects.count()} sources to {file}", self.style.SUCCESS)
