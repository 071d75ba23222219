"""`herald fetch [SOURCE]`: poll one source (id, name or feed URL) or every active one now, and
say what happened. The same poll_source() the scheduler's tasks call; the new articles are
organized (section, story, related) before it returns."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from articles.organize import organize_article
from sources.models import Source
from sources.poll import poll_source


class Command(BaseCommand):
    help = "Poll a source (or all active sources) now, printing what happened."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="id, name or feed URL; default: all active")

    def handle(self, *args, source=None, **options):
        if source:
            match = Q(name=source) | Q(feed_url=source)
            if source.isdigit():
                match |= Q(pk=int(source))
            sources = list(Source.objects.filter(match))
            if not sources:
                raise CommandError(f"no source matches {source!r} (see `herald sources list`)")
        else:
            sources = list(Source.objects.filter(is_active=True))
        failed = 0
        for item in sources:
            result = poll_source(item.pk, force=True)
            failed += bool(result.error)
            for article_id in result.created:
                organize_article(article_id)
            self.stdout.write(f"{item.name}: {result}")
        if failed:
            raise CommandError(f"{failed} of {len(sources)} sources failed")
