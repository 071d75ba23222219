"""Each article's section, layer by layer: the source's rules, the sections' own names and hints,
the source's default section, the classifier trained on the portal's labels; and retraining."""

import random

import pytest
from django.utils import timezone

from articles.classify import assign_section, newest_classifier, retrain, set_section, train
from articles.models import Article, ClassifierVersion, Section, SectionBy, SectionRule, Tag
from sources.models import Source

WORDS = {
    "sports": "football match goal striker league coach penalty stadium fans season cup referee "
    "midfielder defender champions kickoff",
    "business": "shares market profits investors bank economy inflation company revenue earnings "
    "stock prices merger interest rates retailer",
    "science-tech": "software computer chip smartphone internet app developers data cloud "
    "processor network security update device battery",
    "esports": "esports gamers console streaming twitch joystick gaming controller patch "
    "multiplayer shooter headset livestream keyboard arena",
}


def story(topic: str, n: int) -> tuple[str, str]:
    """A title and a text made of `topic`'s words, the same for the same n."""
    draw = random.Random(f"{topic}-{n}")
    words = WORDS[topic].split()
    title = " ".join(draw.choices(words, k=5)).capitalize()
    text = ". ".join(" ".join(draw.choices(words, k=12)) for _ in range(6))
    return title, text


@pytest.fixture
def source(db):
    return Source.objects.create(feed_url="https://outlet.example/feed", name="The Outlet")


def section(slug: str) -> Section:
    return Section.objects.get(slug=slug)


def article(source, n: int, topic: str = "", categories=(), url: str = "") -> Article:
    title, text = story(topic, n) if topic else (f"Story {n}", "The council met on Tuesday.")
    return Article.objects.create(
        source=source, guid=str(n), url=url or f"https://outlet.example/{n}.html", title=title,
        content_text=text, categories=list(categories), published_at=timezone.now(),
    )  # fmt: skip


def organized(item: Article) -> Article:
    """The article given its section as the organize step does it, read back from the database."""
    if assign_section(item):
        item.save(update_fields=["section", "section_by", "section_reason", "section_score"])
    return Article.objects.select_related("section").get(pk=item.pk)


def labelled(source, topic: str, slug: str, count: int, start: int) -> list[Article]:
    """Articles a source's rule placed in a section: labels the classifier learns from."""
    items = [article(source, start + n, topic) for n in range(count)]
    Article.objects.filter(pk__in=[a.pk for a in items]).update(
        section=section(slug), section_by=SectionBy.RULE
    )
    return items


@pytest.fixture
def trained(source):
    """A classifier trained on eight rule-placed articles each of Sports, Business and Tech."""
    for offset, (topic, slug) in enumerate(
        [("sports", "sports"), ("business", "business"), ("science-tech", "science-tech")]
    ):
        labelled(source, topic, slug, 8, start=1000 * (offset + 1))
    return train()


# --- layer (a): the source's mapping ---------------------------------------------------------


def test_it_follows_the_sources_category_rule(source):
    SectionRule.objects.create(source=source, pattern="Local Teams", section=section("sports"))
    found = organized(article(source, 1, categories=["local teams"]))
    assert found.section.slug == "sports"
    assert found.section_by == SectionBy.RULE
    assert found.section_reason == "source rule: feed category “local teams” → Sports"


def test_it_follows_the_sources_url_rule(source):
    SectionRule.objects.create(
        source=source, kind=SectionRule.Kind.URL, pattern="/pitch/", section=section("sports")
    )
    found = organized(article(source, 1, url="https://outlet.example/pitch/2024/derby.html"))
    assert (found.section.slug, found.section_by) == ("sports", SectionBy.RULE)
    assert "/pitch/" in found.section_reason


def test_a_category_that_names_a_section_maps_onto_it(source):
    found = organized(article(source, 1, categories=["Football"]))
    assert (found.section.slug, found.section_by) == ("sports", SectionBy.RULE)
    assert found.section_reason == "feed category “Football” names Sports"


def test_a_url_folder_that_names_a_section_maps_onto_it(source):
    found = organized(article(source, 1, url="https://outlet.example/sport/2024/derby.html"))
    assert (found.section.slug, found.section_by) == ("sports", SectionBy.RULE)
    assert found.section_reason == "URL folder /sport/ names Sports"


def test_the_sources_rule_comes_before_the_sections_hints(source):
    SectionRule.objects.create(source=source, pattern="football", section=section("comedy"))
    found = organized(article(source, 1, categories=["Football"]))
    assert found.section.slug == "comedy"


def test_other_categories_that_name_sections_become_extra_sections(source):
    found = organized(article(source, 1, categories=["Football", "Business", "Football"]))
    assert found.section.slug == "sports"
    assert [s.slug for s in found.extra_sections.all()] == ["business"]


def test_categories_that_name_no_section_become_tags(source):
    found = organized(article(source, 1, categories=["Football", "Premier League", "Arsenal"]))
    assert sorted(found.tags.values_list("slug", flat=True)) == ["arsenal", "premier-league"]
    assert Tag.objects.count() == 2


# --- layer (b): the source's default section -------------------------------------------------


