"""A reader's whole way through the newsletter in a real browser (Debian's Chromium driven by
Playwright): sign up, confirm from the mail a real SMTP server received, change the pace, leave;
and axe-core finds no serious or critical fault on the pages they fill in."""

import pytest
from django.utils import timezone

from herald.lib import signing
from newsletter.models import Subscriber
from newsletter.tests.helpers import links, reader, section
from portal.tests.conftest import browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings):
    # A transactional test's flush takes the seeded sections with it.
    for slug in ("world", "politics", "sports"):
        section(slug)
    # The form's minimum fill time is a robot check, not what this test is about.
    settings.NEWSLETTER_MIN_FILL_SECONDS = 0
    return live_server.url


def serious_faults(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [v["id"] for v in found if v["impact"] in ("serious", "critical")]


def test_a_reader_signs_up_confirms_changes_the_pace_and_leaves(browser, site, smtp_sink):  # noqa: F811
    page = browser.new_page()
    page.goto(site + "/newsletter/")
    page.get_by_label("Your email address").fill("ana@example.org")
    page.get_by_label("Every section but those ticked").check()
    page.get_by_label("Sports").check()
    page.get_by_label("A daily digest").check()
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    ana = Subscriber.objects.get()
    assert (ana.status, ana.choice, ana.pace) == ("pending", "all_but", "daily")
    assert [s.slug for s in ana.sections.all()] == ["sports"]

    # The confirmation went out when the sign-up was committed (the queue runs inline in tests).
    [mail] = smtp_sink.wait_for(1)
    page.goto(site + f"/newsletter/confirm/{links(mail)['confirm']}/")
    assert page.get_by_role("heading", level=1).inner_text() == "You are subscribed"
    page.get_by_role("link", name="Choose sections, pace and your household").click()
    page.get_by_label("A weekly digest").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your choices are saved.").wait_for()
    ana.refresh_from_db()
    assert (ana.status, ana.pace, ana.choice) == ("active", "weekly", "all_but")

    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="You are unsubscribed").wait_for()
    ana.refresh_from_db()
    assert ana.status == "unsubscribed"
    page.close()


def test_the_subscribe_page_and_the_preference_centre_have_no_serious_fault(browser, site):  # noqa: F811
    ana = reader("ana@example.org", timezone.now(), choice="only", sections=[section("world").pk])
    token = signing.make_token("manage", ana.pk, ana.email)
    paths = {"subscribe": "/newsletter/", "manage": f"/newsletter/manage/{token}/"}
    page = browser.new_page()
    faults = {}
    for name, path in paths.items():
        assert page.goto(site + path).status == 200, name
        faults[name] = serious_faults(page)
    page.close()
    assert faults == {"subscribe": [], "manage": []}
