"""Section and outlet pages, the home page's leaving out of hidden articles, and the site's
navigation to sections."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Post, Section
from portal.tests.markup import inline_code
from sources.models import Source


@pytest.fixture
def source(db):
    return Source.objects.create(feed_url="https://o.example/feed", name="Outlet", display="full")


@pytest.fixture
def harbour(db):
    return Section.objects.create(name="Harbour", slug="harbour", order=5)


def make(source, n, **fields) -> Article:
    values = {
        "guid": f"g{n}",
        "url": f"https://o.example/{n}",
        "title": f"Headline {n}",
        "published_at": timezone.now() - timedelta(hours=n),
        "content_text": f"Body {n}",
    }
    return Article.objects.create(source=source, **(values | fields))


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- section pages -----------------------------------------------------------------------------


def test_a_section_lists_articles_of_its_main_and_extra_sections(client, source, harbour):
    make(source, 1, section=harbour)
    make(source, 2).extra_sections.add(harbour)
    make(source, 3, section=Section.objects.get(slug="sports"))
    page = page_of(client, "/section/harbour/")
    assert "Headline 1" in page and "Headline 2" in page and "Headline 3" not in page


def test_a_section_lists_an_article_in_it_twice_only_once(client, source, harbour):
    make(source, 1, section=harbour).extra_sections.add(harbour)
    assert page_of(client, "/section/harbour/").count("Headline 1<") == 1


def test_a_section_leaves_out_hidden_articles_and_copies(client, source, harbour):
    original = make(source, 1, section=harbour)
    make(source, 2, section=harbour, is_hidden=True)
    make(source, 3, section=harbour, duplicate_of=original)
    page = page_of(client, "/section/harbour/")
    assert "Headline 1" in page and "Headline 2" not in page and "Headline 3" not in page


def test_a_section_lists_its_published_posts_among_its_articles_newest_first(
    client, source, harbour
):
    make(source, 1, section=harbour)
    make(source, 3, section=harbour)
    Post.objects.create(
        title="Our pier explainer", slug="pier", body="…", body_html="<p>…</p>", section=harbour,
        status=Post.Status.PUBLISHED, published_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    Post.objects.create(title="Unfinished draft", slug="draft", body="…", section=harbour)
    page = page_of(client, "/section/harbour/")
    assert page.index("Headline 1") < page.index("Our pier explainer") < page.index("Headline 3")
    assert 'href="/posts/pier/"' in page and "Unfinished draft" not in page


def test_a_section_page_is_paginated(client, source, harbour):
    for n in range(35):
        make(source, n, section=harbour)
    first = page_of(client, "/section/harbour/")
    assert "Headline 29<" in first and "Headline 30<" not in first and 'rel="next"' in first
    assert "Headline 30<" in page_of(client, "/section/harbour/?page=2")


def test_a_retired_section_is_still_reachable_and_says_so(client, source, harbour):
    harbour.is_active = False
    harbour.save()
    make(source, 1, section=harbour)
    page = page_of(client, "/section/harbour/")
    assert "Headline 1" in page and "This section is retired" in page


def test_a_merged_section_redirects_permanently_to_the_one_it_joined(client, harbour):
    Section.objects.create(name="Port", slug="port", merged_into=harbour)
    response = client.get("/section/port/")
    assert response.status_code == 301 and response["Location"] == "/section/harbour/"


def test_a_chain_of_merges_redirects_to_its_end(client, harbour):
    quay = Section.objects.create(name="Quay", slug="quay", merged_into=harbour)
    Section.objects.create(name="Port", slug="port", merged_into=quay)
    assert client.get("/section/port/")["Location"] == "/section/harbour/"


def test_a_circle_of_merges_shows_the_page_instead_of_looping(client, harbour):
    quay = Section.objects.create(name="Quay", slug="quay", merged_into=harbour)
    harbour.merged_into = quay
    harbour.save()
    assert client.get("/section/harbour/").status_code == 200


def test_an_unknown_section_is_404(client, db):
    assert client.get("/section/nowhere/").status_code == 404


def test_a_section_links_to_its_own_url(harbour):
    assert harbour.get_absolute_url() == "/section/harbour/"


# --- outlet pages ------------------------------------------------------------------------------


def test_an_outlet_page_lists_its_articles_including_unsorted_ones(client, source, harbour):
    make(source, 1, section=harbour)
    make(source, 2)  # in no section: still waiting in the unsorted queue
    page = page_of(client, f"/outlet/{source.pk}/")
    assert page.index("Headline 1") < page.index("Headline 2")


def test_an_outlet_page_leaves_out_other_outlets_and_hidden_articles(client, source):
    other = Source.objects.create(feed_url="https://p.example/feed", name="Other")
    make(source, 1, is_hidden=True)
    make(other, 2)
    page = page_of(client, f"/outlet/{source.pk}/")
    assert "Headline 1" not in page and "Headline 2" not in page


def test_an_outlet_page_is_paginated(client, source):
    for n in range(35):
        make(source, n)
    assert "Headline 30<" not in page_of(client, f"/outlet/{source.pk}/")
    assert "Headline 30<" in page_of(client, f"/outlet/{source.pk}/?page=2")


def test_an_article_links_to_its_outlets_page(client, source):
    article = make(source, 1)
    assert f'href="/outlet/{source.pk}/"' in page_of(client, article.get_absolute_url())


def test_an_unknown_outlet_is_404(client, db):
    assert client.get("/outlet/999/").status_code == 404


# --- home and navigation -----------------------------------------------------------------------


def test_the_home_page_shows_unsorted_articles_but_not_hidden_ones(client, source):
    make(source, 1)
    make(source, 2, is_hidden=True)
    page = page_of(client, "/")
    assert "Headline 1" in page and "Headline 2" not in page


def test_the_navigation_links_active_sections_in_order(client, harbour):
    Section.objects.create(name="Old news", slug="old-news", is_active=False)
    Section.objects.create(name="Port", slug="port", merged_into=harbour)
    page = page_of(client, "/")
    nav = page[page.index('<nav aria-label="Main">') : page.index("</nav>")]
    assert nav.index("/section/harbour/") < nav.index("/section/politics/")
    assert nav.index("/section/politics/") < nav.index("/section/sports/")
    assert "/section/old-news/" not in nav and "/section/port/" not in nav


def test_the_navigation_marks_the_section_being_read(client, harbour):
    page = page_of(client, "/section/harbour/")
    assert '<a href="/section/harbour/" aria-current="page">Harbour</a>' in page


def test_list_pages_carry_no_inline_script_or_style(client, source, harbour):
    make(source, 1, section=harbour)
    for url in ("/section/harbour/", f"/outlet/{source.pk}/"):
        page = page_of(client, url)
        assert inline_code(page) == []


def test_a_hidden_article_is_gone_also_by_its_link(client, db):
    source = Source.objects.create(feed_url="https://hidden.example/feed", name="Hidden")
    article = Article.objects.create(
        source=source, guid="h", url="https://hidden.example/h", title="Withdrawn",
        published_at=timezone.now(), is_hidden=True,
    )  # fmt: skip
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_home_page_does_not_list_a_copy_of_an_article_it_lists(client, source):
    original = make(source, 1)
    make(source, 2, title="Copied headline", duplicate_of=original)
    page = page_of(client, "/")
    assert "Headline 1<" in page and "Copied headline" not in page
