"""The sections a new portal starts with; editors change them from here on."""

from django.db import migrations

SECTIONS = [
    ("Politics", "politics", "#b3261e", "government\nelection\nelections\nparliament\npolicy"),
    ("World", "world", "#1f5f8b", "international\nworld news\nglobal\neurope\nafrica\nasia\namericas"),
    ("Business", "business", "#2e7d32", "economy\nmarkets\nmoney\nfinance\ncompanies\nbusiness news"),
    ("Health", "health", "#00838f", "medicine\nwellbeing\nhealthcare\nscience & health"),
    ("Science & Tech", "science-tech", "#5e35b1", "science\ntechnology\ntech\nscience and technology\ncomputing\nenvironment"),
    ("Entertainment", "entertainment", "#ad1457", "arts\nculture\nfilm\nmovies\nmusic\ntv\nbooks\nentertainment & arts"),
    ("Showbiz", "showbiz", "#d81b60", "celebrity\ncelebrities\ngossip\nstars"),
    ("Tourism", "tourism", "#ef6c00", "travel\nholidays\ndestinations"),
    ("Comedy", "comedy", "#f9a825", "humour\nhumor\nsatire\nfunny"),
    ("Sports", "sports", "#283593", "sport\nfootball\nsoccer\ntennis\ncricket\nrugby\ngolf\nathletics\ncycling\nbasketball\nformula 1\ndeportes"),
]


def seed(apps, schema_editor):
    Section = apps.get_model("articles", "Section")
    for order, (name, slug, colour, keywords) in enumerate(SECTIONS, start=1):
        Section.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "colour": colour, "keywords": keywords, "order": order * 10},
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_sections_stories_posts")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
