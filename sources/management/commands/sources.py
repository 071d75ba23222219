"""`herald sources add URL`, `herald sources list`."""

from django.core.management.base import BaseCommand, CommandError

from sources.add import SourceError, add_source
from sources.models import Source


class Command(BaseCommand):
    help = "Manage sources: add a feed, list the sources."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="add a source by its feed URL")
        add.add_argument("url")
        add.add_argument("--name", default="")
        add.add_argument("--display", choices=Source.Display.values, default="")
        sub.add_parser("list", help="list the sources and their health")

    def handle(self, *args, action, **options):
        if action == "add":
            try:
                source = add_source(options["url"], options["name"], options["display"])
            except SourceError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Added source {source.pk}: {source.name} ({source.feed_url})")
        else:
            for source in Source.objects.all():
                state = "active" if source.is_active else "disabled"
                health = (
                    f"{source.error_count} errors: {source.last_error}"
                    if source.error_count
                    else "ok"
                )
                self.stdout.write(
                    f"{source.pk}\t{source.name}\t{state}\t{health}\t{source.feed_url}"
                )
