"""Posting a comment: the form readers know, its checks in layers, and who sees what."""

import hashlib
import json
import re
from datetime import timedelta
from urllib.parse import unquote

import feedparser
import pytest
from django.test import Client
from django.utils import timezone

from discussion.models import Blocked, Comment, Moderation, Thread
from discussion.moderate import moderate
from discussion.tests.helpers import form, open_article, post, reader
from portal.csrf import started_stamp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def page(client, article) -> str:
    return client.get(article.get_absolute_url()).content.decode()


def test_a_comment_is_published_and_shown_under_the_article():
    article = open_article("publish")
    ana = reader()
    response = post(ana, article)
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    html = page(Client(), article)
    assert "A thoughtful comment about the harbour." in html and "Ana Reader" in html
    assert 'id="comments-title">1 comment<' in html
    assert Thread.objects.get().approved_count == 1


def test_the_form_says_what_readers_expect():
    html = page(Client(), open_article())
    for text in ("Leave a Reply", "Your email address will not be published.",
                 "Required fields are marked", "Name", "Email", "Website", "Comment",
                 "Save my name, email, and website in this browser",
                 "Notify me of replies by email."):  # fmt: skip
        assert text in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Please enter your name."),
        ({"name": "x" * 81}, "Your name can be at most 80 characters."),
        ({"email": ""}, "Please enter your email address."),
        ({"email": "not-an-address"}, "Please enter a valid email address."),
        ({"email": "a" * 250 + "@example.org"}, "Your email address is too long."),
        ({"website": "javascript:alert(1)"}, "Please enter a valid web address"),
        ({"website": "https://" + "w" * 200 + ".org"}, "The web address can be at most 200"),
        ({"body": ""}, "Please type your comment."),
        ({"body": "x" * 5001}, "Your comment can be at most 5000 characters (it has 5001)."),
    ],
)
def test_each_field_is_checked_with_a_clear_message(fields, message):
    article = open_article()
    response = post(reader(), article, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Comment.objects.exists()


def test_in_place_posting_answers_json_with_the_comment():
    article = open_article("publish")
    response = reader().post(
        f"/comments/article/{article.pk}/", form(), headers={"accept": "application/json"}
    )
    assert response.status_code == 201
    answer = response.json()
    assert answer["status"] == "approved" and f'id="comment-{answer["id"]}"' in answer["html"]
    bad = reader(2).post(
        f"/comments/article/{article.pk}/", form(name=""), headers={"accept": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["errors"]["name"] == ["Please enter your name."]


def test_csrf_is_enforced():
    article = open_article()
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")
    response = strict.post(f"/comments/article/{article.pk}/", form())
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "trap",
    [
        lambda: {"topic": "cheap pills"},
        lambda: {"form_started": started_stamp()},
        lambda: {"form_started": "forged"},
    ],
)
def test_robots_fall_into_the_honeypot_or_are_too_fast(trap):
    article = open_article()
    response = post(reader(), article, **trap())
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_flood_from_one_network_gets_429(settings):
    article = open_article()
    ana = reader()
    assert post(ana, article).status_code == 303
    second = post(ana, article, email="other@example.org", body="Something else entirely.")
    assert second.status_code == 429 and "too fast" in second.content.decode()
    # Another address from the same network, or the same address from elsewhere: the same.
    assert post(reader(2), article, body="Third try, new words.").status_code == 429
    assert Comment.objects.count() == 1


def test_a_duplicate_gets_409(settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = open_article()
    post(reader(), article)
    again = post(reader(2), article, body="  a thoughtful COMMENT about   the harbour. ")
    assert again.status_code == 409 and "already said that" in again.content.decode()


def test_the_network_address_is_kept_truncated():
    post(Client(REMOTE_ADDR="198.51.100.77"), open_article())
    post(Client(REMOTE_ADDR="2001:db8:abcd:12::1"), open_article(n=2), email="bo@example.org")
    assert sorted(Comment.objects.values_list("ip_network", flat=True)) == [
        "198.51.100.0/24", "2001:db8:abcd::/48",
    ]  # fmt: skip


# --- moderation policies -------------------------------------------------------------------------


def test_hold_all_holds_every_comment_and_tells_only_its_author():
    article = open_article("hold_all")
    ana = reader()
    post(ana, article)
    comment = Comment.objects.get()
    assert comment.status == "pending"
    own = page(ana, article)
    assert "Your comment is awaiting moderation" in own and comment.body in own
    others = page(Client(), article)
    assert comment.body not in others and "awaiting moderation" not in others


def test_hold_first_approves_a_commenter_a_moderator_approved_before(settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = open_article("hold_first")
    post(reader(), article)
    first = Comment.objects.get()
    assert first.status == "pending" and "first comment" in first.reason
    moderate(Comment.objects.filter(pk=first.pk), "approved", "", None, timezone.now())
    post(reader(), article, body="And a second thought.")
    assert Comment.objects.latest("pk").status == "approved"


def test_a_section_overrides_the_sites_policy():
    article = open_article("publish")
    Moderation.objects.create(section=article.section or _section(article), policy="hold_all")
    post(reader(), article)
    assert Comment.objects.get().status == "pending"


def _section(article):
    from articles.models import Section

    section = Section.objects.get(slug="politics")
    article.section = section
    article.save()
    return section


def test_too_many_links_hold_a_comment():
    article = open_article("publish")
    body = "See https://a.example and https://b.example and www.c.example"
    post(reader(), article, body=body)
    comment = Comment.objects.get()
    assert comment.status == "pending" and comment.reason == "more than 2 links"


@pytest.mark.parametrize(
    ("kind", "value", "fields"),
    [
        ("word", "casino", {"body": "Visit the Casino tonight"}),
        ("email", "ana.reader@example.org", {}),
        ("domain", "spam.example", {"website": "https://spam.example/offer"}),
        ("ip", "203.0.1.0/24", {}),
    ],
)
def test_the_blocklist_holds_a_comment(kind, value, fields):
    Blocked.objects.create(kind=kind, value=value)
    post(reader(), open_article("publish"), **fields)
    comment = Comment.objects.get()
    assert comment.status == "pending" and "blocklist" in comment.reason


def test_a_refused_comment_tells_its_author_why_and_offers_a_second_look():
    article = open_article("publish")
    ana = reader()
    post(ana, article)
    comment = Comment.objects.get()
    moderate(Comment.objects.all(), "spam", "advertising", None, timezone.now())
    own = page(ana, article)
    assert "Your comment was not published: advertising" in own
    assert "Ask for a second look" in own
    ana.post(f"/comments/second-look/{comment.pk}/", {"form_started": "x"})
    comment.refresh_from_db()
    assert comment.second_look is not None
    # Nobody else can ask for it.
    other = reader(2).post(f"/comments/second-look/{comment.pk}/")
    assert other.status_code == 404


# --- threads -------------------------------------------------------------------------------------


def test_replies_nest_oldest_first_and_stop_at_the_configured_depth(settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    settings.COMMENTS_MAX_DEPTH = 3
    article = open_article("publish")
    parent = None
    for level in range(5):
        post(reader(), article, body=f"Level {level} says so.", parent=parent.pk if parent else "")
        parent = Comment.objects.latest("pk")
    depths = list(Comment.objects.order_by("pk").values_list("depth", flat=True))
    assert depths == [0, 1, 2, 2, 2]
    deepest = Comment.objects.order_by("pk")
    assert deepest[3].parent_id == deepest[1].pk  # joined its parent's level
    html = page(Client(), article)
    assert html.index("Level 0") < html.index("Level 1") < html.index("Level 2")


def test_comments_close_after_the_configured_days_and_by_hand():
    article = open_article("publish", published_at=timezone.now() - timedelta(days=31))
    response = post(reader(), article)
    assert response.status_code == 403 and "closed" in response.content.decode()
    assert "Comments are closed." in page(Client(), article)
    fresh = open_article("publish", n=2)
    Thread.objects.create(article=fresh, closed=True)
    assert post(reader(), fresh).status_code == 403


# --- privacy and safety --------------------------------------------------------------------------


def test_the_address_never_appears_in_pages_feeds_or_as_a_hash():
    article = open_article("publish")
    address = "ana.reader@example.org"
    post(reader(), article, website="https://ana.example", notify_replies="on")
    hashes = [
        hashlib.md5(address.encode()).hexdigest(),
        hashlib.sha256(address.encode()).hexdigest(),
    ]
    urls = [
        article.get_absolute_url(), "/", "/latest/", f"/story/{article.story_id}/"
        if article.story_id else "/", f"/comments/feed/article/{article.pk}/", "/feeds/rss/",
        "/feeds/atom/", "/feeds/json/",
    ]  # fmt: skip
    for url in urls:
        body = Client().get(url).content.decode().lower()
        assert address not in body and not any(h in body for h in hashes), url


def test_the_comments_feed_lists_names_and_texts():
    article = open_article("publish")
    post(reader(), article)
    feed = feedparser.parse(Client().get(f"/comments/feed/article/{article.pk}/").content)
    assert not feed.bozo
    [entry] = feed.entries
    assert entry.author == "Ana Reader" and "harbour" in entry.summary
    assert "email" not in entry.get("author_detail", {})


def test_remember_me_is_a_cookie_only_the_browser_reads():
    article = open_article("publish")
    ana = reader()
    response = post(ana, article, remember="on", website="https://ana.example/about")
    saved = response.cookies["herald_comment_author"].value
    # Nothing in it that makes Django quote the value: the browser's script reads it as it is.
    assert re.fullmatch(r"[A-Za-z0-9%._~-]+", saved)
    assert json.loads(unquote(saved))["website"] == "https://ana.example/about"
    assert response.cookies["herald_commenter"]["httponly"]
    html = page(ana, article)
    assert "ana.reader@example.org" not in html and 'value="Ana Reader"' not in html
    unticked = post(reader(2), open_article("publish", n=2), email="bo@example.org")
    assert unticked.cookies["herald_comment_author"].value == ""  # deleted


def test_hostile_comment_text_renders_no_script():
    import discussion.moderate as moderate_module
    from herald.tests.test_sanitize import _cases, problems
    from sources.parse import parse_feed

    failures = []
    for path in _cases():
        for entry in parse_feed(path.read_bytes()).entries:
            for text in (entry.content_html, entry.summary_html):
                rendered = moderate_module.render(text)
                failures += [f"{path.name}: {p}" for p in problems(rendered)]
                if re.search(r"<(script|iframe|img|style)\b", rendered, re.I):
                    failures.append(f"{path.name}: a tag comments never carry")
    assert failures == []


def test_links_in_comments_are_the_readers_not_the_sites():
    article = open_article("publish")
    post(reader(), article, body="Read [this](https://example.org/a) first.")
    assert 'rel="nofollow ugc noopener noreferrer"' in Comment.objects.get().body_html


def test_article_cards_show_comment_counts_without_a_query_each(django_assert_max_num_queries):
    article = open_article("publish")
    post(reader(), article)
    html = Client().get("/latest/").content.decode()
    assert "1 comment<" in html


def test_network_addresses_are_forgotten_after_the_retention_period(settings):
    from discussion.moderate import forget_networks

    settings.COMMENTS_IP_DAYS = 30
    post(reader(), open_article("publish"))
    now = timezone.now()
    assert forget_networks(now + timedelta(days=29)) == 0
    assert forget_networks(now + timedelta(days=31)) == 1
    assert Comment.objects.get().ip_network == ""
