"""Mail about comments: a notice of a reply to the reader who asked for it, turned off by one
click, and the editors' hourly digest of comments waiting for them. Sent to a real SMTP sink."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from discussion.models import Comment
from discussion.moderate import moderate, render, thread_for
from discussion.notify import queue_held_digest
from discussion.tests.helpers import open_article
from herald.groups import EDITORS
from herald.lib import signing
from newsletter.models import Delivery
from newsletter.send import Sender

pytestmark = pytest.mark.django_db

NOW = timezone.now()
ANA = "ana@example.org"
BO = "bo.private@example.net"
REPLIES_OFF = re.compile(r"https?://\S+?(/comments/replies-off/[^/\s]+/)")


def send() -> int:
    """Everything queued, the moved clocks' mail included."""
    later = NOW + timedelta(hours=3)
    return Sender(clock=lambda: later, pause=lambda seconds: None).send_due()


def comment(thread, name: str, address: str, parent=None, notify=False, status="approved",
            body="", at=NOW - timedelta(minutes=30)) -> Comment:  # fmt: skip
    body = body or f"{name} says something about the harbour."
    return Comment.objects.create(
        thread=thread, parent=parent, depth=parent.depth + 1 if parent else 0, name=name,
        email=address, body=body, body_html=render(body), status=status, created_at=at,
        approved_at=at if status == "approved" else None, notify_replies=notify,
    )  # fmt: skip


def approve(reply: Comment, now=NOW) -> None:
    """A moderator lets a held reply through: the way notices are queued."""
    moderate(Comment.objects.filter(pk=reply.pk), "approved", "", None, now)


@pytest.fixture
def thread():
    return thread_for(open_article("hold_all"))


@pytest.fixture
def asked(thread):
    """Ana's comment, with the box ticked."""
    return comment(thread, "Ana", ANA, notify=True)


def test_the_author_who_asked_gets_one_mail_naming_the_replier_never_their_address(
    thread, asked, smtp_sink
):
    reply = comment(thread, "Bo Brown", BO, parent=asked, status="pending",
                    body="I *disagree* about the pier.")  # fmt: skip
    approve(reply)
    assert send() == 1
    [mail] = smtp_sink.messages
    assert mail["To"] == ANA
    assert "Bo Brown replied" in mail["Subject"]
    assert BO not in mail.as_string() and "bo.private" not in mail.as_string()
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "I *disagree* about the pier." in text
    assert "<em>disagree</em>" in html
    assert f"#comment-{reply.pk}" in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    off = REPLIES_OFF.search(text).group(1)
    assert mail["List-Unsubscribe"].strip("<>").endswith(off) and off in html


def test_a_second_reply_in_the_thread_within_the_hour_sends_nothing_more(thread, asked, smtp_sink):
    approve(comment(thread, "Bo", BO, parent=asked, status="pending"))
    approve(comment(thread, "Cy", "cy@example.org", parent=asked, status="pending"),
            NOW + timedelta(minutes=50))  # fmt: skip
    send()
    assert len(smtp_sink.messages) == 1


def test_after_an_hour_another_reply_sends_one_more(thread, asked, smtp_sink):
    approve(comment(thread, "Bo", BO, parent=asked, status="pending"))
    approve(comment(thread, "Cy", "cy@example.org", parent=asked, status="pending"),
            NOW + timedelta(minutes=61))  # fmt: skip
    send()
    assert [mail["To"] for mail in smtp_sink.messages] == [ANA, ANA]
    assert "Cy replied" in smtp_sink.messages[1]["Subject"]


def test_approving_a_reply_again_sends_no_second_notice(thread, asked, smtp_sink):
    reply = comment(thread, "Bo", BO, parent=asked, status="pending")
    approve(reply)
    approve(reply, NOW + timedelta(hours=2))
    send()
    assert len(smtp_sink.messages) == 1


def test_an_author_who_did_not_tick_the_box_gets_nothing(thread, smtp_sink):
    quiet = comment(thread, "Ana", ANA, notify=False)
    approve(comment(thread, "Bo", BO, parent=quiet, status="pending"))
    assert send() == 0 and smtp_sink.messages == []


def test_replying_to_yourself_sends_nothing(thread, asked, smtp_sink):
    approve(comment(thread, "Ana", ANA.upper(), parent=asked, status="pending"))
    assert send() == 0 and smtp_sink.messages == []


def test_a_trashed_reply_sends_nothing(thread, asked, smtp_sink):
    reply = comment(thread, "Bo", BO, parent=asked, status="pending")
    moderate(Comment.objects.filter(pk=reply.pk), "trash", "off topic", None, NOW)
    assert send() == 0 and smtp_sink.messages == []


