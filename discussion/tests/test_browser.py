"""Commenting in a real browser (Debian's Chromium driven by Playwright): a comment posted in
place and held for a moderator, approved in the desk, the form filled from the reader's own
cookie, a reply in place and its notice by mail; and axe-core on a page with a discussion."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from discussion.models import Comment, Moderation
from discussion.moderate import recount, render, thread_for
from herald.groups import EDITORS
from newsletter.send import Sender
from portal.tests import site
from portal.tests.conftest import browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANA = {"name": "Ana Reader", "email": "ana.reader@example.org", "website": "https://ana.example/"}
BO = {"name": "Bo Brown", "email": "bo.private@example.net", "website": ""}


@pytest.fixture
def article(live_server, settings):
    """An article published now, on a site whose first comments a moderator reads."""
    # The minimum fill time and the flood limit are robot checks, not what these tests are
    # about; and every reader here comes from the same loopback address.
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    settings.COMMENTS_FLOOD_SECONDS = 0
    Moderation.objects.update_or_create(section=None, defaults={"policy": "hold_first"})
    return site.article(site.outlet("The Ledger"), 1, published_at=timezone.now())


def url_of(live_server, article) -> str:
    return live_server.url + article.get_absolute_url()


def fill_in(page, reader: dict, body: str, remember=False, notify=False) -> None:
    form = page.locator("#respond")
    form.get_by_role("textbox", name="Name").fill(reader["name"])
    form.get_by_role("textbox", name="Email").fill(reader["email"])
    form.get_by_role("textbox", name="Website").fill(reader["website"])
    form.get_by_role("textbox", name="Comment").fill(body)
    if remember:
        form.get_by_label("Save my name, email, and website").check()
    if notify:
        form.get_by_label("Notify me of replies by email.").check()


def post_in_place(page) -> dict:
    """Press "Post Comment" and return the server's answer to the script; the page must stay
    the one it was (no navigation, same URL, the script's window still there)."""
    url = page.url
    page.evaluate("window.stayed = true")
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/comments/" in r.url
    ) as answer:
        page.locator("#respond").get_by_role("button", name="Post Comment").click()
    assert answer.value.status == 201, answer.value.text()
    assert page.url == url
    assert page.evaluate("window.stayed === true")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    return answer.value.json()


