"""The preference centre behind the signed link: choices, pause, household, export, erase."""

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from herald.lib import signing
from newsletter.models import Delivery, Invitation, Mailing, Subscriber
from newsletter.send import Sender
from newsletter.tests.helpers import links, reader, section

pytestmark = pytest.mark.django_db


def manage_url(subscriber: Subscriber) -> str:
    return f"/newsletter/manage/{signing.make_token('manage', subscriber.pk, subscriber.email)}/"


def send() -> int:
    return Sender(pause=lambda seconds: None).send_due()


@pytest.fixture
def ana(db):
    return reader("ana@example.org", timezone.now() - timedelta(days=1))


def test_the_preference_centre_shows_the_readers_choices_and_no_one_elses(client, ana):
    reader("bo@example.org", timezone.now())
    page = client.get(manage_url(ana)).content.decode()
    assert "ana@example.org" in page and "bo@example.org" not in page
    assert client.get(manage_url(ana)).headers["Cache-Control"].startswith("max-age=0")


def test_a_reader_changes_sections_pace_hour_and_time_zone(client, ana):
    sports = section("sports")
    response = client.post(
        manage_url(ana),
        {
            "action": "preferences", "choice": "all_but", "sections": [sports.pk],
            "pace": "weekly", "hour": 18, "weekday": 4, "time_zone": "Europe/Madrid",
            "daily_cap": 5,
        },
    )  # fmt: skip
    assert response.status_code == 200 and b"Your choices are saved" in response.content
    ana.refresh_from_db()
    assert (ana.choice, ana.pace, ana.hour, ana.weekday, ana.time_zone, ana.daily_cap) == (
        "all_but", "weekly", 18, 4, "Europe/Madrid", 5,
    )  # fmt: skip
    assert list(ana.sections.all()) == [sports]
    local = ana.next_digest_at.astimezone(ZoneInfo("Europe/Madrid"))
    assert (local.weekday(), local.hour) == (4, 18)


def test_a_bad_choice_is_refused_with_a_clear_error_and_changes_nothing(client, ana):
    response = client.post(
        manage_url(ana),
        {"action": "preferences", "choice": "only", "pace": "daily", "hour": 99,
         "weekday": 0, "time_zone": "Nowhere/Land", "daily_cap": 5},
    )  # fmt: skip
    assert response.status_code == 400
    assert b"Tick the sections you mean" in response.content
    ana.refresh_from_db()
    assert (ana.choice, ana.hour, ana.time_zone) == ("all", 7, "UTC")


def test_a_reader_pauses_for_a_while(client, ana):
    client.post(manage_url(ana), {"action": "pause", "days": 14})
    ana.refresh_from_db()
    assert ana.paused_until > timezone.now() + timedelta(days=13)
    client.post(manage_url(ana), {"action": "pause", "days": 0})
    ana.refresh_from_db()
    assert ana.paused_until is None


def test_a_household_member_gets_their_own_invitation_naming_the_inviter(client, ana, smtp_sink):
    client.post(manage_url(ana), {"action": "invite", "email": "kid@example.org"})
    assert send() == 1
    [mail] = smtp_sink.wait_for(1)
    assert mail["To"] == "kid@example.org"
    assert "ana@example.org" in mail["Subject"]
    kid = Subscriber.objects.get(email="kid@example.org")
    assert kid.status == "pending" and kid.invited_by == ana
    Client().get(f"/newsletter/confirm/{links(mail)['confirm']}/")
    kid.refresh_from_db()
    assert kid.status == "active"
    # Their own subscription now: their link opens their choices, not Ana's.
    assert b"kid@example.org" in Client().get(manage_url(kid)).content


def test_an_invitation_that_is_not_confirmed_sends_nothing_more(client, ana, smtp_sink):
    from newsletter.digest import queue_due_digests
    from newsletter.tests.helpers import story_in

    client.post(manage_url(ana), {"action": "invite", "email": "kid@example.org"})
    send()
    story_in(section("world"), 1, timezone.now() - timedelta(hours=1))
    Subscriber.objects.update(next_digest_at=timezone.now())
    queue_due_digests(timezone.now())
    send()
    assert [m["To"] for m in smtp_sink.messages] == ["kid@example.org", "ana@example.org"]


def test_the_inviter_sees_the_addresses_they_entered_and_nothing_more(client, ana):
    reader("bo@example.org", timezone.now())
    client.post(manage_url(ana), {"action": "invite", "email": "bo@example.org"})
    # Bo was subscribed already: he gets no invitation, and Ana is not told either way.
    assert not Delivery.objects.filter(kind="invite").exists()
    page = client.get(manage_url(ana)).content.decode()
    assert "bo@example.org" in page
    assert Subscriber.objects.get(email="bo@example.org").invited_by is None


def test_a_household_is_capped(client, ana, settings):
    settings.NEWSLETTER_HOUSEHOLD_MAX = 2
    for n in range(3):
        response = client.post(manage_url(ana), {"action": "invite", "email": f"k{n}@example.org"})
    assert b"Your household is full" in response.content
    assert Invitation.objects.count() == 2


def test_removing_a_member_who_has_not_confirmed_forgets_them(client, ana):
    client.post(manage_url(ana), {"action": "invite", "email": "kid@example.org"})
    invitation = Invitation.objects.get()
    client.post(manage_url(ana), {"action": "remove", "invitation": invitation.pk})
    assert not Invitation.objects.exists()
    assert not Subscriber.objects.filter(email="kid@example.org").exists()
    assert not Delivery.objects.filter(kind="invite", status="queued").exists()


def test_nobody_can_subscribe_someone_else_from_the_sign_up_form(client):
    from newsletter.tests.helpers import form

    client.post("/newsletter/subscribe/", form("victim@example.org"))
    victim = Subscriber.objects.get()
    assert victim.status == "pending" and not victim.next_digest_at


def test_a_reader_downloads_everything_kept_about_them(client, ana):
    Invitation.objects.create(inviter=ana, email="kid@example.org")
    response = client.get(manage_url(ana) + "export.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["email"] == "ana@example.org"
    assert data["consent"]["confirmed_at"] and data["consent"]["signed_up_from"] == "test"
    assert data["household"] == ["kid@example.org"]


def test_delete_me_erases_the_address_and_keeps_only_anonymous_counts(client, ana):
    from newsletter.send import mailing_for

    mailing = mailing_for(Mailing.Kind.DAILY, "2026-11-29")
    Delivery.objects.create(
        mailing=mailing, subscriber=ana, kind="daily", status="sent", due_at=timezone.now()
    )
    Invitation.objects.create(inviter=ana, email="kid@example.org")
    bo = reader("bo@example.org", timezone.now())
    Invitation.objects.create(inviter=bo, email="ana@example.org")
    url = manage_url(ana)
    response = client.post(url + "erase/")
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="ana@example.org").exists()
    assert not Invitation.objects.filter(email__in=["ana@example.org", "kid@example.org"]).exists()
    assert mailing.deliveries.get().subscriber is None  # still counted, no longer anyone's
    assert client.get(url).status_code == 404  # the old link opens nothing


def test_unsubscribing_cancels_the_mail_queued_for_the_reader(client, ana):
    from newsletter.send import mailing_for

    queued = Delivery.objects.create(
        mailing=mailing_for("daily", "x"), subscriber=ana, kind="daily", due_at=timezone.now()
    )
    token = signing.make_token("manage", ana.pk, ana.email)
    client.post(f"/newsletter/unsubscribe/{token}/")
    queued.refresh_from_db()
    assert queued.status == "cancelled"
    assert send() == 0