def test_a_reply_trashed_before_its_notice_went_is_not_announced(thread, asked, smtp_sink):
    reply = comment(thread, "Bo", BO, parent=asked, status="pending")
    approve(reply)
    moderate(Comment.objects.filter(pk=reply.pk), "trash", "off topic", None, NOW)
    assert send() == 0 and smtp_sink.messages == []
    assert Delivery.objects.get(kind="reply").status != "sent"


def test_the_one_click_post_turns_notices_off_for_every_comment_of_the_address(
    thread, asked, smtp_sink
):
    other = comment(thread, "Ana", "Ana@Example.org", notify=True)
    approve(comment(thread, "Bo", BO, parent=asked, status="pending"))
    send()
    path = REPLIES_OFF.search(smtp_sink.messages[0].get_body(("plain",)).get_content()).group(1)
    browserless = Client(enforce_csrf_checks=True)
    response = browserless.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and b"No more reply notices" in response.content
    assert not Comment.objects.filter(pk__in=[asked.pk, other.pk], notify_replies=True).exists()
    approve(comment(thread, "Cy", "cy@example.org", parent=other, status="pending"),
            NOW + timedelta(hours=2))  # fmt: skip
    assert send() == 0 and len(smtp_sink.messages) == 1


def test_a_visit_to_the_link_changes_nothing_until_the_button(thread, asked, smtp_sink):
    approve(comment(thread, "Bo", BO, parent=asked, status="pending"))
    send()
    path = REPLIES_OFF.search(smtp_sink.messages[0].get_body(("plain",)).get_content()).group(1)
    response = Client().get(path)
    assert response.status_code == 200 and b"<button" in response.content
    assert Comment.objects.get(pk=asked.pk).notify_replies


def test_a_changed_link_turns_nothing_off(thread, asked):
    forged = signing.make_token("replies", asked.pk, "someone.else@example.org")
    response = Client().post(f"/comments/replies-off/{forged}/")
    assert response.status_code == 400
    assert Comment.objects.get(pk=asked.pk).notify_replies


# --- the editors' digest ------------------------------------------------------------------------


def user(name: str, address: str, editor=False, **fields) -> User:
    made = User.objects.create_user(name, address, "pw", **fields)
    if editor:
        made.groups.add(Group.objects.get_or_create(name=EDITORS)[0])
    return made


@pytest.fixture
def desk():
    user("ed", "ed@herald.example", editor=True, is_staff=True)
    user("root", "root@herald.example", is_staff=True, is_superuser=True)
    user("intern", "intern@herald.example", is_staff=True)  # on the desk, no editor
    user("gone", "gone@herald.example", editor=True, is_staff=True, is_active=False)
    user("noaddress", "", editor=True, is_staff=True)
    user("reader", "reader@example.org", editor=True)  # in the group, but no desk access


def test_the_held_digest_goes_to_editors_only_in_one_mail_for_several_comments(
    thread, desk, smtp_sink
):
    for name in ("Dee", "Eve", "Fay"):
        comment(thread, name, f"{name.lower()}@example.org", status="pending")
    assert queue_held_digest(NOW) == 2
    send()
    assert sorted(mail["To"] for mail in smtp_sink.messages) == [
        "ed@herald.example", "root@herald.example",
    ]  # fmt: skip
    mail = smtp_sink.messages[0]
    text = mail.get_body(("plain",)).get_content()
    assert "3 comments" in mail["Subject"]
    assert all(f"{name} on “Headline 1”" in text for name in ("Dee", "Eve", "Fay"))
    assert "/admin/discussion/comment/?status=pending" in text
    assert "dee@example.org" not in text


def test_no_digest_when_nothing_new_was_held(thread, desk, smtp_sink):
    assert queue_held_digest(NOW) == 0
    comment(thread, "Dee", "dee@example.org", status="pending")
    assert queue_held_digest(NOW) == 2
    assert queue_held_digest(NOW + timedelta(hours=1)) == 0
    send()
    assert len(smtp_sink.messages) == 2


def test_the_next_digest_lists_only_what_was_held_since(thread, desk, smtp_sink):
    comment(thread, "Dee", "dee@example.org", status="pending")
    queue_held_digest(NOW)
    comment(thread, "Eve", "eve@example.org", status="pending", at=NOW + timedelta(minutes=20))
    assert queue_held_digest(NOW + timedelta(hours=1)) == 2
    Delivery.objects.filter(about__until=NOW.isoformat()).update(status="cancelled")
    send()
    text = smtp_sink.messages[0].get_body(("plain",)).get_content()
    assert "Eve on" in text and "Dee on" not in text and "1 comment " in text
