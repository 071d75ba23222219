"""What a digest holds: the stories of the reader's sections since their last digest, each once,
never again, in section order, and nothing at all when nothing arrived."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Article, Story
from newsletter.digest import queue_due_digests
from newsletter.models import Delivery, Subscriber
from newsletter.send import Sender
from newsletter.tests.helpers import reader, section, story_in
from portal.tests import site

pytestmark = pytest.mark.django_db

# A Monday; readers confirmed the day before, at noon UTC, for a digest at 07:00.
DAY = datetime(2026, 11, 30, tzinfo=UTC)
CONFIRMED = DAY - timedelta(hours=12)
DUE = DAY + timedelta(hours=7)


def round_at(now: datetime) -> list[Delivery]:
    queue_due_digests(now)
    return list(Delivery.objects.filter(kind__in=["daily", "weekly", "each"]).order_by("pk"))


def test_a_digest_holds_the_stories_of_the_readers_sections_only():
    politics, sports, world = section("politics"), section("sports"), section("world")
    one = story_in(politics, 1, DAY + timedelta(hours=1))
    two = story_in(sports, 2, DAY + timedelta(hours=2))
    three = story_in(world, 3, DAY + timedelta(hours=3))
    reader("ana@example.org", CONFIRMED, choice="all_but", sections=[sports.pk])
    reader("bo@example.org", CONFIRMED, choice="only", sections=[sports.pk])
    got = {d.subscriber.email: d.stories for d in round_at(DUE)}
    assert set(got["ana@example.org"]) == {one.pk, three.pk}
    assert got["bo@example.org"] == [two.pk]


def test_nothing_is_recorded_before_the_readers_hour():
    story_in(section("world"), 1, DAY + timedelta(hours=1))
    reader("ana@example.org", CONFIRMED)
    assert round_at(DUE - timedelta(minutes=1)) == []
    assert len(round_at(DUE)) == 1


def test_a_story_covered_by_several_outlets_is_in_the_digest_once():
    world = section("world")
    big = story_in(world, 1, DAY + timedelta(hours=1), outlets=4)
    reader("ana@example.org", CONFIRMED)
    [digest] = round_at(DUE)
    assert digest.stories == [big.pk]


def test_a_story_sent_once_is_not_sent_again_when_more_outlets_cover_it():
    world = section("world")
    story = story_in(world, 1, DAY + timedelta(hours=1))
    ana = reader("ana@example.org", CONFIRMED)
    [first] = round_at(DUE)
    assert first.stories == [story.pk]
    # The next day another outlet covers it, and one new story arrives.
    later = site.article(site.outlet("Late outlet"), 9, section=world, story=story)
    Story.objects.filter(pk=story.pk).update(
        outlet_count=2, last_published_at=DUE + timedelta(hours=5)
    )
    Article.objects.filter(pk=later.pk).update(published_at=DUE + timedelta(hours=5))
    fresh = story_in(world, 2, DUE + timedelta(hours=6))
    ana.refresh_from_db()
    second = round_at(ana.next_digest_at)[-1]
    assert second.pk != first.pk and second.stories == [fresh.pk]


def test_an_empty_digest_is_not_sent():
    reader("ana@example.org", CONFIRMED)
    assert round_at(DUE) == []
    ana = Subscriber.objects.get()
    assert ana.next_digest_at == DUE + timedelta(days=1)  # and the window moved on


def test_each_reader_gets_one_digest_a_day_however_often_the_round_runs():
    story_in(section("world"), 1, DAY + timedelta(hours=1))
    reader("ana@example.org", CONFIRMED)
    round_at(DUE)
    round_at(DUE + timedelta(minutes=1))
    assert Delivery.objects.count() == 1


def test_stories_are_grouped_by_section_in_the_editors_order_most_important_first():
    politics, world = section("politics"), section("world")
    politics.order, world.order = 2, 1
    politics.save()
    world.save()
    small = story_in(politics, 1, DAY + timedelta(hours=1))
    big = story_in(politics, 2, DAY + timedelta(hours=2), outlets=3)
    abroad = story_in(world, 3, DAY + timedelta(hours=3))
    reader("ana@example.org", CONFIRMED)
    [digest] = round_at(DUE)
    assert digest.stories == [abroad.pk, big.pk, small.pk]


def test_a_paused_reader_gets_nothing_and_does_not_get_it_later():
    world = section("world")
    story_in(world, 1, DAY + timedelta(hours=1))
    reader("ana@example.org", CONFIRMED)
    Subscriber.objects.update(paused_until=DUE + timedelta(hours=1))
    assert round_at(DUE) == []
    fresh = story_in(world, 2, DUE + timedelta(hours=2))
    assert [d.stories for d in round_at(DUE + timedelta(days=1))] == [[fresh.pk]]


def test_at_the_pace_of_each_story_the_daily_cap_holds():
    world = section("world")
    for n in range(5):
        story_in(world, n, DAY + timedelta(hours=1, minutes=n))
    reader("ana@example.org", CONFIRMED, pace="each")
    Subscriber.objects.update(daily_cap=3, next_digest_at=DAY + timedelta(hours=2))
    deliveries = round_at(DAY + timedelta(hours=2))
    assert len(deliveries) == 3 and all(len(d.stories) == 1 for d in deliveries)


def test_the_digest_mail_links_each_story_page_in_section_order(smtp_sink):
    politics, world = section("politics"), section("world")
    one = story_in(politics, 1, DAY + timedelta(hours=1), title="Parliament votes")
    two = story_in(world, 2, DAY + timedelta(hours=2), title="Summit opens")
    reader("ana@example.org", CONFIRMED)
    round_at(DUE)
    assert Sender(clock=lambda: DUE, pause=lambda seconds: None).send_due() == 1
    [mail] = smtp_sink.wait_for(1)
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert f"/story/{one.pk}/" in text and f"/story/{two.pk}/" in text
    assert "Parliament votes" in html and "Summit opens" in html
    assert 'role="presentation"' in html  # laid out with tables for mail clients
    assert mail["Subject"].startswith("Today in")


def test_a_reader_far_away_gets_the_digest_at_their_own_hour():
    story_in(section("world"), 1, DAY - timedelta(hours=3))
    # 07:00 in Tokyo is 22:00 UTC the day before.
    reader("ken@example.org", DAY - timedelta(days=1), time_zone="Asia/Tokyo")
    tokyo_seven = DAY - timedelta(hours=2)
    assert round_at(tokyo_seven - timedelta(minutes=1)) == []
    [digest] = round_at(tokyo_seven)
    assert digest.mailing.key == "2026-11-30"  # the reader's own date
