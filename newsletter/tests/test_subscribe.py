"""Signing up, confirming and leaving, through the site's pages and a real SMTP server."""

import time

import pytest
from django.core import signing as django_signing
from django.test import Client
from django.utils import timezone

from herald.lib import signing
from newsletter.models import Delivery, Subscriber
from newsletter.send import Sender
from newsletter.tests.helpers import form, links, section
from portal.csrf import started_stamp

pytestmark = pytest.mark.django_db


def send():
    return Sender(pause=lambda seconds: None).send_due()


def test_a_sign_up_sends_one_confirmation_and_nothing_else(client, smtp_sink):
    response = client.post("/newsletter/subscribe/", form("ana@example.org", form="page-xyzzy"))
    assert response.status_code == 200
    assert b"Check your inbox" in response.content
    assert send() == 1
    [mail] = smtp_sink.wait_for(1)
    assert mail["To"] == "ana@example.org"
    assert "Confirm" in mail["Subject"]
    assert "confirm" in links(mail)
    assert mail.get_body(("html",)) is not None
    # Nothing the visitor typed comes back in the mail, but the address it is sent to.
    assert "xyzzy" not in mail.as_string()
    assert Subscriber.objects.get().status == "pending"


def test_one_click_on_the_link_confirms_the_address(client, smtp_sink):
    client.post("/newsletter/subscribe/", form("ana@example.org"))
    send()
    token = links(smtp_sink.wait_for(1)[0])["confirm"]
    response = Client().get(f"/newsletter/confirm/{token}/")
    assert response.status_code == 200
    assert b"You are subscribed" in response.content
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active"
    assert subscriber.next_digest_at is not None
    assert "link mailed at" in subscriber.confirmed_by


def test_an_expired_link_confirms_nothing(client, monkeypatch, settings):
    client.post("/newsletter/subscribe/", form("ana@example.org"))
    subscriber = Subscriber.objects.get()
    made_at = time.time() - (settings.NEWSLETTER_CONFIRM_HOURS + 1) * 3600
    monkeypatch.setattr(django_signing.time, "time", lambda: made_at)
    token = signing.make_token("confirm", subscriber.pk, subscriber.email)
    monkeypatch.undo()
    response = client.get(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert b"does not work" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_a_link_for_one_address_does_not_work_for_another(client):
    client.post("/newsletter/subscribe/", form("ana@example.org"))
    client.post("/newsletter/subscribe/", form("bo@example.org"))
    ana, bo = Subscriber.objects.order_by("email")
    # Ana's token with Bo's id: the address digest does not match.
    forged = django_signing.dumps(
        [bo.pk, signing.address_digest(ana.email)], salt="herald.confirm", compress=True
    )
    assert client.get(f"/newsletter/confirm/{forged}/").status_code == 400
    assert client.get("/newsletter/confirm/not-a-token/").status_code == 400
    # A confirmation token does not open the preference centre.
    confirm_token = signing.make_token("confirm", ana.pk, ana.email)
    assert client.get(f"/newsletter/manage/{confirm_token}/").status_code == 404
    assert not Subscriber.objects.filter(status="active").exists()


def test_signing_up_again_within_the_hour_sends_nothing_more_and_answers_the_same(
    client, smtp_sink
):
    first = client.post("/newsletter/subscribe/", form("ana@example.org"))
    second = client.post("/newsletter/subscribe/", form("ana@example.org"))
    assert first.content == second.content
    assert send() == 1
    assert Delivery.objects.count() == 1


def test_a_subscribed_address_is_told_nothing_new_and_keeps_its_choices(client, smtp_sink):
    sports = section("sports")
    client.post("/newsletter/subscribe/", form("ana@example.org", choice="all"))
    send()
    Client().get(f"/newsletter/confirm/{links(smtp_sink.wait_for(1)[0])['confirm']}/")
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timezone.timedelta(hours=2))
    fresh = client.post("/newsletter/subscribe/", form("bo@example.org"))
    again = client.post(
        "/newsletter/subscribe/",
        form("ana@example.org", choice="only", sections=[sports.pk]),
    )
    assert again.content == fresh.content
    ana = Subscriber.objects.get(email="ana@example.org")
    assert ana.status == "active" and ana.choice == "all"
    send()
    to_ana = [m for m in smtp_sink.wait_for(3) if m["To"] == "ana@example.org"]
    assert len(to_ana) == 2  # the confirmation, then a note with her own link to change things
    assert "manage" in links(to_ana[1]) and "confirm" not in links(to_ana[1])


