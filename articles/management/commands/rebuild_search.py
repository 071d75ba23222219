"""`herald rebuild_search`: create the full-text index and its triggers where they are missing,
then index every article and post again. For an index that fell out of step (a restored backup, a
migration that remade a table on SQLite); ordinary writes keep it in step themselves."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from articles import search_index
from articles.models import Article, Post


class Command(BaseCommand):
    help = "Rebuild the full-text search index of articles and posts."

    def handle(self, *args, **options):
        with transaction.atomic():
            search_index.install(connection)
            search_index.rebuild(connection)
        articles, posts = Article.objects.count(), Post.objects.count()
        self.stdout.write(f"Indexed {articles} articles and {posts} posts ({connection.vendor}).")
