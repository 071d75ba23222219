"""Following one story from its page: the click from the inbox that starts it, one mail a day at
most when the story has news, and the end when it goes quiet; mail through a real SMTP server."""

import re
from datetime import timedelta

import pytest
from django.core import signing as django_signing
from django.test import Client
from django.utils import timezone

from articles import cluster
from articles.models import Article, Story
from herald.lib import signing
from newsletter.follow import confirm_follows, queue_follow_updates, seen_now
from newsletter.models import Delivery, Follow, Subscriber
from newsletter.send import Sender
from newsletter.subscribe import unsubscribe
from newsletter.tests.helpers import form, links, reader, section, story_in
from portal.csrf import started_stamp
from portal.tests import site

pytestmark = pytest.mark.django_db

FOLLOW_LINK = re.compile(r"https?://\S+?/newsletter/follow/confirm/([^/\s]+)/")
NOW = timezone.now()
HOUR = timedelta(hours=1)


def send(at=None) -> int:
    return Sender(clock=(lambda: at) if at else timezone.now, pause=lambda s: None).send_due()


@pytest.fixture
def story() -> Story:
    return story_in(section("world"), 1, NOW - 2 * HOUR, title="Harbour bridge closes")


def follow(client, story: Story, email: str, **fields):
    fields = {"email": email, "form_started": form(email)["form_started"]} | fields
    return client.post(f"/newsletter/follow/{story.pk}/", fields)


def another_outlet_covers(story: Story, at) -> None:
    """A new outlet's article joins the story, as clustering adds it."""
    n = Article.objects.count() + 1
    late = site.outlet(f"Late outlet {n}")
    site.article(late, n, title=f"Bridge {n}", published_at=at, story=story)
    cluster.refresh_story(story)


@pytest.fixture
def following(story) -> Follow:
    """Ana, subscribed, following the story since NOW."""
    ana = reader("ana@example.org", NOW - timedelta(days=30))
    return Follow.objects.create(subscriber=ana, story=story, confirmed_at=NOW, **seen_now(story))


def follow_link(message) -> str:
    text = message.get_body(("plain",)).get_content()
    return FOLLOW_LINK.search(text).group(1)


# --- asking ---------------------------------------------------------------------------------------


def test_the_story_page_shows_the_form_and_carries_no_reader_token(client, story):
    response = client.get(f"/story/{story.pk}/")
    html = response.content.decode()
    assert f'action="/newsletter/follow/{story.pk}/"' in html
    assert 'name="homepage"' in html and 'name="cache_safe_form"' in html
    assert "csrfmiddlewaretoken" not in html


def test_a_new_address_that_follows_gets_one_confirmation_mail(client, story, smtp_sink):
    response = follow(client, story, "ana@example.org")
    assert response.status_code == 200 and b"Check your inbox" in response.content
    assert send() == 1
    [mail] = smtp_sink.wait_for(1)
    assert mail["To"] == "ana@example.org" and "confirm" in links(mail)
    ana = Subscriber.objects.get()
    assert (ana.status, ana.choice, ana.pace) == ("pending", "none", "none")
    assert ana.signed_up_from == f"follow story {story.pk}"
    assert ana.follows.get().confirmed_at is None


