"""The desk's counts: each mailing's deliveries by what became of them, and the sections'
readers day by day, drawn without inline style."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Section
from newsletter.bounces import record
from newsletter.counts import count_sections
from newsletter.models import Delivery, SectionCount, Subscriber
from newsletter.send import Sender, mailing_for
from newsletter.tests.helpers import links, reader, section
from portal.tests.markup import inline_code

pytestmark = pytest.mark.django_db

NOW = timezone.now()
CELL = re.compile(r'<td class="field-(queued|sent|failed|bounced|unsubscribed)">(\d+)</td>')


def test_each_mailing_counts_its_deliveries_by_what_became_of_them(admin_client, smtp_sink):
    mailing = mailing_for("daily", "2025-03-04")
    for name in ["ana", "bo", "cy", "dee", "eve"]:
        subscriber = reader(f"{name}@example.org", NOW)
        due = NOW + timedelta(days=1) if name == "eve" else NOW  # eve's is not due yet
        Delivery.objects.create(mailing=mailing, subscriber=subscriber, kind="daily", due_at=due)
    smtp_sink.refuse("bo@example.org", 550)
    assert Sender(pause=lambda seconds: None).send_due() == 3
    mails = smtp_sink.wait_for(3)
    record("cy@example.org", "hard", NOW)  # the provider reports cy's mail bounced
    dee = next(mail for mail in mails if mail["To"] == "dee@example.org")
    unsubscribe = f"/newsletter/unsubscribe/{links(dee)['unsubscribe']}/?m={mailing.pk}"
    assert Client().post(unsubscribe).status_code == 200

    page = admin_client.get("/admin/newsletter/mailing/").content.decode()
    assert dict(CELL.findall(page)) == {
        "queued": "1",
        "sent": "2",
        "failed": "1",
        "bounced": "1",
        "unsubscribed": "1",
    }


def test_the_sections_are_counted_once_a_day():
    city = section("city")
    section("sport")
    retired = section("weather")
    retired.is_active = False
    retired.save()
    reader("ana@example.org", NOW)
    reader("bo@example.org", NOW, choice="only", sections=[city.pk])
    Subscriber.objects.create(email="fay@example.org", signed_up_from="test")  # pending
    day = date(2025, 3, 4)
    assert count_sections(day) == Section.objects.filter(is_active=True).count()
    reader("cy@example.org", NOW, choice="all_but", sections=[city.pk])
    count_sections(day)  # again the same day: the newer count replaces the older
    counted = {c.section.slug: c.subscribers for c in SectionCount.objects.filter(day=day)}
    assert (counted["city"], counted["sport"]) == (2, 2)
    assert "weather" not in counted
    assert SectionCount.objects.filter(day=day, section=city).count() == 1
    count_sections(day + timedelta(days=1))
    assert SectionCount.objects.filter(section=city).count() == 2


def test_the_desk_draws_each_sections_readers_day_by_day(admin_client):
    city, sport = section("city"), section("sport")
    today = timezone.localdate()
    for days_ago, n in [(3, 10), (2, 12), (0, 15)]:  # yesterday was not counted
        SectionCount.objects.create(
            day=today - timedelta(days=days_ago), section=city, subscribers=n
        )
    SectionCount.objects.create(day=today, section=sport, subscribers=4)

    response = admin_client.get("/admin/newsletter/sectioncount/")
    assert response.status_code == 200
    page = response.content.decode()
    charts = page[page.index("Subscribers per section") : page.index("Each count")]
    assert charts.count("<svg") == 2
    assert f"<title>{today - timedelta(days=2):%Y-%m-%d}: 12 subscribers</title>" in charts
    assert f"<title>{today - timedelta(days=1):%Y-%m-%d}: not counted</title>" in charts
    assert '<th scope="row">City</th><td>15</td><td>+5</td>' in charts
    assert inline_code(charts) == []


def test_the_counts_are_read_only_on_the_desk(admin_client):
    assert admin_client.get("/admin/newsletter/sectioncount/add/").status_code == 403
