"""The full-text index readers search, for the database in use (see articles/search_index.py)."""

from django.db import migrations

from articles import search_index


def install(apps, schema_editor):
    search_index.install(schema_editor.connection)
    search_index.rebuild(schema_editor.connection)


def uninstall(apps, schema_editor):
    search_index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_story_index")]
    operations = [migrations.RunPython(install, uninstall)]