def test_an_unmapped_article_goes_to_the_sources_default_section(source):
    SectionRule.objects.create(
        source=source, kind=SectionRule.Kind.DEFAULT, section=section("world")
    )
    found = organized(article(source, 1, categories=["Opinion"]))
    assert (found.section.slug, found.section_by) == ("world", SectionBy.DEFAULT)
    assert found.section_reason == "the source's default section: World"


# --- layer (c): the classifier ---------------------------------------------------------------


def test_without_a_classifier_an_unmapped_article_stays_unsorted(source):
    found = organized(article(source, 1, "sports"))
    assert found.section is None
    assert found.section_by == SectionBy.NOBODY
    assert found.section_reason == "no classifier trained yet: left unsorted"


def test_the_classifier_sorts_an_article_it_is_confident_about(source, trained):
    found = organized(article(source, 1, "sports"))
    assert (found.section.slug, found.section_by) == ("sports", SectionBy.CLASSIFIER)
    assert found.section_score >= trained.threshold
    assert found.section_reason.startswith(f"classifier v{trained.pk}: {found.section_score:.2f}")
    assert "Sports (next " in found.section_reason


def test_the_classifier_leaves_an_article_it_is_unsure_of_unsorted(source, trained):
    found = organized(article(source, 1))  # about a council meeting: none of its sections
    assert found.section is None
    assert found.section_by == SectionBy.NOBODY
    assert found.section_score < trained.threshold
    assert f"below its threshold {trained.threshold:.2f}" in found.section_reason


def test_a_worker_loads_each_classifier_version_once(trained, django_assert_num_queries):
    first = newest_classifier()
    with django_assert_num_queries(1):  # which version is the newest, nothing more
        again = newest_classifier()
    assert again[2] is first[2]


# --- editors, retired and merged sections ----------------------------------------------------


def test_an_editors_choice_is_never_overridden(source):
    item = article(source, 1, categories=["Football"])
    set_section(item, section("comedy"), by="ana")
    assert assign_section(Article.objects.get(pk=item.pk)) is False
    found = Article.objects.get(pk=item.pk)
    assert (found.section.slug, found.section_by) == ("comedy", SectionBy.EDITOR)
    assert found.section_reason == "set by ana"


def test_a_retired_section_is_never_chosen_by_a_rule(source):
    Section.objects.filter(slug="sports").update(is_active=False)
    SectionRule.objects.create(source=source, pattern="Local Teams", section=section("sports"))
    found = organized(article(source, 1, categories=["Local Teams", "Football"]))
    assert found.section is None
    assert found.section_by == SectionBy.NOBODY


def test_a_retired_section_is_never_chosen_by_the_classifier(source, trained):
    Section.objects.filter(slug="sports").update(is_active=False)
    found = organized(article(source, 1, "sports"))
    assert found.section is None  # Sports' share is not handed on to the next best
    assert found.section_by == SectionBy.NOBODY
    assert "Sports" not in found.section_reason


def test_a_merged_section_leads_to_the_section_it_was_merged_into(source):
    Section.objects.filter(slug="showbiz").update(
        is_active=False, merged_into=section("entertainment")
    )
    found = organized(article(source, 1, categories=["Celebrity"]))
    assert (found.section.slug, found.section_by) == ("entertainment", SectionBy.RULE)
    assert (
        found.section_reason == "feed category “Celebrity” names Showbiz, merged into Entertainment"
    )


# --- training --------------------------------------------------------------------------------


def test_retraining_learns_from_an_editors_corrections(source, trained):
    # A rule filed gaming news under Sports; the classifier learned that, then editors moved it.
    gaming = labelled(source, "esports", "sports", 6, start=5000)
    first = train()
    assert organized(article(source, 1, "esports")).section.slug == "sports"

    for item in gaming:
        set_section(item, section("science-tech"), by="ana")
    second = retrain()
    assert second is not None and second.pk > first.pk
    found = organized(article(source, 2, "esports"))
    assert (found.section.slug, found.section_by) == ("science-tech", SectionBy.CLASSIFIER)
    assert found.section_reason.startswith(f"classifier v{second.pk}:")


def test_retraining_with_unchanged_labels_makes_no_new_version(trained):
    assert retrain() is None
    assert list(ClassifierVersion.objects.values_list("pk", flat=True)) == [trained.pk]


def test_retraining_waits_for_two_sections_with_enough_labels(source):
    labelled(source, "sports", "sports", 8, start=100)
    labelled(source, "business", "business", 4, start=200)  # too few to learn a section from
    assert retrain() is None
    assert not ClassifierVersion.objects.exists()


def test_a_version_records_what_it_learned_from(trained):
    version = ClassifierVersion.objects.get()
    assert version.labels == 24
    assert version.sections == ["business", "science-tech", "sports"]
    assert version.score is None  # too few labels to cross-validate
    assert 0 < version.threshold < 1


def test_a_version_trained_on_enough_labels_is_cross_validated(source):
    labelled(source, "sports", "sports", 25, start=100)
    labelled(source, "business", "business", 25, start=200)
    version = train()
    assert version.labels == 50
    assert version.score == 1.0  # two vocabularies that never meet


def test_only_the_newest_versions_are_kept(source, trained):
    for n in range(3):
        labelled(source, "sports", "sports", 1, start=100 + n)
        retrain()
    assert ClassifierVersion.objects.count() == 3
    assert not ClassifierVersion.objects.filter(pk=trained.pk).exists()
