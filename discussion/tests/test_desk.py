"""The moderators' desk, used as an editor uses it: the queue with its counts, the bulk
decisions and the reasons their authors read, editing, replying as the site, the rules, the
blocklist and closing a thread."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from articles.models import EditorProfile, Section
from discussion.models import Blocked, Comment, Moderation, Thread
from discussion.moderate import render, thread_for
from herald.groups import EDITORS
from newsletter.models import Delivery, Mailing
from portal.tests import site

pytestmark = pytest.mark.django_db

COMMENTS = "/admin/discussion/comment/"
MODERATION = "/admin/discussion/moderation/"
BLOCKED = "/admin/discussion/blocked/"
THREADS = "/admin/discussion/thread/"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def ana(django_user_model):
    user = django_user_model.objects.create_user(
        "ana", email="ana@herald.example", password="pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor(client, ana):
    client.force_login(ana)
    return client


def article_in(slug: str, n: int = 1):
    source = site.outlet(f"Outlet {n}")
    return site.article(source, n, section=Section.objects.get(slug=slug))


def comment_on(target, n: int = 1, status=Comment.Status.PENDING, **fields) -> Comment:
    body = fields.pop("body", f"Comment number {n} about the harbour.")
    return Comment.objects.create(
        thread=thread_for(target),
        name=f"Reader {n}",
        email=f"reader{n}@example.org",
        body=body,
        body_html=render(body),
        status=status,
        created_at=site.NOW - timedelta(minutes=60 - n),
        **fields,
    )


def act(client, action: str, comments, **fields):
    return client.post(
        COMMENTS, {"action": action, "_selected_action": [c.pk for c in comments], **fields}
    )


# The queue


def test_the_queue_opens_on_comments_awaiting_moderation(editor):
    article = article_in("sports")
    comment_on(article, 1, body="Held for a moderator.")
    comment_on(article, 2, Comment.Status.APPROVED, body="Already shown to readers.")
    page = editor.get(COMMENTS).content.decode()
    assert "Held for a moderator." in page
    assert "Already shown to readers." not in page


def test_the_queue_counts_held_comments_per_section(editor):
    sports, world = article_in("sports", 1), article_in("world", 2)
    for n in range(3):
        comment_on(sports, n)
    comment_on(world, 5)
    comment_on(world, 6, Comment.Status.SPAM, second_look=site.NOW)
    response = editor.get(COMMENTS)
    counts = {row["section"]: row["held"] for row in response.context["held_by_section"]}
    assert counts == {"Sports": 3, "World": 1}
    page = response.content.decode()
    assert "Held for moderation" in page
    assert "1 comment awaits a second look" in page


def test_the_queue_shows_what_a_moderator_decides_on(editor):
    article = article_in("sports")
    comment_on(article, 1, reason="more than 2 links", spam_score=0.73, second_look=site.NOW)
    row = editor.get(COMMENTS).content.decode()
    for shown in ("reader1@example.org", "Comment number 1 about the harbour.",
                  article.get_absolute_url(), "more than 2 links", "0.73"):  # fmt: skip
        assert shown in row


def test_the_queue_filters_by_section(editor):
    comment_on(article_in("sports", 1), 1, body="On the match.")
    comment_on(article_in("world", 2), 2, body="On the summit.")
    page = editor.get(COMMENTS, {"section": "world"}).content.decode()
    assert "On the summit." in page and "On the match." not in page


# Decisions


def test_approving_three_pending_comments_shows_them_and_counts_them(editor, ana):
    article = article_in("sports")
    comments = [comment_on(article, n) for n in range(3)]
    response = act(editor, "approve", comments)
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", "moderated_by")) == {("approved", ana.pk)}
    assert Thread.objects.get().approved_count == 3


def test_a_comment_marked_as_spam_is_approved_from_the_spam_list(editor):
    comment = comment_on(article_in("sports"), status=Comment.Status.SPAM, reason="advertising")
    editor.post(f"{COMMENTS}?status=spam", {"action": "approve", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert (comment.status, comment.reason) == ("approved", "")


def test_spam_asks_for_the_reason_first(editor):
    comment = comment_on(article_in("sports"))
    page = act(editor, "mark_spam", [comment]).content.decode()
    assert "it is off-topic" in page and "it attacks a person" in page
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_spam_with_a_chosen_reason_stores_it_for_the_author(editor):
    comment = comment_on(article_in("sports"))
    act(editor, "mark_spam", [comment], apply="1", preset="it is advertising")
    comment.refresh_from_db()
    assert (comment.status, comment.reason) == ("spam", "it is advertising")


def test_trash_takes_a_reason_written_by_the_moderator(editor):
    comment = comment_on(article_in("sports"))
    act(editor, "move_to_trash", [comment], apply="1", preset="other", other="it names a minor")
    comment.refresh_from_db()
    assert (comment.status, comment.reason) == ("trash", "it names a minor")


def test_trash_without_any_reason_is_asked_again(editor):
    comment = comment_on(article_in("sports"))
    page = act(editor, "move_to_trash", [comment], apply="1", preset="other", other=" ")
    assert "Choose a reason or write one" in page.content.decode()
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_the_comments_page_offers_its_decisions_on_access_keys(editor):
    comment = comment_on(article_in("sports"), status=Comment.Status.APPROVED)
    page = editor.get(f"{COMMENTS}{comment.pk}/change/").content.decode()
    assert 'name="_spam"' in page and 'accesskey="s"' in page
    assert 'name="_trash"' in page and 'accesskey="t"' in page
    assert 'name="_approved"' not in page  # it is approved already
    assert "Reply as ana (R)" in page


def test_approve_on_the_comments_page_saves_the_edit_then_approves(editor):
    comment = comment_on(article_in("sports"))
    fields = {"name": comment.name, "email": comment.email, "body": "Trimmed by the desk."}
    editor.post(f"{COMMENTS}{comment.pk}/change/", {**fields, "_approved": "1"})
    comment.refresh_from_db()
    assert (comment.status, comment.body) == ("approved", "Trimmed by the desk.")
    assert Thread.objects.get().approved_count == 1


def test_spam_on_the_comments_page_asks_for_the_reason(editor):
    comment = comment_on(article_in("sports"))
    fields = {"name": comment.name, "email": comment.email, "body": comment.body}
    response = editor.post(f"{COMMENTS}{comment.pk}/change/", {**fields, "_spam": "1"})
    assert response["Location"] == f"{COMMENTS}{comment.pk}/decide/spam/"
    editor.post(response["Location"], {"apply": "1", "preset": "it repeats another comment"})
    comment.refresh_from_db()
    assert (comment.status, comment.reason) == ("spam", "it repeats another comment")


# Editing and replying


def test_an_edit_renders_the_text_again_and_says_when(editor):
    comment = comment_on(article_in("sports"))
    fields = {"name": comment.name, "email": comment.email, "body": "Now with *emphasis*."}
    response = editor.post(f"{COMMENTS}{comment.pk}/change/", fields)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body_html == "<p>Now with <em>emphasis</em>.</p>"
    assert comment.edited_at is not None


def test_a_reply_as_the_editor_is_shown_at_once_under_their_byline(editor, ana):
    EditorProfile.objects.create(user=ana, byline="Ana Ruiz, Editor")
    parent = comment_on(article_in("sports"), status=Comment.Status.APPROVED)
    editor.post(f"{COMMENTS}{parent.pk}/reply/", {"body": "Thank you, *corrected*."})
    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.name, reply.email) == ("approved", "Ana Ruiz, Editor", ana.email)
    assert (reply.moderated_by, reply.depth) == (ana, 1)
    assert reply.body_html == "<p>Thank you, <em>corrected</em>.</p>"
    assert Thread.objects.get().approved_count == 2


def test_a_reply_tells_the_author_who_asked_to_hear_of_replies(editor):
    parent = comment_on(article_in("sports"), status=Comment.Status.APPROVED, notify_replies=True)
    editor.post(f"{COMMENTS}{parent.pk}/reply/", {"body": "We have looked into it."})
    notice = Delivery.objects.get(kind=Mailing.Kind.REPLY)
    assert notice.to_address == parent.email


def test_a_held_comment_is_approved_before_it_is_replied_to(editor):
    parent = comment_on(article_in("sports"))
    editor.post(f"{COMMENTS}{parent.pk}/reply/", {"body": "Too early."})
    assert not Comment.objects.filter(parent=parent).exists()


# Rules, blocklist, threads


def test_the_site_moderation_rules_cannot_be_deleted(editor):
    site_rules = Moderation.objects.get(section=None)
    response = editor.post(f"{MODERATION}{site_rules.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Moderation.objects.filter(section=None).exists()


def test_a_sections_moderation_rules_can_be_deleted(editor):
    rules = Moderation.objects.create(section=Section.objects.get(slug="sports"))
    editor.post(f"{MODERATION}{rules.pk}/delete/", {"post": "yes"})
    assert not Moderation.objects.filter(pk=rules.pk).exists()


def test_a_bad_ip_is_refused_with_a_clear_message(editor):
    response = editor.post(f"{BLOCKED}add/", {"kind": "ip", "value": "203.0.113.300"})
    assert "is not an IP address or network" in response.content.decode()
    assert not Blocked.objects.exists()


def test_a_network_is_stored_in_its_plain_form(editor):
    editor.post(f"{BLOCKED}add/", {"kind": "ip", "value": "203.0.113.77/24"})
    assert Blocked.objects.get().value == "203.0.113.0/24"


def test_a_domain_with_an_at_sign_is_refused(editor):
    response = editor.post(f"{BLOCKED}add/", {"kind": "domain", "value": "@spam.example"})
    assert "Give the domain alone" in response.content.decode()
    assert not Blocked.objects.exists()


def test_closing_a_thread_closes_the_articles_comments(editor):
    article = article_in("sports")
    thread = thread_for(article)
    editor.post(THREADS, {"action": "close_comments", "_selected_action": [thread.pk]})
    assert Thread.objects.get().closed
    assert "Comments are closed." in Client().get(article.get_absolute_url()).content.decode()


def test_reopening_a_thread_shows_the_form_again(editor):
    article = article_in("sports")
    thread = Thread.objects.create(article=article, closed=True)
    editor.post(THREADS, {"action": "reopen_comments", "_selected_action": [thread.pk]})
    assert "Comments are closed." not in Client().get(article.get_absolute_url()).content.decode()


def test_every_page_of_the_desk_opens(editor):
    held = comment_on(article_in("sports"), 1)
    shown = comment_on(thread_for(held.thread.target).target, 2, Comment.Status.APPROVED)
    blocked = Blocked.objects.create(kind="word", value="casino")
    pages = [
        COMMENTS, f"{COMMENTS}?status=all", f"{COMMENTS}{held.pk}/change/",
        f"{COMMENTS}{held.pk}/decide/trash/", f"{COMMENTS}{shown.pk}/reply/",
        MODERATION, f"{MODERATION}add/", f"{MODERATION}{Moderation.objects.get().pk}/change/",
        BLOCKED, f"{BLOCKED}add/", f"{BLOCKED}{blocked.pk}/change/",
        THREADS, f"{THREADS}add/", f"{THREADS}{held.thread_id}/change/",
    ]  # fmt: skip
    for url in pages:
        assert editor.get(url).status_code == 200, url
