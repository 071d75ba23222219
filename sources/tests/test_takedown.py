"""Takedowns: an outlet that asked to be removed goes with all its articles, and its hosts are
refused from then on, by every way a source is added."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles import cluster
from articles.models import Article, Story
from herald.groups import EDITORS
from herald.testing import rss
from sources.add import SourceError, add_source
from sources.models import Source, Takedown
from sources.opml import import_opml
from sources.takedown import take_down

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ana", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


@pytest.fixture
def outlet():
    source = Source.objects.create(
        feed_url="https://feeds.gazette.example/all.xml",
        name="The Gazette",
        homepage="https://www.gazette.example/",
    )
    for n in range(3):
        Article.objects.create(
            source=source, guid=f"g{n}", url=f"https://www.gazette.example/{n}",
            title=f"Gazette story {n}", published_at=timezone.now(),
        )  # fmt: skip
    return source


def opml(*outlines: tuple[str, str]) -> bytes:
    body = "".join(
        f'<outline text="x" xmlUrl="{feed}" htmlUrl="{home}"/>' for feed, home in outlines
    )
    return f'<opml version="2.0"><body>{body}</body></opml>'.encode()


def test_it_deletes_the_source_and_all_its_articles(outlet):
    other = Source.objects.create(feed_url="https://other.example/rss", name="Other")
    Article.objects.create(
        source=other, guid="o", url="https://other.example/1", title="Other story",
        published_at=timezone.now(),
    )  # fmt: skip
    take_down(outlet, "Asked by their lawyer on 28 Nov", by="ana")
    assert not Source.objects.filter(pk=outlet.pk).exists()
    assert list(Article.objects.values_list("title", flat=True)) == ["Other story"]


def test_it_removes_every_feed_the_outlet_has(outlet):
    sports = Source.objects.create(feed_url="https://www.gazette.example/sport.xml", name="Sport")
    Article.objects.create(
        source=sports, guid="s", url="https://www.gazette.example/s", title="Sport story",
        published_at=timezone.now(),
    )  # fmt: skip
    take_down(outlet, "Asked by their lawyer", by="ana")
    assert not Source.objects.exists()
    assert not Article.objects.exists()


def test_it_records_the_feed_host_and_the_homepage_host(outlet):
    take_down(outlet, "Asked by their lawyer", by="ana")
    assert set(Takedown.objects.values_list("host", "name", "reason", "by")) == {
        ("feeds.gazette.example", "The Gazette", "Asked by their lawyer", "ana"),
        ("gazette.example", "The Gazette", "Asked by their lawyer", "ana"),
    }


def test_the_stories_it_was_part_of_are_counted_again(outlet):
    other = Source.objects.create(feed_url="https://other.example/rss", name="Other")
    kept = Article.objects.create(
        source=other, guid="o", url="https://other.example/1", title="Other story",
        published_at=timezone.now(),
    )  # fmt: skip
    story = Story.objects.create(
        first_published_at=kept.published_at, last_published_at=kept.published_at
    )
    Article.objects.filter(pk__in=[kept.pk, outlet.articles.first().pk]).update(story=story)
    cluster.refresh_story(story)
    take_down(outlet, "", by="ana")
    story.refresh_from_db()
    assert (story.article_count, story.outlet_count, story.headline) == (1, 1, kept)


def test_adding_a_taken_down_feed_again_is_refused(outlet):
    take_down(outlet, "", by="ana")
    with pytest.raises(SourceError, match=r"feeds\.gazette\.example was taken down"):
        add_source("https://feeds.gazette.example/other.xml")
    assert not Source.objects.exists()


def test_adding_a_feed_whose_site_was_taken_down_is_refused(outlet, feed_server):
    take_down(outlet, "", by="ana")
    url = feed_server.serve("/feed.xml", rss([], link="https://gazette.example/"))
    with pytest.raises(SourceError, match=r"gazette\.example was taken down"):
        add_source(url)
    assert not Source.objects.exists()


def test_an_opml_import_skips_taken_down_hosts_and_says_so(outlet):
    take_down(outlet, "", by="ana")
    report = import_opml(
        opml(
            ("https://feeds.gazette.example/all.xml", ""),
            ("https://elsewhere.example/rss", "https://gazette.example/"),
            ("https://fine.example/rss", ""),
        )
    )
    assert report.added == 1 and [url for url, _ in report.refused] == [
        "https://feeds.gazette.example/all.xml",
        "https://elsewhere.example/rss",
    ]
    assert "2 refused (taken down)" in str(report)
    assert list(Source.objects.values_list("feed_url", flat=True)) == ["https://fine.example/rss"]


def test_the_admin_opml_import_tells_which_feeds_were_refused(editor, outlet):
    take_down(outlet, "", by="ana")
    upload = SimpleUploadedFile("feeds.opml", opml(("https://feeds.gazette.example/all.xml", "")))
    response = editor.post("/admin/sources/source/import-opml/", {"file": upload}, follow=True)
    page = response.content.decode()
    assert (
        "Not imported: https://feeds.gazette.example/all.xml: feeds.gazette.example was taken down"
        in page
    )


def test_the_admin_source_form_refuses_a_taken_down_host(editor, outlet):
    take_down(outlet, "", by="ana")
    data = {
        "name": "Gazette again", "feed_url": "https://www.gazette.example/rss", "homepage": "",
        "display": "excerpt", "poll_interval": 1800, "min_interval": 300,
        "max_interval": 86400, "is_active": "on",
        "section_rules-TOTAL_FORMS": 0, "section_rules-INITIAL_FORMS": 0,
        "learned_blocks-TOTAL_FORMS": 0, "learned_blocks-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = editor.post("/admin/sources/source/add/", data)
    assert response.status_code == 200
    assert "gazette.example was taken down" in response.content.decode()
    assert not Source.objects.exists()


def test_the_take_down_action_asks_for_the_reason_first(editor, outlet):
    action = {"action": "take_down", "_selected_action": [outlet.pk]}
    page = editor.post("/admin/sources/source/", action).content.decode()
    assert "3 articles" in page and "feeds.gazette.example" in page and 'name="reason"' in page
    assert Source.objects.filter(pk=outlet.pk).exists()


def test_the_take_down_action_removes_the_outlet_once_confirmed(editor, outlet):
    action = {"action": "take_down", "_selected_action": [outlet.pk]}
    response = editor.post(
        "/admin/sources/source/", {**action, "reason": "Their request of 28 Nov", "apply": "1"}
    )
    assert response.status_code == 302
    assert not Source.objects.exists() and not Article.objects.exists()
    assert Takedown.objects.get(host="gazette.example").by == "ana"


def test_deleting_a_takedown_lifts_it(editor, outlet):
    take_down(outlet, "", by="ana")
    for takedown in Takedown.objects.all():
        editor.post(f"/admin/sources/takedown/{takedown.pk}/delete/", {"post": "yes"})
    assert not Takedown.objects.exists()
    report = import_opml(opml(("https://feeds.gazette.example/all.xml", "")))
    assert report.added == 1
