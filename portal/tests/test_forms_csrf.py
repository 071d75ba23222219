"""The cache-safe form mechanism of portal/csrf.py, on a sign-up form served under a cached
namespace of this module's own URLconf."""

import html
import re
from uuid import uuid4

import pytest
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import include, path

from portal import caching
from portal.tests.markup import inline_code

FORM = Template(
    '{% load forms %}<form method="post" action="/signup/">{% cache_safe_form_token %}'
    '<label>Email <input name="email" type="email"></label><button>Subscribe</button></form>'
)
OLD_STYLE_FORM = Template('<form method="post">{% csrf_token %}<button>Go</button></form>')
renders = []


def signup(request):
    if request.method == "POST":
        return HttpResponse(f"Subscribed {request.POST['email']}")
    renders.append(request.path)
    return HttpResponse(FORM.render(RequestContext(request)))


def old_style(request):
    return HttpResponse(OLD_STYLE_FORM.render(RequestContext(request)))


urlpatterns = [
    path("signup/", include(([path("", signup)], "signup"))),
    path("old/", include(([path("", old_style)], "old"))),
    path("", include("herald.urls")),
]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def page_cache(settings, transactional_db, monkeypatch):
    settings.CACHES = settings.CACHES | {
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": f"pages-{uuid4()}"},
    }  # fmt: skip
    monkeypatch.setattr(caching, "CACHED_NAMESPACES", {"portal", "signup", "old"})
    renders.clear()


@pytest.fixture
def strict():
    return Client(enforce_csrf_checks=True)


def hidden_fields(page: str) -> dict[str, str]:
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}


def test_a_cached_page_with_a_form_carries_no_token_and_sets_no_cookie(page_cache, strict):
    first, again = strict.get("/signup/"), strict.get("/signup/")
    assert renders == ["/signup/"]  # the second came from the cache
    for response in (first, again):
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies and "public" in response["Cache-Control"]
    page = first.content.decode()
    assert hidden_fields(page)["cache_safe_form"] == "1"
    assert '<script src="/static/portal/forms.js" defer></script>' in page
    assert inline_code(page) == []


def test_a_page_that_renders_a_token_itself_is_private_and_never_kept(page_cache, strict):
    response = strict.get("/old/")
    assert "csrftoken" in response.cookies
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_the_token_endpoint_gives_a_token_with_its_cookie_and_is_never_cached(page_cache, strict):
    response = strict.get("/forms/token/")
    assert len(response.json()["token"]) == 64
    assert "csrftoken" in response.cookies
    assert {"no-store", "private"} <= {p.strip() for p in response["Cache-Control"].split(",")}


def test_a_post_with_the_fetched_token_passes_the_csrf_check(db, strict):
    token = strict.get("/forms/token/").json()["token"]
    fields = {"email": "ana@example.org", "cache_safe_form": "1", "csrfmiddlewaretoken": token}
    response = strict.post("/signup/", fields)
    assert response.status_code == 200 and response.content == b"Subscribed ana@example.org"


def test_a_post_without_a_token_is_refused(db, strict):
    strict.get("/forms/token/")  # the cookie alone is not enough
    response = strict.post("/signup/", {"email": "ana@example.org"})
    assert response.status_code == 403 and b"Send again" not in response.content


def test_without_javascript_a_marked_form_gets_a_page_that_sends_it_again(db, strict):
    response = strict.post("/signup/", {"email": "ana@example.org", "cache_safe_form": "1"})
    page = response.content.decode()
    assert response.status_code == 403 and "Send again" in page
    assert "no-store" in response["Cache-Control"] and "csrftoken" in response.cookies
    assert inline_code(page) == []
    fields = hidden_fields(page)
    assert fields["email"] == "ana@example.org" and fields["cache_safe_form"] == "again"
    sent_again = strict.post("/signup/", fields)
    assert sent_again.status_code == 200 and sent_again.content == b"Subscribed ana@example.org"


def test_a_form_refused_on_the_send_again_page_gets_djangos_explanation(db, strict):
    response = strict.post("/signup/", {"email": "ana@example.org", "cache_safe_form": "again"})
    assert response.status_code == 403 and b"Send again" not in response.content


def test_a_post_from_another_site_is_refused_outright(db, strict):
    response = strict.post(
        "/signup/", {"email": "ana@example.org", "cache_safe_form": "1"},
        headers={"origin": "https://elsewhere.example"},
    )  # fmt: skip
    assert response.status_code == 403 and b"Send again" not in response.content


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture
def chromium(browser, live_server, page_cache):
    return browser


@pytest.mark.browser
def test_a_reader_subscribes_from_a_cached_page_with_javascript(chromium, live_server):
    page = chromium.new_page()
    page.goto(live_server.url + "/signup/")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_role("button", name="Subscribe").click()
    # The form goes once the token is in: no send-again page on the way.
    page.get_by_text("Subscribed ana@example.org").wait_for()


@pytest.mark.browser
def test_a_reader_subscribes_from_a_cached_page_without_javascript(chromium, live_server):
    page = chromium.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/signup/")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("button", name="Send again").click()
    page.get_by_text("Subscribed ana@example.org").wait_for()
