"""The about, privacy and imprint pages a new portal starts with; editors rewrite them in the desk.
The imprint's bracketed parts are for the publisher to fill in."""

from django.db import migrations

ABOUT = """\
We gather the news from the outlets we trust, sort it into sections and put each event's
coverage side by side, so you can see who reported what.

## Where the stories come from

Every article on this site was published first by another outlet. Each one names its outlet,
its author and its dates, and links to the original: read it there for the whole story. Some
outlets let us show their full text; for others we show a short excerpt or only the headline.

## What our editors do

Our editors choose the outlets we follow, check the sections stories land in, pin the day's
most important stories to the front page and write posts of their own, which carry their names.

## Corrections

If something here is wrong, or an outlet would rather not appear, write to us: the address is
on the imprint page.
"""

PRIVACY = """\
We collect as little about you as we can.

## Reading the site

Reading needs no account and sets no cookies. Our pages load nothing from other companies: no
advertising, no trackers, no fonts or scripts from elsewhere. The pictures are copies we keep
ourselves. Links to an original article take you to its outlet, whose own privacy policy
applies there.

Our web server notes each request (the address it came from, the page and the time) to keep the
site running and safe. These logs are deleted after a short time and never shared.

## Email and comments

If you subscribe to our newsletter or comment, we keep the email address you give us to send
you what you asked for. It is never published, shown to other readers or passed on to anyone,
and you can unsubscribe or ask us to delete it at any time.

## Questions

Write to the contact on the imprint page to ask what we hold about you, to correct it or to
have it deleted.
"""

IMPRINT = """\
This site is published by **[name of the publisher]**, [street and number], [postcode and town],
[country].

- Email: [contact address]
- Telephone: [number]
- Responsible for the content: [name and address of the editor in charge]
- [Company register, registration number and VAT number, where the law asks for them]

Articles from other outlets are the responsibility of those outlets; each links to its original.
"""

PAGES = [("about", "About us", ABOUT), ("privacy", "Privacy", PRIVACY), ("imprint", "Imprint", IMPRINT)]


def seed(apps, schema_editor):
    from articles.posts import render

    SitePage = apps.get_model("portal", "SitePage")
    for slug, title, body in PAGES:
        SitePage.objects.get_or_create(
            slug=slug, defaults={"title": title, "body": body, "body_html": render(body)}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_site_pages")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
