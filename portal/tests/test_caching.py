import json
from datetime import timedelta
from uuid import uuid4

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Post, Section, Tag
from articles.organize import organize_article
from articles.posts import publish_due_posts
from herald import config
from portal import caching
from portal.models import SitePage
from portal.tests.site import article, outlet, story
from sources.models import Source


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(settings, transactional_db, monkeypatch):
    """A page cache of the test's own, with the default times, and a clock that moves on only
    when told. Transactional: inside a test's transaction pages are never kept."""
    settings.CACHES = settings.CACHES | {
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": f"pages-{uuid4()}"},
    }  # fmt: skip
    settings.PAGE_CACHE_SECONDS, settings.PAGE_BROWSER_SECONDS = 60, 10
    now = Clock()
    monkeypatch.setattr(caching, "clock", now)
    return now


@pytest.fixture
def item(clock):
    return article(outlet(), 1, title="Harbour reopens")


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_anonymous_page_is_made_once_then_served_from_the_cache(
    client, item, django_assert_num_queries
):
    first = client.get("/")
    with django_assert_num_queries(0):
        again = client.get("/")
    assert again.status_code == 200 and again.content == first.content
    assert "Harbour reopens" in again.content.decode()


def test_every_kind_of_public_page_is_kept(client, item, django_assert_num_queries):
    post = Post.objects.create(
        title="A letter", slug="letter", body="Hi", body_html="<p>Hi</p>",
        status=Post.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    made = story(item)
    tag = Tag.objects.create(name="Harbour")
    item.tags.add(tag)
    section = Section.objects.create(name="Ports", slug="ports")
    urls = [
        "/", item.get_absolute_url(), post.get_absolute_url(), section.get_absolute_url(),
        reverse("portal:outlet", args=[item.source_id]), reverse("portal:story", args=[made.pk]),
        reverse("portal:tag", args=[tag.slug]), reverse("portal:search") + "?q=harbour",
        reverse("portal:feed-rss"), reverse("portal:feed-json"), reverse("portal:sitemap-index"),
    ]  # fmt: skip
    for url in urls:
        assert client.get(url).status_code == 200, url
    for url in urls:
        with django_assert_num_queries(0):
            assert "public" in cache_control(client.get(url)), url


def test_shared_caches_may_keep_an_anonymous_page_a_while_and_browsers_briefly(client, item):
    response = client.get(item.get_absolute_url())
    assert cache_control(response) == {"public", "max-age=10", "s-maxage=60"}
    assert response["ETag"] and response["Last-Modified"]


def test_a_kept_page_gives_caches_only_the_time_it_has_left(client, item, clock):
    made = client.get("/")
    clock.now += 55
    later = client.get("/")
    assert cache_control(later) == {"public", "max-age=5", "s-maxage=5"}
    assert later["Last-Modified"] == made["Last-Modified"]


def test_saving_an_article_drops_the_kept_pages(client, item):
    assert "Harbour reopens" in client.get("/").content.decode()
    item.title = "Harbour reopens after repairs"
    item.save()
    assert "Harbour reopens after repairs" in client.get("/").content.decode()


def test_a_change_that_bypasses_signals_shows_after_page_cache_seconds_at_most(client, item, clock):
    client.get(item.get_absolute_url())
    Article.objects.filter(pk=item.pk).update(title="Quietly corrected")
    clock.now += 59
    assert "Quietly corrected" not in client.get(item.get_absolute_url()).content.decode()
    clock.now += 1
    assert "Quietly corrected" in client.get(item.get_absolute_url()).content.decode()


def test_changed_drops_the_kept_pages_after_a_bulk_update(client, item):
    assert client.get(item.get_absolute_url()).status_code == 200
    Article.objects.filter(pk=item.pk).update(is_hidden=True)
    caching.changed()
    assert client.get(item.get_absolute_url()).status_code == 404


def test_a_reader_with_a_session_cookie_always_gets_a_fresh_private_page(client, item):
    client.get("/")
    Article.objects.filter(pk=item.pk).update(title="Quietly corrected")
    client.cookies["sessionid"] = "an-editors-session"
    response = client.get("/")
    assert "Quietly corrected" in response.content.decode()
    assert cache_control(response) == {"private", "no-cache"}


def test_a_signed_in_editor_gets_private_pages(client, item):
    editor = User.objects.create_user("editor", is_staff=True)
    client.force_login(editor)
    assert cache_control(client.get(item.get_absolute_url())) == {"private", "no-cache"}


def test_a_page_is_answered_304_when_the_reader_has_it(client, item):
    url = item.get_absolute_url()
    first = client.get(url)
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    assert "public" in cache_control(since)


def test_a_feed_is_kept_and_answered_304_when_the_reader_has_it(
    client, item, django_assert_num_queries
):
    first = client.get("/feeds/atom/")
    assert first["ETag"] and first["Last-Modified"] and "public" in cache_control(first)
    with django_assert_num_queries(0):
        again = client.get("/feeds/atom/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_the_desk_and_the_token_endpoint_are_never_kept(client, clock):
    for url in ("/admin/login/", "/forms/token/"):
        assert "public" not in cache_control(client.get(url)), url


def test_an_unknown_page_is_not_kept(client, clock):
    response = client.get("/articles/999/nothing/")
    assert response.status_code == 404 and "public" not in response.get("Cache-Control", "")


def test_with_page_cache_seconds_at_zero_nothing_is_kept(client, item, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    Article.objects.filter(pk=item.pk).update(title="Quietly corrected")
    response = client.get("/")
    assert "Quietly corrected" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def edit_section(source, item):
    Section.objects.create(name="Ports", slug="ports")


def publish_post(source, item):
    Post.objects.create(title="A letter", slug="letter", body="Hi", status=Post.Status.PUBLISHED)


def make_story(source, item):
    story(item)


def change_display_policy(source, item):
    source.display = Source.Display.EXCERPT
    source.save()


def take_down_outlet(source, item):
    source.delete()


def write_about_page(source, item):
    SitePage.objects.update_or_create(
        slug="about", defaults={"title": "About us", "body": "We gather the news."}
    )


def organize_an_article(source, item):
    Article.objects.filter(pk=item.pk).update(organized_at=None)
    organize_article(item.pk)


def publish_a_scheduled_post(source, item):
    Post.objects.create(
        title="Due", slug="due", body="x", status=Post.Status.SCHEDULED,
        publish_at=timezone.now() - timedelta(minutes=1),
    )  # fmt: skip
    caching.changed()  # the create above renews it too: what is measured is the publishing
    before = caching.generation()
    publish_due_posts()
    assert caching.generation() != before


def log_a_desk_change(source, item):
    editor = User.objects.create_user("editor", is_staff=True)
    LogEntry.objects.log_actions(editor.pk, [item], CHANGE, single_object=True)


@pytest.mark.parametrize(
    "change",
    [
        edit_section, publish_post, make_story, change_display_policy, take_down_outlet,
        write_about_page, log_a_desk_change, organize_an_article, publish_a_scheduled_post,
    ],
)  # fmt: skip
def test_each_change_to_what_pages_show_renews_the_generation(change, item):
    before = caching.generation()
    change(item.source, item)
    assert caching.generation() != before


def test_tagging_an_article_or_filing_it_under_another_section_renews_the_generation(item):
    tag, section = Tag.objects.create(name="Harbour"), Section.objects.create(name="P", slug="p")
    seen = [caching.generation()]
    item.tags.add(tag)
    seen.append(caching.generation())
    item.extra_sections.add(section)
    seen.append(caching.generation())
    assert len(set(seen)) == 3


def test_a_sources_polling_bookkeeping_changes_no_page(item):
    source = item.source
    before = caching.generation()
    source.last_polled_at = source.next_poll_at = timezone.now() + timedelta(minutes=30)
    source.save(update_fields=["last_polled_at", "next_poll_at"])
    assert caching.generation() == before


def test_the_page_cache_is_shared_by_every_process(tmp_path):
    embedded = config.page_cache({}, tmp_path)
    assert embedded["BACKEND"].endswith("FileBasedCache")
    assert embedded["LOCATION"] == str(tmp_path / "pages")
    redis = config.page_cache({"REDIS_URL": "redis://cache.internal:6379/2"}, tmp_path)
    assert redis["BACKEND"].endswith("RedisCache")
    assert redis["LOCATION"] == "redis://cache.internal:6379/2" and redis["KEY_PREFIX"] == "pages"


def test_a_lost_generation_is_made_anew_never_repeated(clock):
    first = caching.generation()
    caches["pages"].delete(caching.GENERATION_KEY)
    assert caching.generation() not in ("", first)


def test_collected_static_files_are_cached_for_a_year(client, settings, tmp_path):
    from herald import settings as production

    settings.STORAGES, settings.STATIC_ROOT = production.STORAGES, tmp_path
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "forms.0123456789ab.js").write_text("// collected")
    manifest = {"paths": {"portal/forms.js": "portal/forms.0123456789ab.js"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    response = client.get("/static/portal/forms.0123456789ab.js")
    assert response.status_code == 200
    max_age = next(p for p in cache_control(response) if p.startswith("max-age="))
    assert int(max_age.split("=")[1]) >= 365 * 24 * 3600
    assert "immutable" in cache_control(response)