def editor_approves(browser, live_server, django_user_model, comment: Comment) -> None:  # noqa: F811
    """An editor signs in to the desk, ticks the comment in the queue and approves it."""
    user = django_user_model.objects.create_user(
        "editor", email="editor@herald.example", password="pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    context = browser.new_context()
    desk = context.new_page()
    desk.goto(live_server.url + "/admin/")
    desk.get_by_label("Username").fill("editor")
    desk.get_by_label("Password").fill("pw")
    desk.get_by_role("button", name="Log in").click()
    desk.goto(live_server.url + "/admin/discussion/comment/")
    row = desk.get_by_role("row").filter(has_text=comment.name)
    row.get_by_role("checkbox").check()
    desk.get_by_role("combobox", name="Action").select_option(label="Approve: show on the site")
    desk.get_by_role("button", name="Run").click()
    desk.get_by_text("1 comment: Approved").wait_for()
    context.close()


def test_a_held_comment_is_posted_in_place_seen_by_its_author_alone_until_an_editor_approves_it(
    browser,  # noqa: F811
    live_server,
    article,
    django_user_model,
):
    url = url_of(live_server, article)
    ana = browser.new_context().new_page()
    ana.goto(url)
    fill_in(ana, ANA, "The pier needs a new roof first.", remember=True, notify=True)
    answer = post_in_place(ana)
    assert answer["status"] == "pending"
    shown = ana.locator(f"#comment-{answer['id']}")
    assert "Your comment is awaiting moderation" in shown.inner_text()
    assert "The pier needs a new roof first." in shown.inner_text()
    comment = Comment.objects.get()
    assert (comment.status, comment.name, comment.email) == ("pending", ANA["name"], ANA["email"])
    assert comment.website == ANA["website"] and comment.notify_replies

    # Another reader sees no trace of it, on a page the page cache now keeps for everyone.
    other = browser.new_context().new_page()
    assert "public" in other.goto(url).headers["cache-control"]
    assert other.locator("#comments").get_by_text("The pier needs a new roof first.").count() == 0
    assert other.get_by_text("No comments yet.").is_visible()

    editor_approves(browser, live_server, django_user_model, comment)
    comment.refresh_from_db()
    assert comment.status == "approved"

    # The approval renewed the page cache: the same reader's reload shows the comment.
    other.reload()
    listed = other.locator(f"#comment-{comment.pk}")
    assert "The pier needs a new roof first." in listed.inner_text()
    assert "awaiting moderation" not in listed.inner_text()
    assert other.get_by_role("heading", name="1 comment").is_visible()


def test_the_script_fills_the_form_from_the_readers_cookie_which_the_server_never_echoes(
    browser,  # noqa: F811
    live_server,
    article,
):
    url = url_of(live_server, article)
    context = browser.new_context()
    ana = context.new_page()
    ana.goto(url)
    fill_in(ana, ANA, "The pier needs a new roof first.", remember=True)
    post_in_place(ana)

    ana.reload()
    form = ana.locator("#respond")
    assert form.get_by_role("textbox", name="Name").input_value() == ANA["name"]
    assert form.get_by_role("textbox", name="Email").input_value() == ANA["email"]
    assert form.get_by_role("textbox", name="Website").input_value() == ANA["website"]
    assert form.get_by_label("Save my name, email, and website").is_checked()
    # The page as served to her, with her cookies, holds none of it: the script put it there.
    served = context.request.get(url).text()
    for value in ANA.values():
        assert f'value="{value}"' not in served
    assert ANA["email"] not in served
    context.close()


def test_a_reply_in_place_sends_its_author_one_notice_naming_the_replier_not_their_address(
    browser,  # noqa: F811
    live_server,
    article,
    smtp_sink,
):
    Moderation.objects.filter(section=None).update(policy="publish")
    url = url_of(live_server, article)
    ana = browser.new_context().new_page()
    ana.goto(url)
    fill_in(ana, ANA, "The pier needs a new roof first.", notify=True)
    first = post_in_place(ana)
    assert first["status"] == "approved"

    bo = browser.new_context().new_page()
    bo.goto(url)
    bo.get_by_role("link", name=f"Reply to {ANA['name']}").click()
    # The form moved under Ana's comment.
    under = bo.locator(f"#comment-{first['id']} #respond")
    assert under.get_by_role("heading", name=f"Reply to {ANA['name']}").is_visible()
    fill_in(bo, BO, "The roof can wait; the *piles* cannot.")
    reply = post_in_place(bo)
    assert reply["status"] == "approved"
    shown = bo.locator(f"#comment-{first['id']} ol.children #comment-{reply['id']}")
    assert "The roof can wait; the piles cannot." in shown.inner_text()
    saved = Comment.objects.get(pk=reply["id"])
    assert saved.parent_id == first["id"] and saved.email == BO["email"]

    # The queue runs inline in tests; sending again finds nothing more to send.
    smtp_sink.wait_for(1)
    Sender(pause=lambda seconds: None).send_due()
    [mail] = smtp_sink.messages
    assert mail["To"] == ANA["email"]
    assert f"{BO['name']} replied" in mail["Subject"]
    text = mail.as_string()
    assert BO["email"] not in text and "bo.private" not in text


def approved(thread, reader: dict, body: str, parent=None) -> Comment:
    now = timezone.now()
    return Comment.objects.create(
        thread=thread, parent=parent, depth=parent.depth + 1 if parent else 0,
        name=reader["name"], email=reader["email"], website=reader["website"], body=body,
        body_html=render(body), status="approved", created_at=now, approved_at=now,
    )  # fmt: skip


def test_a_page_with_a_discussion_and_its_form_has_no_serious_accessibility_fault(
    browser,  # noqa: F811
    live_server,
    article,
):
    from axe_playwright_python.sync_playwright import Axe

    thread = thread_for(article)
    first = approved(thread, ANA, "The pier needs a *new* roof.")
    approved(thread, BO, "> a new roof\n\nThe piles first.", parent=first)
    recount(thread)
    page = browser.new_page()
    page.goto(url_of(live_server, article))
    faults = {}
    for state in ("the form below", "the form under a comment"):
        if state == "the form under a comment":
            page.get_by_role("link", name=f"Reply to {ANA['name']}").click()
        found = Axe().run(page).response["violations"]
        faults[state] = [v["id"] for v in found if v["impact"] in ("serious", "critical")]
    page.close()
    assert faults == {"the form below": [], "the form under a comment": []}
