"""A commenter erases their comments: asked for by address, done by the signed link mailed to
it, with the threads others replied in kept readable."""

import re
import time
from datetime import timedelta

import pytest
from django.core import signing as django_signing
from django.test import Client
from django.utils import timezone

from discussion.erase import REMOVED
from discussion.models import Comment, Thread
from discussion.moderate import moderate, recount, render, thread_for
from discussion.notify import erase_mail
from discussion.tests.helpers import open_article
from herald.lib import signing
from newsletter.models import Delivery
from newsletter.send import Sender

pytestmark = pytest.mark.django_db

NOW = timezone.now()
ANA = "ana@example.org"
LINK = re.compile(r"https?://\S+?(/comments/erase/[^/\s]+/)")


def send() -> int:
    return Sender(pause=lambda seconds: None).send_due()


def comment(thread, name: str, address: str, parent=None, status="approved") -> Comment:
    body = f"{name} says something about the harbour."
    made = Comment.objects.create(
        thread=thread, parent=parent, depth=parent.depth + 1 if parent else 0, name=name,
        email=address, website="https://ana.example/", body=body, body_html=render(body),
        status=status, created_at=NOW - timedelta(hours=1), approved_at=NOW,
        ip_network="203.0.113.0/24", author_key="k" * 64, notify_replies=True,
    )  # fmt: skip
    recount(thread)
    return made


@pytest.fixture
def thread():
    return thread_for(open_article("publish"))


def ask(address: str):
    """The erase page's form, sent with its CSRF token as a browser does."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/comments/erase/")
    assert page.status_code == 200 and "no-cache" in page["Cache-Control"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return browser.post("/comments/erase/", {"email": address, "csrfmiddlewaretoken": token})


def erase_link(smtp_sink) -> str:
    send()
    [mail] = smtp_sink.messages
    return LINK.search(mail.get_body(("plain",)).get_content()).group(1)


def test_the_page_never_tells_whether_the_address_has_comments(thread, smtp_sink):
    comment(thread, "Ana", ANA)
    known, unknown = ask(ANA), ask("nobody@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    send()
    assert [mail["To"] for mail in smtp_sink.messages] == [ANA]


def test_a_second_request_within_the_hour_sends_no_second_mail(thread, smtp_sink):
    comment(thread, "Ana", ANA)
    ask(ANA)
    ask(ANA.upper())
    send()
    assert len(smtp_sink.messages) == 1


def test_an_address_that_is_no_address_is_refused_with_a_message(thread):
    response = ask("not an address")
    assert response.status_code == 400
    assert b"Please enter a valid email address." in response.content
    assert not Delivery.objects.exists()


def test_the_link_erases_every_comment_of_the_address_and_no_one_elses(thread, smtp_sink):
    comment(thread, "Ana", ANA)
    comment(thread, "Ana", "ANA@example.org")
    kept = comment(thread, "Bo", "bo@example.org")
    ask(ANA)
    path = erase_link(smtp_sink)
    page = Client().get(path)
    assert page.status_code == 200 and b"Erase my comments" in page.content
    assert Comment.objects.count() == 3  # a visit alone erases nothing
    response = Client().post(path)
    assert response.status_code == 200 and b"Your comments are erased" in response.content
    assert list(Comment.objects.all()) == [kept]
    assert Thread.objects.get().approved_count == 1


def test_a_comment_others_replied_to_keeps_its_place_emptied(thread, smtp_sink):
    theirs = comment(thread, "Ana", ANA)
    reply = comment(thread, "Bo", "bo@example.org", parent=theirs)
    own_reply = comment(thread, "Ana", ANA, parent=theirs)
    ask(ANA)
    Client().post(erase_link(smtp_sink))
    emptied = Comment.objects.get(pk=theirs.pk)
    assert (emptied.name, emptied.email, emptied.website, emptied.body, emptied.body_html) == (
        "Removed", "", "", "", REMOVED,
    )  # fmt: skip
    assert (emptied.ip_network, emptied.author_key, emptied.status) == ("", "", "approved")
    assert Comment.objects.get(pk=reply.pk).parent_id == theirs.pk
    assert not Comment.objects.filter(pk=own_reply.pk).exists()
    assert Thread.objects.get().approved_count == 2


def test_a_comment_answered_only_by_its_author_is_deleted_with_the_answer(thread, smtp_sink):
    theirs = comment(thread, "Ana", ANA)
    comment(thread, "Ana", ANA, parent=theirs)
    ask(ANA)
    Client().post(erase_link(smtp_sink))
    assert not Comment.objects.exists()
    assert Thread.objects.get().approved_count == 0


def test_an_expired_link_erases_nothing(thread, monkeypatch):
    theirs = comment(thread, "Ana", ANA)
    made_at = time.time() - 73 * 3600
    monkeypatch.setattr(django_signing.time, "time", lambda: made_at)
    token = signing.make_token("erase", theirs.pk, ANA)
    monkeypatch.undo()
    response = Client().post(f"/comments/erase/{token}/")
    assert response.status_code == 400 and b"This link does not work" in response.content
    assert Comment.objects.get(pk=theirs.pk).body


def test_a_changed_link_erases_nothing(thread):
    theirs = comment(thread, "Ana", ANA)
    forged = signing.make_token("erase", theirs.pk, "mallory@example.org")
    other_purpose = signing.make_token("replies", theirs.pk, ANA)
    for token in (forged, other_purpose, signing.make_token("erase", theirs.pk, ANA) + "x"):
        assert Client().post(f"/comments/erase/{token}/").status_code == 400
    assert Comment.objects.get(pk=theirs.pk).email == ANA


def test_mail_waiting_about_the_erased_comments_is_cancelled(thread):
    asked = comment(thread, "Bo", "bo@example.org")
    reply = comment(thread, "Ana", ANA, parent=asked, status="pending")
    moderate(Comment.objects.filter(pk=reply.pk), "approved", "", None, NOW)
    ask(ANA)
    [erase] = Delivery.objects.filter(kind="erase")
    Client().post(LINK.search(erase_mail(erase)[0]["erase_url"]).group(1))
    assert Delivery.objects.get(kind="reply").status == "cancelled"
    assert not Delivery.objects.filter(to_address__iexact=ANA).exists()
