"""The pages shown when something is missing or broken look like the rest of the site; the one
for a server error needs neither the database nor the context processors."""

from django.test import RequestFactory
from django.views.defaults import server_error

from portal.tests.markup import inline_code
from portal.tests.site import article, outlet


def test_a_missing_page_is_404_in_the_sites_layout(client, db):
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<a class="skip" href="#main">' in page and '<main id="main"' in page
    assert '<nav aria-label="Main">' in page and "<footer" in page
    assert "We can't find that page" in page and 'href="/latest/"' in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_hidden_article_gets_the_sites_404_page(client, db):
    item = article(outlet(), 1, is_hidden=True)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 404 and "We can't find that page" in response.content.decode()


def test_the_404_page_carries_no_inline_script_or_style(client, db):
    assert inline_code(client.get("/no/such/page/").content.decode()) == []


def test_the_500_page_looks_like_the_site_without_the_database(settings):
    # No db fixture: a query would fail the test.
    settings.SITE_NAME = "Harbour Herald"
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<a class="brand" href="/">Harbour Herald</a>' in page
    assert "portal/site.css" in page and '<main id="main"' in page
    assert "Something went wrong" in page
    assert inline_code(page) == []
