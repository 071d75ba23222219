"""The editors' desk, used as an editor uses it: the unsorted queue, the articles and stories
admin with their actions, and the sources' health."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import cluster
from articles.models import Article, Section, SectionBy, SectionRule, Story
from herald.groups import EDITORS
from sources.models import Source

pytestmark = pytest.mark.django_db

QUEUE = "/admin/articles/unsortedarticle/"
ARTICLES = "/admin/articles/article/"
STORIES = "/admin/articles/story/"
SOURCES = "/admin/sources/source/"


@pytest.fixture
def ana(django_user_model):
    user = django_user_model.objects.create_user("ana", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor(client, ana):
    client.force_login(ana)
    return client


@pytest.fixture
def source():
    return Source.objects.create(
        feed_url="https://o.example/feed", name="The Outlet", homepage="https://o.example/"
    )


def make_article(source, n, hours_ago=0, **fields):
    fields = {
        "guid": f"g{n}", "url": f"https://{source.pk}.example/{n}", "title": f"Story {n}",
        "published_at": timezone.now() - timedelta(hours=hours_ago),
        "organized_at": timezone.now(), **fields,
    }  # fmt: skip
    return Article.objects.create(source=source, **fields)


def section(slug):
    return Section.objects.get(slug=slug)


def story_of(*articles):
    story = Story.objects.create(
        first_published_at=articles[0].published_at, last_published_at=articles[0].published_at
    )
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(story=story)
    return cluster.refresh_story(story)


# The unsorted queue


def test_the_queue_lists_organized_visible_articles_without_a_section_newest_first(editor, source):
    make_article(source, 1, hours_ago=5, title="Older unsorted")
    make_article(source, 2, hours_ago=1, title="Newer unsorted")
    make_article(source, 3, title="Sorted", section=section("world"), section_by=SectionBy.RULE)
    make_article(source, 4, title="Hidden", is_hidden=True)
    make_article(source, 5, title="Not organized yet", organized_at=None)
    page = editor.get(QUEUE).content.decode()
    assert page.index("Newer unsorted") < page.index("Older unsorted")
    for title in ["Sorted", "Hidden", "Not organized yet"]:
        assert title not in page


def test_the_queue_shows_the_best_guess(editor, source):
    make_article(source, 1, section_reason="best guess: Sports", section_score=0.41)
    assert "best guess: Sports (0.41)" in editor.get(QUEUE).content.decode()


def test_the_queue_offers_one_button_per_active_section(editor, source):
    make_article(source, 1)
    Section.objects.filter(slug="comedy").update(is_active=False)
    page = editor.get(QUEUE).content.decode()
    assert page.count('name="section"') == Section.objects.filter(is_active=True).count()
    assert ">Sports</button>" in page and ">Comedy</button>" not in page


def test_one_click_files_the_article_as_an_editors_choice_and_returns_to_the_queue(editor, source):
    article = make_article(source, 1)
    sports = section("sports")
    response = editor.post(f"{QUEUE}{article.pk}/assign/", {"section": sports.pk})
    assert response.status_code == 302 and response["Location"] == QUEUE
    article.refresh_from_db()
    assert (article.section, article.section_by) == (sports, SectionBy.EDITOR)
    assert editor.get(QUEUE).context["cl"].result_count == 0


def test_one_click_needs_the_csrf_token(ana, source):
    article = make_article(source, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana)
    response = client.post(f"{QUEUE}{article.pk}/assign/", {"section": section("sports").pk})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).section is None


def test_one_click_refuses_a_retired_section(editor, source):
    article = make_article(source, 1)
    Section.objects.filter(slug="comedy").update(is_active=False)
    response = editor.post(f"{QUEUE}{article.pk}/assign/", {"section": section("comedy").pk})
    assert response.status_code == 404
    assert Article.objects.get(pk=article.pk).section is None


# Articles


def test_articles_are_found_by_words_of_their_text(editor, source):
    make_article(source, 1, title="Council meets", content_text="The budget for the harbour")
    make_article(source, 2, title="Match report", content_text="A late goal")
    page = editor.get(ARTICLES, {"q": "harbour"}).content.decode()
    assert "Council meets" in page and "Match report" not in page


def test_the_article_form_explains_why_it_got_its_section(editor, source):
    article = make_article(
        source, 1, section=section("sports"), section_by=SectionBy.RULE,
        section_reason="feed category “Football”", categories=["Football", "Premier League"],
    )  # fmt: skip
    page = editor.get(f"{ARTICLES}{article.pk}/change/").content.decode()
    assert "the source&#x27;s mapping" in page
    assert "feed category “Football”" in page
    assert "Football, Premier League" in page


def test_changing_the_section_in_the_form_makes_it_an_editors_choice(editor, source):
    article = make_article(source, 1, section=section("world"), section_by=SectionBy.CLASSIFIER)
    data = {
        "title": article.title, "url": article.url, "author": "",
        "published_at_0": "2026-11-28", "published_at_1": "10:00:00",
        "section": section("politics").pk, "summary": "", "language": "", "slug": article.slug,
        "_save": "Save",
    }  # fmt: skip
    response = editor.post(f"{ARTICLES}{article.pk}/change/", data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.section, article.section_by) == (section("politics"), SectionBy.EDITOR)
    assert article.section_reason == "set by ana"


def test_moving_articles_asks_for_the_section_then_files_each_as_an_editors_choice(editor, source):
    articles = [make_article(source, n) for n in range(2)]
    action = {"action": "move_to_section", "_selected_action": [a.pk for a in articles]}
    page = editor.post(ARTICLES, action).content.decode()
    assert "Move to section" in page and "Story 0" in page and "Story 1" in page
    editor.post(ARTICLES, {**action, "section": section("health").pk, "apply": "Move"})
    moved = Article.objects.filter(section=section("health"), section_by=SectionBy.EDITOR)
    assert moved.count() == 2


@pytest.mark.parametrize(
    ("action", "field", "before", "after"),
    [
        ("hide", "is_hidden", False, True),
        ("unhide", "is_hidden", True, False),
        ("pin", "is_pinned", False, True),
        ("unpin", "is_pinned", True, False),
        ("feature", "is_featured", False, True),
        ("unfeature", "is_featured", True, False),
    ],
)
def test_the_flag_actions_set_their_flag_on_the_selected_articles(
    editor, source, action, field, before, after
):
    chosen, other = make_article(source, 1, **{field: before}), make_article(source, 2)
    editor.post(ARTICLES, {"action": action, "_selected_action": [chosen.pk]})
    assert getattr(Article.objects.get(pk=chosen.pk), field) is after
    assert getattr(Article.objects.get(pk=other.pk), field) is False


def test_moving_articles_to_a_new_story_splits_them_off(editor, source):
    stay, go = make_article(source, 1, hours_ago=2), make_article(source, 2)
    story = story_of(stay, go)
    editor.post(ARTICLES, {"action": "split_into_new_story", "_selected_action": [go.pk]})
    go.refresh_from_db()
    assert go.story_id not in (None, story.pk)
    assert Story.objects.get(pk=story.pk).article_count == 1


# Stories


def test_the_story_page_shows_its_articles(editor, source):
    story = story_of(make_article(source, 1), make_article(source, 2, title="Second take"))
    page = editor.get(f"{STORIES}{story.pk}/change/").content.decode()
    assert "Story 1" in page and "Second take" in page and "Make headline" in page


def test_merging_stories_joins_them_into_the_oldest(editor, source):
    old = story_of(make_article(source, 1, hours_ago=10))
    new = story_of(make_article(source, 2, hours_ago=1))
    editor.post(STORIES, {"action": "merge", "_selected_action": [old.pk, new.pk]})
    assert list(Story.objects.values_list("pk", "article_count")) == [(old.pk, 2)]


def test_an_editor_picks_the_headline_article(editor, source):
    first, second = make_article(source, 1, hours_ago=3), make_article(source, 2)
    story = story_of(first, second)
    assert story.headline == first
    response = editor.post(f"{STORIES}{story.pk}/headline/{second.pk}/")
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.headline, story.headline_by_editor) == (second, True)


def test_the_headline_must_be_one_of_the_storys_articles(editor, source):
    story = story_of(make_article(source, 1))
    stranger = make_article(source, 2)
    response = editor.post(f"{STORIES}{story.pk}/headline/{stranger.pk}/")
    assert response.status_code == 404


# Sources' health and mapping


def test_the_health_chart_shows_each_days_count(editor, source):
    for n in range(3):
        make_article(source, n)
    make_article(source, 9, hours_ago=48)
    make_article(source, 10, hours_ago=24 * 20)  # older than the chart
    page = editor.get(SOURCES).content.decode()
    today = timezone.localdate()
    assert f"<title>{today:%Y-%m-%d}: 3 articles</title>" in page
    assert f"<title>{today - timedelta(days=2):%Y-%m-%d}: 1 article</title>" in page
    assert page.count("<rect") == 14
    assert 'aria-label="4 articles in the last 14 days"' in page


def test_the_health_charts_take_one_query_however_many_sources(editor):
    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            editor.get(SOURCES)
        return len(queries)

    for n in range(2):
        make_article(Source.objects.create(feed_url=f"https://{n}.example/", name=f"S{n}"), n)
    two = queries_for_list()
    for n in range(2, 6):
        make_article(Source.objects.create(feed_url=f"https://{n}.example/", name=f"S{n}"), n)
    assert queries_for_list() == two


def test_the_source_list_shows_its_health(editor, source):
    Source.objects.filter(pk=source.pk).update(
        last_status=503, error_count=4, last_error="the server answered HTTP 503"
    )
    page = editor.get(SOURCES).content.decode()
    assert '<td class="field-last_status">503</td>' in page
    assert '<td class="field-error_count">4</td>' in page
    assert "the server answered HTTP 503" in page


def source_form(source, **extra):
    return {
        "name": source.name, "feed_url": source.feed_url, "homepage": source.homepage,
        "display": "excerpt", "poll_interval": 1800, "min_interval": 300,
        "max_interval": 86400, "is_active": "on",
        "section_rules-TOTAL_FORMS": 0, "section_rules-INITIAL_FORMS": 0,
        "learned_blocks-TOTAL_FORMS": 0, "learned_blocks-INITIAL_FORMS": 0, **extra,
    }  # fmt: skip


def test_the_source_form_maps_categories_and_a_default_section(editor, source):
    rules = {
        "section_rules-TOTAL_FORMS": 2,
        "section_rules-0-kind": "category", "section_rules-0-pattern": "Football",
        "section_rules-0-section": section("sports").pk,
        "section_rules-1-kind": "default", "section_rules-1-pattern": "",
        "section_rules-1-section": section("world").pk,
    }  # fmt: skip
    response = editor.post(
        f"/admin/sources/source/{source.pk}/change/", source_form(source, **rules)
    )
    assert response.status_code == 302
    assert set(SectionRule.objects.values_list("kind", "pattern", "section__slug")) == {
        ("category", "Football", "sports"),
        ("default", "", "world"),
    }


def test_a_category_rule_needs_its_category(editor, source):
    rules = {
        "section_rules-TOTAL_FORMS": 1, "section_rules-0-kind": "category",
        "section_rules-0-pattern": "", "section_rules-0-section": section("sports").pk,
    }  # fmt: skip
    response = editor.post(
        f"/admin/sources/source/{source.pk}/change/", source_form(source, **rules)
    )
    assert response.status_code == 200
    assert not SectionRule.objects.exists()