def test_confirming_the_address_starts_its_follows(client, story, smtp_sink):
    follow(client, story, "ana@example.org")
    send()
    token = links(smtp_sink.wait_for(1)[0])["confirm"]
    assert Client().get(f"/newsletter/confirm/{token}/").status_code == 200
    ana = Subscriber.objects.get()
    confirm_follows(ana, timezone.now())
    assert ana.follows.get().confirmed_at is not None
    assert ana.next_digest_at is None  # the story, and no digest
    another_outlet_covers(story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 1
    assert send(NOW + 2 * HOUR) == 1
    update = smtp_sink.wait_for(2)[1]
    assert update["Subject"] == "Update: Harbour bridge closes"
    assert "2 outlets cover it now" in update.get_body(("plain",)).get_content()


def test_a_subscribed_address_gets_a_mail_to_confirm_the_follow_and_nothing_else(
    client, story, smtp_sink
):
    reader("ana@example.org", NOW - timedelta(days=30))
    response = follow(client, story, "ana@example.org")
    assert b"Check your inbox" in response.content
    assert send() == 1
    [mail] = smtp_sink.wait_for(1)
    assert "Harbour bridge closes" in mail["Subject"]
    assert follow_link(mail)
    assert Follow.objects.get().confirmed_at is None
    another_outlet_covers(story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 0
    assert send(NOW + 2 * HOUR) == 0


def test_one_click_on_the_mailed_link_starts_the_follow(client, story, smtp_sink):
    reader("ana@example.org", NOW - timedelta(days=30))
    follow(client, story, "ana@example.org")
    send()
    token = follow_link(smtp_sink.wait_for(1)[0])
    response = Client().get(f"/newsletter/follow/confirm/{token}/")
    assert response.status_code == 200 and b"You follow this story" in response.content
    assert Follow.objects.get().confirmed_at is not None
    another_outlet_covers(story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 1


def test_a_subscribed_address_gets_one_follow_confirmation_an_hour_at_most(client, story):
    other = story_in(section("world"), 2, NOW - HOUR)
    reader("ana@example.org", NOW - timedelta(days=30))
    follow(client, story, "ana@example.org")
    follow(client, other, "ana@example.org")
    assert Follow.objects.count() == 2
    assert Delivery.objects.filter(variant="follow_confirm").count() == 1


def test_the_answer_is_the_same_whatever_the_address(client, story):
    reader("active@example.org", NOW)
    Subscriber.objects.create(email="pending@example.org", signed_up_from="test")
    unsubscribe(reader("left@ex.org", NOW), NOW)
    addresses = ["new@example.org", "active@example.org", "pending@example.org", "left@ex.org"]
    answers = {follow(client, story, email).content for email in addresses}
    assert len(answers) == 1


def test_an_address_that_left_comes_back_pending_for_the_story_alone(client, story):
    left = reader("ana@example.org", NOW, choice="only", sections=[section("sports").pk])
    unsubscribe(left, NOW)
    follow(client, story, "ana@example.org")
    left.refresh_from_db()
    assert (left.status, left.choice, left.pace) == ("pending", "none", "none")
    assert not left.sections.exists()


@pytest.mark.parametrize(
    "fields",
    [
        lambda: {"homepage": "http://spam.example"},  # the hidden field people never see
        lambda: {"form_started": started_stamp()},  # sent as soon as the form opened
        lambda: {"form_started": "forged"},
    ],
)
def test_robots_are_told_the_same_and_nothing_is_stored(client, story, fields):
    response = follow(client, story, "ana@example.org", **fields())
    assert response.status_code == 200 and b"Check your inbox" in response.content
    assert not Subscriber.objects.exists() and not Follow.objects.exists()


def test_an_address_that_cannot_take_mail_gets_the_form_again(client, story):
    response = follow(client, story, "ana@example.org\r\nBcc: victim@example.org")
    assert response.status_code == 400
    assert b"Enter a valid email address" in response.content
    assert not Subscriber.objects.exists()


def test_too_many_follows_from_one_network_address_get_429(client, story, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR = 2
    codes = [follow(client, story, f"r{n}@example.org").status_code for n in range(3)]
    assert codes == [200, 200, 429]


def test_a_story_that_does_not_exist_cannot_be_followed(client):
    assert follow(client, Story(pk=999), "ana@example.org").status_code == 404


def test_a_forged_or_other_address_link_confirms_nothing(client, story):
    ana = reader("ana@example.org", NOW)
    bo = reader("bo@example.org", NOW)
    follow(client, story, "ana@example.org")
    follow(client, story, "bo@example.org")
    bos = Follow.objects.get(subscriber=bo)
    forged = django_signing.dumps(
        [bos.pk, signing.address_digest(ana.email)], salt="herald.follow", compress=True
    )
    manage = signing.make_token("manage", bos.pk, bo.email)  # a link for another purpose
    for token in [forged, manage, "not-a-token"]:
        assert client.get(f"/newsletter/follow/confirm/{token}/").status_code == 400
    assert not Follow.objects.filter(confirmed_at__isnull=False).exists()


# --- the news -------------------------------------------------------------------------------------


def test_a_new_outlet_on_the_story_sends_one_mail(following, smtp_sink):
    another_outlet_covers(following.story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 1
    assert send(NOW + 2 * HOUR) == 1
    [mail] = smtp_sink.wait_for(1)
    assert mail["To"] == "ana@example.org" and mail["List-Unsubscribe"]
    following.refresh_from_db()
    assert following.seen_outlets == 2 and following.last_sent_at == NOW + 2 * HOUR


def test_an_update_of_the_headline_article_is_news_too(following):
    Article.objects.filter(pk=following.story.headline_id).update(updated_at=NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 1


def test_a_second_change_the_same_day_sends_nothing(following):
    another_outlet_covers(following.story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 1
    another_outlet_covers(following.story, NOW + 3 * HOUR)
    assert queue_follow_updates(NOW + 4 * HOUR) == 0
    assert queue_follow_updates(NOW + 20 * HOUR) == 0


def test_a_change_the_next_day_sends_one_more(following, smtp_sink):
    another_outlet_covers(following.story, NOW + HOUR)
    queue_follow_updates(NOW + 2 * HOUR)
    another_outlet_covers(following.story, NOW + 3 * HOUR)
    assert queue_follow_updates(NOW + 26 * HOUR) == 1
    assert queue_follow_updates(NOW + 27 * HOUR) == 0
    assert send(NOW + 26 * HOUR) == 2
    assert "3 outlets" in smtp_sink.wait_for(2)[1].get_body(("plain",)).get_content()


def test_nothing_new_sends_nothing(following):
    assert queue_follow_updates(NOW + 2 * HOUR) == 0


def test_a_story_quiet_for_days_ends_the_follow(following, settings):
    settings.NEWSLETTER_FOLLOW_QUIET_DAYS = 7
    assert queue_follow_updates(NOW + timedelta(days=6)) == 0
    following.refresh_from_db()
    assert following.ended_at is None
    quiet = NOW + timedelta(days=8)
    assert queue_follow_updates(quiet) == 0
    following.refresh_from_db()
    assert following.ended_at == quiet
    another_outlet_covers(following.story, quiet + HOUR)
    assert queue_follow_updates(quiet + 2 * HOUR) == 0


def test_a_reader_who_unsubscribed_hears_nothing_of_the_story(following):
    unsubscribe(following.subscriber, NOW)
    another_outlet_covers(following.story, NOW + HOUR)
    assert queue_follow_updates(NOW + 2 * HOUR) == 0
    assert not Delivery.objects.filter(kind="follow").exists()
