"""The demo newswire, served over real HTTP on loopback, gathered end to end: seeded as sources,
polled through the one fetch path, stored, shown."""

import pytest

from articles.models import Article, Section
from newswire.outlets import OUTLETS
from sources.models import Source
from sources.newswire import seed_newswire
from sources.poll import poll_source


@pytest.fixture(scope="module")
def wire(served_wire):
    return served_wire


@pytest.fixture
def gathered(wire, db, settings):
    settings.FETCH_ALLOW = [f"127.0.0.1:{wire.port}"]
    seed_newswire(wire.url)
    results = [poll_source(pk, force=True) for pk in Source.objects.values_list("pk", flat=True)]
    assert [r.error for r in results if r.error] == []
    return results


def test_seeding_adds_every_outlet_once(wire, db):
    assert seed_newswire(wire.url) == len(OUTLETS) >= 8
    assert seed_newswire(wire.url) == 0
    assert Source.objects.count() == len(OUTLETS)


def test_every_article_of_the_wire_becomes_one_article(wire, gathered):
    assert Article.objects.count() == len(wire.wire.articles) >= 300
    for outlet in OUTLETS:
        source = Source.objects.get(name=outlet.name)
        assert source.articles.count() == len(wire.wire.articles_of(outlet.slug)), outlet.slug


def test_polling_the_wire_again_creates_nothing(gathered):
    before = Article.objects.count()
    again = [poll_source(pk, force=True) for pk in Source.objects.values_list("pk", flat=True)]
    assert sum(len(r.created) for r in again) == 0
    assert Article.objects.count() == before


def test_a_summary_only_outlet_is_shown_as_excerpts(gathered, client):
    outlet = next(o for o in OUTLETS if o.summaries_only)
    source = Source.objects.get(name=outlet.name)
    assert source.display == Source.Display.EXCERPT
    article = source.articles.first()
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.summary[:40] in page
    assert f'<link rel="canonical" href="{article.url}">' in page


def test_wire_articles_keep_their_attribution(wire, gathered, client):
    by_guid = {a.guid: a for a in wire.wire.articles}
    article = Article.objects.filter(source__display=Source.Display.FULL).first()
    original = by_guid[article.guid]
    assert article.author == original.author
    assert article.published_at == original.published
    assert article.url == wire.url + original.url_path
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{article.url}"' in page and "Read the original at" in page


def test_the_home_page_shows_the_wire(gathered, client):
    page = client.get("/").content.decode()
    for section in Section.objects.filter(is_active=True):
        assert f'href="{section.get_absolute_url()}"' in page
    latest = client.get("/latest/").content.decode()
    assert latest.count('class="card"') + latest.count('class="card card-featured"') == 30
    assert Article.objects.first().get_absolute_url() in latest  # polled, not organized yet
