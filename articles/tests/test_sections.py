"""Sections are data: editors merge one into another and retire them, by the verbs and from the
desk's section list."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article, Post, Section, SectionRule, Tag
from articles.sections import merge_sections, retire_section
from herald.groups import EDITORS
from sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(feed_url="https://o.example/feed", name="The Outlet")


def make_article(source, n, section=None, extra=()):
    article = Article.objects.create(
        source=source, guid=f"g{n}", url=f"https://o.example/{n}", title=f"Story {n}",
        published_at="2026-11-28T10:00:00Z", section=section,
    )  # fmt: skip
    article.extra_sections.set(extra)
    return article


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ana", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def section(slug):
    return Section.objects.get(slug=slug)


def test_merging_moves_the_main_section_of_articles(source):
    showbiz, entertainment = section("showbiz"), section("entertainment")
    article = make_article(source, 1, showbiz)
    merge_sections(showbiz, entertainment)
    assert Article.objects.get(pk=article.pk).section == entertainment
    assert not showbiz.articles.exists()


def test_merging_moves_extra_sections_without_filing_an_article_twice(source):
    showbiz, entertainment = section("showbiz"), section("entertainment")
    only_extra = make_article(source, 1, section("world"), extra=[showbiz])
    both_extra = make_article(source, 2, section("world"), extra=[showbiz, entertainment])
    main_and_extra = make_article(source, 3, entertainment, extra=[showbiz])
    merge_sections(showbiz, entertainment)
    assert list(only_extra.extra_sections.all()) == [entertainment]
    assert list(both_extra.extra_sections.all()) == [entertainment]
    assert list(main_and_extra.extra_sections.all()) == []


def test_merging_moves_posts_and_source_rules(source):
    showbiz, entertainment = section("showbiz"), section("entertainment")
    post = Post.objects.create(title="Our picks", slug="our-picks", body="Hi", section=showbiz)
    rule = SectionRule.objects.create(source=source, pattern="celebs", section=showbiz)
    merge_sections(showbiz, entertainment)
    assert Post.objects.get(pk=post.pk).section == entertainment
    assert SectionRule.objects.get(pk=rule.pk).section == entertainment


def test_a_merged_section_is_retired_and_remembers_where_it_went(source):
    showbiz, entertainment = section("showbiz"), section("entertainment")
    merge_sections(showbiz, entertainment)
    showbiz.refresh_from_db()
    assert (showbiz.is_active, showbiz.merged_into) == (False, entertainment)


def test_sections_merged_before_lead_straight_to_the_new_one(source):
    comedy, showbiz, entertainment = section("comedy"), section("showbiz"), section("entertainment")
    merge_sections(comedy, showbiz)
    merge_sections(showbiz, entertainment)
    assert section("comedy").merged_into == entertainment


def test_a_section_cannot_be_merged_into_a_retired_one(source):
    retire_section(section("entertainment"))
    with pytest.raises(ValueError, match="retired"):
        merge_sections(section("showbiz"), section("entertainment"))


def test_retiring_keeps_the_old_articles_in_the_section(source):
    tourism = section("tourism")
    article = make_article(source, 1, tourism)
    retire_section(tourism)
    assert not section("tourism").is_active
    assert Article.objects.get(pk=article.pk).section == tourism


def test_the_section_list_shows_colour_and_article_counts(editor, source):
    for n in range(3):
        make_article(source, n, section("sports"))
    make_article(source, 9, section("world"), extra=[section("sports")])
    page = editor.get("/admin/articles/section/").content.decode()
    assert "background:#283593" in page
    assert f'?section__id__exact={section("sports").pk}">3</a>' in page
    assert '<td class="field-extra_count">1</td>' in page


def test_editors_rename_and_reorder_sections_in_the_list(editor):
    sections = list(Section.objects.all())
    data = {
        "form-TOTAL_FORMS": len(sections), "form-INITIAL_FORMS": len(sections), "_save": "Save",
    }  # fmt: skip
    for i, s in enumerate(sections):
        renamed = "Sport" if s.slug == "sports" else s.name
        data |= {f"form-{i}-id": s.pk, f"form-{i}-name": renamed, f"form-{i}-colour": s.colour,
                 f"form-{i}-order": 1 if s.slug == "sports" else s.order}  # fmt: skip
    response = editor.post("/admin/articles/section/", data)
    assert response.status_code == 302
    assert (section("sports").name, section("sports").order) == ("Sport", 1)


def test_the_section_form_refuses_a_colour_that_is_not_rrggbb(editor):
    world = section("world")
    data = {"name": "World", "slug": "world", "order": 20, "colour": "red;x:y", "is_active": "on"}
    response = editor.post(f"/admin/articles/section/{world.pk}/change/", data)
    assert response.status_code == 200
    assert section("world").colour == "#1f5f8b"


def test_the_merge_action_asks_for_the_section_then_merges(editor, source):
    showbiz, entertainment = section("showbiz"), section("entertainment")
    make_article(source, 1, showbiz)
    action = {"action": "merge", "_selected_action": [showbiz.pk]}
    page = editor.post("/admin/articles/section/", action).content.decode()
    assert "Merge sections" in page and 'name="section"' in page
    response = editor.post(
        "/admin/articles/section/", {**action, "section": entertainment.pk, "apply": "Merge"}
    )
    assert response.status_code == 302
    assert section("showbiz").merged_into == entertainment
    assert entertainment.articles.count() == 1


def test_the_retire_action_retires_the_selected_sections(editor):
    tourism = section("tourism")
    editor.post("/admin/articles/section/", {"action": "retire", "_selected_action": [tourism.pk]})
    assert not section("tourism").is_active


def test_tags_are_searched_by_name(editor):
    Tag.objects.create(name="Elections")
    Tag.objects.create(name="Weather")
    page = editor.get("/admin/articles/tag/?q=elect").content.decode()
    assert "Elections" in page and "Weather" not in page
