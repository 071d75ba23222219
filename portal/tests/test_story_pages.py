"""A story's page: its headline article and every outlet's coverage, first published first, with
links to our page and to the original, and the copies other outlets published of each."""

import pytest

from articles import cluster
from articles.models import Section
from portal.tests.site import article, outlet, story


@pytest.fixture
def outlets(db):
    return outlet("Ledger"), outlet("Wire"), outlet("Courier")


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_headline_and_every_outlets_coverage(client, outlets):
    ledger, wire, courier = outlets
    politics = Section.objects.get(slug="politics")
    first = article(ledger, 3, title="Pier to be rebuilt", author="Ana Ruiz", section=politics)
    second = article(wire, 2, title="Board backs new pier")
    third = article(courier, 1, title="Pier vote: what next")
    covered = story(first, second, third)
    page = page_of(client, f"/story/{covered.pk}/")
    assert "<h1>Pier to be rebuilt</h1>" in page and "Ana Ruiz" in page
    assert 'href="/section/politics/">Politics' in page
    assert "As 3 outlets reported it" in page
    assert page.index("Pier to be rebuilt<") < page.index("Board backs new pier<")
    assert page.index("Board backs new pier<") < page.index("Pier vote: what next<")
    for item in (first, second, third):
        assert f'href="{item.get_absolute_url()}"' in page
        assert (
            f'<a href="{item.url}" rel="noopener">Read the original at {item.source.name}</a>'
            in page
        )
        assert f'href="/outlet/{item.source_id}/"' in page


def test_it_lists_copies_as_also_published_by(client, outlets):
    ledger, wire, courier = outlets
    original = article(ledger, 3, title="Pier to be rebuilt")
    copy = article(wire, 2, title="Pier to be rebuilt (wire copy)", duplicate_of=original)
    covered = story(original, copy, article(courier, 1, title="Pier vote: what next"))
    page = page_of(client, f"/story/{covered.pk}/")
    also = page[page.index("Also published by") :]
    assert f'<a href="{copy.get_absolute_url()}">Wire</a>' in also
    assert f'<a href="{copy.url}" rel="noopener">Read the original at Wire</a>' in also
    assert also.index("Wire") < also.index("Pier vote: what next")  # under the article it copies


def test_it_follows_the_headline_an_editor_picked(client, outlets):
    ledger, wire, _ = outlets
    first = article(ledger, 3, title="Pier to be rebuilt")
    picked = article(wire, 2, title="Board backs new pier")
    covered = story(first, picked)
    cluster.pick_headline(covered, picked)
    assert "<h1>Board backs new pier</h1>" in page_of(client, f"/story/{covered.pk}/")


def test_it_leaves_out_hidden_articles(client, outlets):
    ledger, wire, _ = outlets
    shown = article(ledger, 3, title="Pier to be rebuilt")
    covered = story(shown, article(wire, 2, title="Withdrawn take", is_hidden=True))
    page = page_of(client, f"/story/{covered.pk}/")
    assert "Withdrawn take" not in page and "As 1 outlet reported it" in page


def test_a_hidden_headline_gives_way_to_the_next_article(client, outlets):
    ledger, wire, _ = outlets
    hidden = article(ledger, 3, title="Withdrawn", is_hidden=True)
    covered = story(hidden, article(wire, 2, title="Board backs new pier"))
    page = page_of(client, f"/story/{covered.pk}/")
    assert "<h1>Board backs new pier</h1>" in page and "Withdrawn" not in page


def test_a_story_with_nothing_left_to_show_is_404(client, outlets):
    covered = story(article(outlets[0], 1, is_hidden=True))
    assert client.get(f"/story/{covered.pk}/").status_code == 404


def test_an_unknown_story_is_404(client, db):
    assert client.get("/story/999/").status_code == 404


def test_an_article_links_to_its_storys_page(client, outlets):
    ledger, wire, _ = outlets
    first = article(ledger, 3, title="Pier to be rebuilt")
    covered = story(first, article(wire, 2))
    assert f'href="/story/{covered.pk}/"' in page_of(client, first.get_absolute_url())