@pytest.mark.parametrize(
    "fields",
    [
        lambda: {"homepage": "http://spam.example"},  # the hidden field people never see
        lambda: {"form_started": started_stamp()},  # sent as soon as the form opened
        lambda: {"form_started": "forged"},
    ],
)
def test_robots_are_told_the_same_and_nothing_is_stored(client, fields):
    response = client.post("/newsletter/subscribe/", form("ana@example.org", **fields()))
    assert response.status_code == 200 and b"Check your inbox" in response.content
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()


@pytest.mark.parametrize(
    "address", ["not-an-address", "ana@example.org\r\nBcc: victim@example.org", "a@-bad-.com"]
)
def test_an_address_that_cannot_take_mail_is_refused_with_a_clear_error(client, address):
    response = client.post("/newsletter/subscribe/", form(address))
    assert response.status_code == 400
    assert b"Enter a valid email address" in response.content
    assert not Subscriber.objects.exists()


def test_an_international_domain_is_taken(client):
    response = client.post("/newsletter/subscribe/", form("ana@bücher.example"))
    assert response.status_code == 200
    assert Subscriber.objects.get().email == "ana@bücher.example"


def test_too_many_sign_ups_from_one_network_address_get_429(client, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR = 3
    codes = [
        client.post("/newsletter/subscribe/", form(f"r{n}@example.org")).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert Subscriber.objects.count() == 3


def test_a_sign_up_flood_sends_no_more_confirmations_an_hour_than_the_cap(settings):
    settings.NEWSLETTER_CONFIRMATIONS_PER_HOUR = 5
    for n in range(12):
        # Each from its own network address: the per-address limit does not stop them.
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            "/newsletter/subscribe/", form(f"r{n}@example.org")
        )
    assert Subscriber.objects.count() == 12
    assert Delivery.objects.filter(kind="confirm").count() == 5


def test_one_click_unsubscribe_works_with_the_post_a_mail_provider_sends(smtp_sink, settings):
    from newsletter.tests.helpers import reader, story_in

    now = timezone.now()
    ana = reader("ana@example.org", now - timezone.timedelta(days=1), pace="each")
    story_in(section("world"), 1, now - timezone.timedelta(minutes=30))
    from newsletter.digest import queue_due_digests

    Subscriber.objects.update(next_digest_at=now)
    assert queue_due_digests(now) == 1
    assert send() == 1
    [mail] = smtp_sink.wait_for(1)
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Id"].endswith(">")
    url = mail["List-Unsubscribe"].strip("<>")
    assert url.startswith("http")
    # The provider's POST: no cookie, no CSRF token, just the body RFC 8058 prescribes.
    provider = Client(enforce_csrf_checks=True)
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = provider.post(
        "/" + path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.status == "unsubscribed"
    assert ana.deliveries.get().mailing.unsubscribed == 1


def test_the_unsubscribe_link_opened_by_a_scanner_changes_nothing(client):
    from newsletter.tests.helpers import reader

    ana = reader("ana@example.org", timezone.now())
    token = signing.make_token("manage", ana.pk, ana.email)
    response = client.get(f"/newsletter/unsubscribe/{token}/")
    assert response.status_code == 200 and b'<form method="post"' in response.content
    ana.refresh_from_db()
    assert ana.status == "active"
