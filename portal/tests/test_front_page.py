"""The front page: each active section's top stories, pinned and featured first, each story once
with how many other outlets covered it; the latest of the rest; the editors' latest posts."""

from datetime import timedelta

import pytest

from articles.models import Post, Section
from portal.pages import LATEST, TOP_STORIES
from portal.tests.site import NOW, article, outlet, story


@pytest.fixture
def source(db):
    return outlet()


@pytest.fixture
def politics(db):
    return Section.objects.get(slug="politics")


@pytest.fixture
def sports(db):
    return Section.objects.get(slug="sports")


def front(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def part(page: str, name: str) -> str:
    """The front page's block about one section (or "latest", "posts")."""
    start = page.index(f'id="front-{name}"')
    end = page.index("</section>", start)
    return page[start:end]


def test_it_shows_active_sections_in_the_editors_order_each_newest_first(
    client, source, politics, sports
):
    article(source, 1, section=sports)
    article(source, 2, section=politics)
    article(source, 3, section=politics)
    page = front(client)
    assert page.index('id="front-politics"') < page.index('id="front-sports"')
    assert part(page, "politics").index("Headline 2<") < part(page, "politics").index("Headline 3<")
    assert "Headline 1<" in part(page, "sports")


def test_it_leaves_out_sections_without_stories(client, source, politics):
    article(source, 1, section=politics)
    assert 'id="front-sports"' not in front(client)


def test_it_puts_pinned_and_then_featured_stories_first(client, source, politics):
    article(source, 1, section=politics)
    article(source, 2, section=politics, is_featured=True)
    article(source, 3, section=politics, is_pinned=True)
    block = part(front(client), "politics")
    assert block.index("Headline 3<") < block.index("Headline 2<") < block.index("Headline 1<")
    assert block.count("card-featured") == 2


def test_it_shows_a_few_stories_per_section_and_the_rest_under_latest(client, source, politics):
    for n in range(TOP_STORIES + 2):
        article(source, n, section=politics)
    page = front(client)
    assert part(page, "politics").count('<li class="card') == TOP_STORIES
    latest = part(page, "latest")
    assert f"Headline {TOP_STORIES}<" in latest and "Headline 0<" not in latest
    assert 'href="/section/politics/">More in Politics' in page


def test_it_shows_a_story_once_by_its_headline_with_the_other_outlets_count(client, politics):
    first = article(outlet("Ledger"), 3, section=politics, title="Pier to be rebuilt")
    second = article(outlet("Wire"), 2, section=politics, title="Board backs new pier")
    third = article(outlet("Courier"), 1, section=politics, title="Pier vote: what next")
    covered = story(first, second, third)
    page = front(client)
    assert page.count("Pier to be rebuilt<") == 1
    assert "Board backs new pier" not in page and "Pier vote: what next" not in page
    assert f'<a href="/story/{covered.pk}/">Also covered by 2 other outlets</a>' in page


def test_a_story_told_by_one_outlet_says_nothing_of_other_outlets(client, source, politics):
    story(article(source, 1, section=politics))
    assert "Also covered" not in front(client)


def test_it_lists_unsorted_articles_under_latest(client, source):
    article(source, 1)  # no section yet: waiting in the unsorted queue
    assert "Headline 1<" in part(front(client), "latest")


def test_latest_leaves_out_copies_and_the_other_articles_of_a_story(client, source):
    original = article(source, 1)
    article(outlet("Wire"), 2, title="Copied headline", duplicate_of=original)
    story(original, article(outlet("Courier"), 0, title="Another take"))
    latest = part(front(client), "latest")
    assert "Headline 1<" in latest
    assert "Copied headline" not in latest and "Another take" not in latest


def test_latest_keeps_to_its_length(client, source):
    for n in range(LATEST + 3):
        article(source, n)
    latest = part(front(client), "latest")
    assert latest.count('<li class="card') == LATEST
    assert 'href="/latest/">All the latest news' in front(client)


def test_it_never_lists_hidden_articles(client, source, politics):
    article(source, 1, section=politics, is_hidden=True)
    article(source, 2, is_hidden=True)
    hidden_headline = article(source, 3, section=politics, is_hidden=True, title="Withdrawn")
    story(hidden_headline, article(outlet("Wire"), 4, section=politics, title="Retold"))
    page = front(client)
    assert "Headline 1<" not in page and "Headline 2<" not in page and "Withdrawn" not in page


def test_it_leaves_out_retired_and_merged_sections_but_latest_keeps_their_stories(
    client, source, politics
):
    retired = Section.objects.create(name="Old news", slug="old-news", is_active=False)
    merged = Section.objects.create(name="Port", slug="port", merged_into=politics)
    article(source, 1, section=retired)
    article(source, 2, section=merged)
    page = front(client)
    assert 'id="front-old-news"' not in page and 'id="front-port"' not in page
    latest = part(page, "latest")
    assert "Headline 1<" in latest and "Headline 2<" in latest


def test_it_shows_the_editors_latest_published_posts(client, db):
    Post.objects.create(
        title="Why we cover the harbour", slug="harbour", body="…", status=Post.Status.PUBLISHED,
        published_at=NOW - timedelta(hours=1),
    )  # fmt: skip
    Post.objects.create(title="Unfinished draft", slug="draft", body="…")
    posts = part(front(client), "posts")
    assert 'href="/posts/harbour/">Why we cover the harbour' in posts
    assert "Unfinished draft" not in posts


def test_headings_run_in_order(client, source, politics):
    article(source, 1, section=politics)
    page = front(client)
    assert page.index("<h1") < page.index("<h2") < page.index("<h3")
    assert page.count("<h1") == 1
