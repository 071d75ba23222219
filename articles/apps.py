from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def keep_search_index(using, **kwargs) -> None:
    # SQLite drops a table's triggers when a migration remakes the table: put them back after
    # every migrate, so a future migration of Article or Post cannot silently stop the index.
    from articles import search_index

    connection = connections[using]
    if set(search_index.SEARCHED) <= set(connection.introspection.table_names()):
        search_index.install(connection)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        post_migrate.connect(keep_search_index, sender=self)
