from django.db import migrations


def seed(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    SectionMail = apps.get_model("newsletter", "SectionMail")
    SectionMail.objects.bulk_create(
        [SectionMail(section=section) for section in Section.objects.all()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_subscribers")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
