from django.db import migrations


def seed(apps, schema_editor):
    apps.get_model("discussion", "Moderation").objects.get_or_create(section=None)


class Migration(migrations.Migration):
    dependencies = [("discussion", "0001_comments")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
