"""Breaking news: an editor's alert reaches a section's active readers at once, through a real
SMTP server, and leaves their digests as they were."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from newsletter.alerts import send_alert
from newsletter.models import Delivery, Mailing, Subscriber
from newsletter.send import Sender
from newsletter.subscribe import pause, unsubscribe
from newsletter.tests.helpers import reader, section, story_in

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def send() -> int:
    return Sender(pause=lambda seconds: None).send_due()


@pytest.fixture
def newsroom():
    """The City section, a story in it, and readers of every kind."""
    city, sport = section("city"), section("sport")
    story = story_in(city, 1, NOW - timedelta(hours=1), title="Harbour bridge closed")
    reader("ana@example.org", NOW)  # every section
    reader("bo@example.org", NOW, choice="only", sections=[city.pk])
    reader("cy@example.org", NOW, choice="only", sections=[sport.pk])
    reader("dee@example.org", NOW, choice="all_but", sections=[city.pk])
    unsubscribe(reader("eve@example.org", NOW), NOW)
    Subscriber.objects.create(email="fay@example.org", signed_up_from="test")  # pending
    pause(reader("gil@example.org", NOW), NOW + timedelta(days=3))
    reader("hal@example.org", NOW, pace="none")  # followed stories only
    return city, story


def test_an_alert_reaches_exactly_the_sections_active_readers(newsroom, smtp_sink):
    city, story = newsroom
    send_alert(city, story, "Harbour bridge closed", "Avoid the centre.", None, NOW)
    assert send() == 2
    mails = smtp_sink.wait_for(2)
    assert sorted(mail["To"] for mail in mails) == ["ana@example.org", "bo@example.org"]
    mail = mails[0]
    assert mail["Subject"] == "Breaking: Harbour bridge closed"
    text = mail.get_body(("plain",)).get_content()
    assert "Avoid the centre." in text
    assert f"/story/{story.pk}/" in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_alert_leaves_the_readers_next_digest_as_it_was(newsroom, smtp_sink):
    city, story = newsroom
    before = {s.email: (s.next_digest_at, s.digest_since) for s in Subscriber.objects.all()}
    send_alert(city, story, "Harbour bridge closed", "", None, NOW)
    send()
    after = {s.email: (s.next_digest_at, s.digest_since) for s in Subscriber.objects.all()}
    assert after == before


def test_the_subject_of_an_alert_is_one_line(newsroom, smtp_sink):
    city, story = newsroom
    send_alert(city, story, "Bridge closed\r\nBcc: eve@example.org", "", None, NOW)
    send()
    mails = smtp_sink.wait_for(2)
    assert mails[0]["Subject"] == "Breaking: Bridge closed Bcc: eve@example.org"
    assert mails[0]["Bcc"] is None
    assert sorted(to for _, (to,) in smtp_sink.envelopes) == ["ana@example.org", "bo@example.org"]


def test_an_alert_sent_twice_in_the_same_second_is_recorded_once(newsroom):
    city, story = newsroom
    first = send_alert(city, story, "Harbour bridge closed", "", None, NOW)
    again = send_alert(city, story, "Harbour bridge closed", "", None, NOW)
    assert first == again
    assert Delivery.objects.filter(kind="alert").count() == 2


# --- from the desk -------------------------------------------------------------------------------


ALERTS = "/admin/newsletter/mailing/send-alert/"


def alert_form(city, story_field, **fields):
    return {
        "section": city.pk,
        "story": story_field,
        "subject": "Harbour bridge closed",
        "message": "Avoid the centre.",
    } | fields


def test_the_mailings_page_offers_editors_an_alert(admin_client):
    page = admin_client.get("/admin/newsletter/mailing/").content.decode()
    assert ALERTS in page
    assert "Send a breaking news alert" in page


def test_a_desk_user_who_may_only_look_at_mailings_sends_no_alert(
    client, django_user_model, newsroom
):
    city, story = newsroom
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_mailing"))
    client.force_login(user)
    assert ALERTS not in client.get("/admin/newsletter/mailing/").content.decode()
    response = client.post(ALERTS, alert_form(city, story.pk, confirmed="Send now"))
    assert response.status_code == 403
    assert not Mailing.objects.exists()


def test_the_desk_asks_once_more_with_the_number_of_readers(admin_client, newsroom):
    city, story = newsroom
    response = admin_client.post(ALERTS, alert_form(city, str(story.pk)))
    assert response.status_code == 200
    assert "goes to <strong>2 readers</strong>" in response.content.decode()
    assert not Mailing.objects.exists()


def test_an_editor_sends_an_alert_from_the_desk(admin_client, admin_user, newsroom, smtp_sink):
    city, story = newsroom
    response = admin_client.post(ALERTS, alert_form(city, str(story.pk), confirmed="Send now"))
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/newsletter/mailing/{mailing.pk}/change/"
    assert (mailing.kind, mailing.section, mailing.story) == ("alert", city, story)
    assert mailing.created_by == admin_user
    # The send task ran (inline in the tests).
    mails = smtp_sink.wait_for(2)
    assert sorted(mail["To"] for mail in mails) == ["ana@example.org", "bo@example.org"]


def test_the_alert_form_takes_the_address_of_one_of_the_storys_articles(admin_client, newsroom):
    city, story = newsroom
    address = f"https://herald.example{story.headline.get_absolute_url()}"
    response = admin_client.post(ALERTS, alert_form(city, address))
    assert "Story: Harbour bridge closed" in response.content.decode()


@pytest.mark.parametrize("story_field", ["999999", "https://herald.example/latest/", "bridge"])
def test_the_alert_form_refuses_what_is_no_story(admin_client, newsroom, story_field):
    city, _ = newsroom
    response = admin_client.post(ALERTS, alert_form(city, story_field, confirmed="Send now"))
    assert response.status_code == 200
    assert "No story has this number or address." in response.content.decode()
    assert not Mailing.objects.exists()
