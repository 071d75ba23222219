"""Every public page, form and query parameter, sent whatever a client may send: any text
(unicode, control characters, markup), huge values, numbers out of range, missing fields and
repeated parameters, in the address and in the body. No answer is a server error, and nothing
changes in the database but what that form may store (a held comment, a sign-up, the reader's
own preferences): every other row of every table is compared before and after.

Hypothesis's settings are here, not in a profile: few examples (the suite must stay quick),
derandomized (CI sees the same examples every run), no example database on disk."""

import itertools
import json
import os
import time
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Post, Section, Tag
from discussion.models import Comment, Moderation
from discussion.moderate import thread_for
from discussion.threads import AUTHOR_COOKIE
from herald.lib import signing
from newsletter.models import Invitation, Subscriber
from portal.csrf import MARKER, started_stamp
from portal.models import SitePage
from portal.tests import site

pytestmark = pytest.mark.django_db

# FUZZ_EXAMPLES=500 (say) for a deeper run by hand.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
FUZZ = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the newsroom is checked per example instead
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# --- what a client may send ---------------------------------------------------------------------

# Any character a URL or a form can carry (lone surrogates cannot be encoded at all).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
CONTROL = st.text(
    st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u200b\u202e\u2028\ufeff"),
    min_size=1,
    max_size=8,
)
NUMBER = st.integers(-(2**70), 2**70).map(str)
ODD = st.sampled_from([
    "", " ", "0", "-1", "1.5", "1e9", "NaN", "²", "١٢", "0x10", "9" * 40, "\x00", "a\x00b",
    "../../etc/passwd", "%00", "%", "<script>alert(1)</script>", "' OR 1=1 --", '"', "\\",
    "null", "[]", "{}", "2024-02-30", "99999-01-01", "mailto:a@b", "javascript:alert(1)",
])  # fmt: skip
# Long, but within what gunicorn passes on in a request line (4094 bytes).
LONG = st.sampled_from(["x" * 3000, "é" * 600, "9" * 2000, "a@" + "b" * 300 + ".org"])
JUNK = st.one_of(TEXT, CONTROL, NUMBER, ODD, LONG)
# One character slipped into a good value: what a form or a database may choke on. NUL above
# all, which PostgreSQL refuses in any text, even a lookup.
POISON = st.just("\x00") | st.sampled_from(["\x01", "\x1b", "\r\n", "\u202e", "\ufeff", "²", "٣",
                                            "%", "'", '"', "<", "\\", "\U0001f600"])  # fmt: skip
# Numbers at the edges of the integer columns (32 and 64 bits) and past them.
EDGES = st.sampled_from(["0", "-1", str(2**31), str(2**63 - 1), str(2**63), str(-(2**63) - 1),
                         "9" * 40])  # fmt: skip
# Huge: only a body carries that much.
HUGE = st.sampled_from(["x" * 100_000, "é" * 30_000, "9" * 10_000, "<p>" * 20_000])


def values(*plausible) -> st.SearchStrategy[str]:
    """Junk, or one of the values the page expects (so that some requests get past the
    first check and deeper into the view)."""
    return st.one_of(JUNK, st.sampled_from([str(p) for p in plausible])) if plausible else JUNK


def poisoned(value: str) -> st.SearchStrategy[str]:
    """The value with one character of POISON slipped in somewhere."""
    return st.builds(
        lambda at, bad: value[:at] + bad + value[at:], st.integers(0, len(value)), POISON
    )


def params(
    fields: dict[str, st.SearchStrategy], body: bool = False
) -> st.SearchStrategy[dict[str, list[str]]]:
    """Some of the fields (any may be missing), each once, repeated or empty, and a few
    parameters the page does not know; in a body, any of them may be huge."""
    if body:
        fields = {name: strategy | HUGE for name, strategy in fields.items()}
    once = {name: st.lists(strategy, min_size=1, max_size=1) for name, strategy in fields.items()}
    repeated = {name: st.lists(strategy, max_size=3) for name, strategy in fields.items()}
    known = st.fixed_dictionaries({}, optional=once) | st.fixed_dictionaries({}, optional=repeated)
    unknown = st.dictionaries(TEXT, st.lists(JUNK, max_size=2), max_size=2)
    return st.builds(lambda extra, given: extra | given, unknown, known)


def segment(*known) -> st.SearchStrategy[str]:
    """A piece of a path: a real id or slug, one with a character slipped in, a number at the
    edge of what a database holds, or junk; quoted, as a browser sends it."""
    near = st.one_of(*(poisoned(str(value)) for value in known)) if known else st.nothing()
    piece = st.one_of(values(*known), near, EDGES)
    return piece.map(lambda value: quote(value, safe="") or "-")


# --- the newsroom, and what changed in it -------------------------------------------------------


@dataclass
class Newsroom:
    section: Section
    tag: Tag
    outlet: int
    story: int
    article: object
    post: Post
    comment: Comment
    readers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def reader(self) -> tuple[Subscriber, str]:
        """A fresh subscriber with a household member, and the token of their own page."""
        n = next(self.readers)
        me = Subscriber.objects.create(
            email=f"reader{n}@example.org", status="active", signed_up_from="test"
        )
        Invitation.objects.create(inviter=me, email=f"member{n}@example.org")
        Subscriber.objects.create(
            email=f"member{n}@example.org", invited_by=me, signed_up_from="test"
        )
        return me, signing.make_token("manage", me.pk, me.email)


@pytest.fixture
def newsroom(settings) -> Newsroom:
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches its view
    settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR = 10**6
    settings.NEWSLETTER_CONFIRMATIONS_PER_HOUR = 10**6
    settings.COMMENTS_FLOOD_SECONDS = 0
    settings.NEWSLETTER_BOUNCE_SECRET = "bounce-secret"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # so a forged X-Forwarded-For is parsed too
    section = Section.objects.create(name="Harbour", slug="harbour", is_active=True)
    source = site.outlet("Ledger")
    articles = [site.article(source, n, section=section) for n in range(3)]
    story = site.story(*articles[:2])
    tag = Tag.objects.create(name="Pier", slug="pier")
    articles[0].tags.add(tag)
    post = Post.objects.create(
        title="A letter", slug="letter", body="Hello", body_html="<p>Hello</p>", section=section,
        status=Post.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    SitePage.objects.update_or_create(slug="about", defaults={"title": "About", "body": "Us."})
    # Held comments: what a fuzzed comment legitimately leaves behind.
    Moderation.objects.update_or_create(section=None, defaults={"policy": "hold"})
    comment = Comment.objects.create(
        thread=thread_for(articles[0]), name="Ana", email="ana@example.org", body="First.",
        body_html="<p>First.</p>", status=Comment.Status.APPROVED, created_at=timezone.now(),
    )  # fmt: skip
    editor = User.objects.create_user("editor", "editor@example.org", "pw", is_staff=True)
    TOTPDevice.objects.create(user=editor, name="phone")  # so the desk asks for a code
    return Newsroom(section, tag, source.pk, story.pk, articles[0], post, comment)


WATCHED = ["sources", "articles", "portal", "newsletter", "discussion"]


def snapshot() -> dict[str, dict]:
    """Every row of every table of the project's apps, and the users, by primary key."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        watched = model._meta.app_label in WATCHED or model is User
        if not watched or model._meta.proxy:
            continue
        columns = [f.attname for f in model._meta.concrete_fields]
        rows[model._meta.label_lower] = {
            row[0]: repr(row) for row in model.objects.order_by().values_list("pk", *columns)
        }
    return rows


def changes(before: dict, after: dict) -> dict[str, dict[str, set]]:
    found = {}
    for label in after:
        old, new = before[label], after[label]
        diff = {
            "a": new.keys() - old.keys(),
            "d": old.keys() - new.keys(),
            "c": {pk for pk in old.keys() & new.keys() if old[pk] != new[pk]},
        }
        if any(diff.values()):
            found[label] = diff
    return found


@dataclass
class Sent:
    """A request, and what it may change: table -> (kinds of change among a/c/d, and the
    rows an existing-row change may touch; None: any)."""

    method: str
    path: str
    data: dict
    headers: dict = field(default_factory=dict)
    may: dict[str, tuple[str, set | None]] = field(default_factory=dict)
    csrf: bool = False
    cookies: dict = field(default_factory=dict)
    body: str | None = None  # sent as it is, instead of the form's fields


def send(request: Sent):
    client = Client(enforce_csrf_checks=request.csrf, headers=request.headers)
    client.cookies.load(request.cookies)
    before = snapshot()
    if request.body is not None:
        body = request.body.encode()
        response = client.generic("POST", request.path, body, content_type="application/json")
    elif request.method == "GET":
        response = client.get(request.path, request.data)
    else:
        response = client.post(request.path, request.data)
    assert response.status_code < 500, (request, response.status_code)
    for label, diff in changes(before, snapshot()).items():
        kinds, rows = request.may.get(label, ("", None))
        for kind, pks in diff.items():
            if not pks:
                continue
            assert kind in kinds, f"{request.path} changed {label} ({kind}: {sorted(pks)})"
            if kind != "a" and rows is not None:
                assert pks <= rows, f"{request.path} changed other rows of {label}: {pks}"
    return response


def browser_headers(draw) -> dict:
    """Headers a browser, a proxy or a script sends: JSON wanted or not, a forwarded address."""
    headers = {}
    if draw(st.booleans()):
        headers["Accept"] = draw(st.sampled_from(["application/json", "text/html", "*/*"]))
    if draw(st.booleans()):
        headers["X-Forwarded-For"] = draw(values("203.0.113.7", "2001:db8::1", "1.2.3.4, 10.0.0.1"))
    return headers


def stamp() -> str:
    return started_stamp(now=time.time() - 10)


# What queueing a mail may leave: the mailing it belongs to (made, or counted) and the delivery.
MAIL = {"newsletter.mailing": ("ac", None), "newsletter.delivery": ("a", None)}
SIGN_UP_MAY = {
    "newsletter.subscriber": ("ac", None),
    "newsletter.subscriber_sections": ("ad", None),
    **MAIL,
}

# --- the public pages and their query parameters ------------------------------------------------

PAGE = {"page": values(1, 2, -1, 0, 10**30)}
SEARCH = {
    "q": values("harbour", "pier board", '"quoted" AND OR NEAR *'),
    "section": values("harbour", "none"),
    "outlet": values(1, 2),
    "since": values("2020-01-01", "2099-12-31"),
    "until": values("2020-01-01", "2099-12-31"),
    **PAGE,
}


def pages(room: Newsroom) -> dict:
    """Each page type: its path (with the pieces of it that vary) and its query fields."""
    a = room.article
    sections, outlets = segment(room.section.slug), segment(room.outlet, 10**20)
    return {
        "home": (st.just("/"), PAGE),
        "latest": (st.just("/latest/"), PAGE),
        "section": (sections.map("/section/{}/".format), PAGE),
        "tag": (segment(room.tag.slug).map("/tag/{}/".format), PAGE),
        "outlet": (outlets.map("/outlet/{}/".format), PAGE),
        "story": (segment(room.story).map("/story/{}/".format), {}),
        "article": (
            st.tuples(segment(a.pk), segment(a.slug)).map(lambda p: "/articles/{}/{}/".format(*p)),
            {},
        ),
        "post": (segment(room.post.slug).map("/posts/{}/".format), {}),
        "site page": (st.sampled_from(["/about/", "/privacy/", "/imprint/"]), {}),
        "search": (st.just("/search/"), SEARCH),
        "feed": (
            st.tuples(
                st.sampled_from(["rss", "atom", "json"]),
                st.sampled_from(["", "section/", "tag/", "outlet/"]),
                segment(room.section.slug, room.tag.slug, room.outlet),
            ).map(lambda p: f"/feeds/{p[0]}/" + (f"{p[1]}{p[2]}/" if p[1] else "")),
            {},
        ),
        "comments feed": (segment(a.pk).map("/comments/feed/article/{}/".format), {}),
        "sitemap": (
            segment("articles", "posts", "sections", "news").map("/sitemap-{}.xml".format),
            {"p": values(1, 2, 0)},
        ),
        "sitemap index": (st.sampled_from(["/sitemap.xml", "/robots.txt"]), {}),
        "form token": (st.just("/forms/token/"), {}),
        "reply form": (segment(room.comment.pk).map("/comments/reply/{}/".format), {}),
        "newsletter page": (st.just("/newsletter/"), {}),
        "erase page": (st.just("/comments/erase/"), {}),
    }


PAGES = [
    "home", "latest", "section", "tag", "outlet", "story", "article", "post", "site page",
    "search", "feed", "comments feed", "sitemap", "sitemap index", "form token", "reply form",
    "newsletter page", "erase page",
]  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
@FUZZ
@given(data=st.data())
def test_no_page_fails_on_any_address_or_query(name, newsroom, data):
    paths, fields = pages(newsroom)[name]
    path = data.draw(paths, label="path")
    send(Sent("GET", path, data.draw(params(fields), label="query"), browser_headers(data.draw)))


# Every address with a name or an id in it (and the forms' ids), for the values a few random
# examples may not reach but that break databases: NUL in a name (PostgreSQL), an id past 64
# bits (SQLite).
ADDRESSES = [
    ("GET", "/section/{name}/"), ("GET", "/tag/{name}/"), ("GET", "/posts/{name}/"),
    ("GET", "/outlet/{id}/"), ("GET", "/story/{id}/"), ("GET", "/articles/{id}/{name}/"),
    ("GET", "/feeds/atom/section/{name}/"), ("GET", "/feeds/json/tag/{name}/"),
    ("GET", "/feeds/rss/outlet/{id}/"), ("GET", "/comments/feed/article/{id}/"),
    ("GET", "/comments/reply/{id}/"), ("GET", "/sitemap-{name}.xml"),
    ("GET", "/latest/?page={name}"), ("GET", "/latest/?page={id}"),
    ("GET", "/newsletter/manage/{name}/"), ("GET", "/newsletter/confirm/{name}/"),
    ("GET", "/comments/erase/{name}/"), ("GET", "/comments/replies-off/{name}/"),
    ("GET", "/admin/reset/{name}/{name}/"),
    ("POST", "/comments/article/{id}/"), ("POST", "/comments/post/{id}/"),
    ("POST", "/comments/second-look/{id}/"), ("POST", "/newsletter/follow/{id}/"),
    ("POST", "/newsletter/subscribe/"),
]  # fmt: skip
NAMES = ["pi%00er", "%00", "%C2%B2"]
IDS = [str(2**63 - 1), str(2**63), "9" * 40]


@pytest.mark.parametrize(("method", "address"), ADDRESSES)
def test_no_address_fails_on_a_nul_or_a_number_past_64_bits(method, address, newsroom):
    for name, number in zip(NAMES, IDS, strict=True):
        # A sign-up or a comment that is good but for the ids it names: none is stored.
        form = {"email": "ana@example.org", "choice": "only", "sections": number, "name": "Ana",
                "body": "Hello.", "parent": number, "form_started": stamp()}  # fmt: skip
        data = {} if method == "GET" else form
        send(Sent(method, address.format(name=name, id=number), data))


# --- the forms ----------------------------------------------------------------------------------

EMAIL = values("new.reader@example.org", "ANA@Example.ORG", "reader1@example.org", "a@b")
COMMENT = {
    "name": values("Ana Reader"),
    "email": EMAIL,
    "website": values("https://example.org", "example.org", "ftp://x"),
    "body": values("A fair point about the harbour.", "http://a http://b http://c"),
    "parent": values(1, 2, 10**20),
    "remember": values("on", "1"),
    "notify_replies": values("on"),
    "topic": values("buy now"),
}
SIGN_UP = {
    "email": EMAIL,
    "choice": values("all", "only", "all_but", "none"),
    "sections": values(1, 2, "harbour"),
    "pace": values("each", "daily", "weekly"),
    "hour": values(0, 7, 23, 24),
    "weekday": values(0, 6, 7),
    "time_zone": values("UTC", "Europe/Paris", "Mars/Olympus"),
    "homepage": values("http://spam.example"),
    "form": values("page", "footer"),
}
PREFERENCES = {
    "choice": SIGN_UP["choice"],
    "sections": SIGN_UP["sections"],
    "pace": SIGN_UP["pace"],
    "hour": SIGN_UP["hour"],
    "weekday": SIGN_UP["weekday"],
    "time_zone": SIGN_UP["time_zone"],
    "daily_cap": values(1, 100, 101, 0),
}
MANAGE = {
    "preferences": PREFERENCES,
    "pause": {"days": values(0, 7, 30, 31)},
    "invite": {"email": EMAIL},
    "remove": {"invitation": values(1, 2, 3)},
}
GOOD_PREFERENCES = {"choice": "all", "pace": "daily", "hour": "7", "weekday": "0",
                    "time_zone": "UTC", "daily_cap": "10"}  # fmt: skip


def submitted(good: dict[str, str], fields: dict) -> st.SearchStrategy[dict[str, list[str]]]:
    """A good submission with one to three of its fields (or new ones) dropped, repeated or
    junk, which gets deepest into the view; or any fields at all."""
    names = st.sampled_from(sorted({*good, *fields})) | TEXT

    def changed(chosen: set[str]) -> st.SearchStrategy:
        junk = {name: st.lists(fields.get(name, JUNK) | HUGE, max_size=3) for name in chosen}
        for name in chosen & good.keys():
            junk[name] |= st.lists(poisoned(good[name]), min_size=1, max_size=1)
        kept = {name: [value] for name, value in good.items()}
        return st.fixed_dictionaries(junk).map(lambda junk: kept | junk)

    return st.sets(names, min_size=1, max_size=3).flatmap(changed) | params(fields, body=True)


def good_sign_up() -> dict[str, str]:
    good = {"email": "new.reader@example.org", "choice": "all", "form": "page"}
    return good | {"form_started": stamp()}


def good_comment() -> dict[str, str]:
    # A new text each time: the same comment twice is refused as a duplicate.
    body = f"A fair point, number {time.monotonic_ns()}."
    good = {"name": "Ana Reader", "email": "ana.reader@example.org", "body": body}
    return good | {"form_started": stamp()}


def sign_up(room, draw) -> Sent:
    data = draw(submitted(good_sign_up(), SIGN_UP))
    return Sent("POST", "/newsletter/subscribe/", data, browser_headers(draw), may=SIGN_UP_MAY)


def follow(room, draw) -> Sent:
    path = draw(segment(room.story, 10**20).map("/newsletter/follow/{}/".format))
    good = {"email": "new.reader@example.org", "form_started": stamp()}
    data = draw(submitted(good, {"email": EMAIL, "homepage": SIGN_UP["homepage"]}))
    may = {"newsletter.subscriber": ("ac", None), "newsletter.follow": ("ac", None), **MAIL}
    return Sent("POST", path, data, browser_headers(draw), may=may)


def comment(room, draw) -> Sent:
    kind, pk = draw(st.sampled_from([("article", room.article.pk), ("post", room.post.pk)]))
    path = draw(segment(pk, 10**20).map(f"/comments/{kind}/{{}}/".format))
    may = {"discussion.comment": ("a", None), "discussion.thread": ("ac", None), **MAIL}
    data = draw(submitted(good_comment(), COMMENT))
    return Sent("POST", path, data, browser_headers(draw), may=may)


def second_look(room, draw) -> Sent:
    path = draw(segment(room.comment.pk).map("/comments/second-look/{}/".format))
    key = quote(draw(values(room.comment.author_key)), safe="")
    return Sent("POST", path, draw(params({})), cookies={AUTHOR_COOKIE: key})


def erase_request(room, draw) -> Sent:
    data = draw(submitted({"email": "ana@example.org"}, {"email": EMAIL}))
    return Sent("POST", "/comments/erase/", data, may=MAIL)


def by_link(room, draw) -> Sent:
    """The pages reached from mail, with a link that is not one."""
    prefix = draw(st.sampled_from([
        "/comments/erase/", "/comments/replies-off/", "/newsletter/confirm/",
        "/newsletter/follow/confirm/", "/newsletter/manage/", "/newsletter/unsubscribe/",
    ]))  # fmt: skip
    token = draw(segment(signing.make_token("manage", 10**20, "x@example.org")))
    method = draw(st.sampled_from(["GET", "POST"]))
    return Sent(method, f"{prefix}{token}/", draw(params({"m": values(1)})))


def on_own_page(room) -> tuple[Subscriber, str, dict]:
    """A fresh reader, their page's token, and what their page may change: their own row and
    those of their household, their sections and invitations, the mail it queues."""
    me, token = room.reader()
    household = {me.pk, *Subscriber.objects.filter(invited_by=me).values_list("pk", flat=True)}
    return me, token, {
        "newsletter.subscriber": ("acd", household),
        "newsletter.subscriber_sections": ("ad", None),
        "newsletter.invitation": ("ad", set(me.invitations.values_list("pk", flat=True))),
        **MAIL,
    }  # fmt: skip


def manage(action: str):
    def request(room, draw) -> Sent:
        me, token, may = on_own_page(room)
        good = {
            "preferences": GOOD_PREFERENCES,
            "pause": {"days": "7"},
            "invite": {"email": "friend@example.org"},
            "remove": {"invitation": str(me.invitations.get().pk)},
        }[action] | {"action": action}
        data = draw(submitted(good, MANAGE[action] | {"action": values(action)}))
        return Sent("POST", f"/newsletter/manage/{token}/", data, may=may)

    return request


def own_pages(room, draw) -> Sent:
    """The reader's page itself, their data as JSON, and erasing it all."""
    _, token, may = on_own_page(room)
    method, page = draw(st.sampled_from([("GET", ""), ("GET", "export.json"), ("POST", "erase/")]))
    return Sent(method, f"/newsletter/manage/{token}/{page}", draw(params({})), may=may)


def unsubscribe(room, draw) -> Sent:
    me, _ = room.reader()
    token = signing.make_token("manage", me.pk, me.email)
    query = quote(draw(values(1, 10**20, "²")), safe="")
    may = {"newsletter.subscriber": ("c", {me.pk}), "newsletter.mailing": ("c", None)}
    method = draw(st.sampled_from(["GET", "POST"]))
    return Sent(method, f"/newsletter/unsubscribe/{token}/?m={query}", draw(params({})), may=may)


def nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)


ANY_JSON = st.recursive(st.none() | st.booleans() | st.integers() | TEXT, nested, max_leaves=8)


def bounces(room, draw) -> Sent:
    """The mail provider's webhook, with a body that is any JSON, or not JSON."""
    event = st.fixed_dictionaries({"email": EMAIL, "type": values("bounce", "soft", "complaint")})
    events = st.lists(event, max_size=3).map(lambda events: {"events": events})
    body = draw(events | event | ANY_JSON)
    raw = json.dumps(body) if draw(st.integers(0, 4)) else draw(JUNK)
    may = {"newsletter.subscriber": ("c", None), "newsletter.delivery": ("c", None)}
    return Sent("POST", "/newsletter/bounces/bounce-secret/", {}, may=may, body=raw)


def desk_sign_in(room, draw) -> Sent:
    """The desk's login form (a password, a code), and its password reset."""
    editor = User.objects.get(username="editor")
    if draw(st.booleans()):
        good = {"username": "editor", "password": "pw"}
        fields = {"username": values("editor"), "password": values("pw"),
                  "otp_token": values("123456"), "otp_device": values("otp_totp.totpdevice/1"),
        }  # fmt: skip
        data = draw(submitted(good, fields))
        # A sign-in that works notes its time on the user.
        may = {"auth.user": ("c", {editor.pk})}
        return Sent("POST", "/admin/login/?next=/admin/", data, browser_headers(draw), may=may)
    data = draw(submitted({"email": "editor@example.org"}, {"email": EMAIL}))
    return Sent("POST", "/admin/password_reset/", data, browser_headers(draw))


def send_again(room, draw) -> Sent:
    """A form posted without its CSRF token: the page that asks to send it again shows every
    field back."""
    path = draw(
        st.sampled_from(["/newsletter/subscribe/", f"/comments/article/{room.article.pk}/"])
    )
    data = draw(submitted(good_comment() | good_sign_up(), COMMENT | SIGN_UP)) | {MARKER: ["1"]}
    return Sent("POST", path, data, csrf=True)


FORMS = {
    "sign up": sign_up,
    "follow a story": follow,
    "comment": comment,
    "second look": second_look,
    "erase request": erase_request,
    "links from mail": by_link,
    "preferences": manage("preferences"),
    "pause": manage("pause"),
    "household invitation": manage("invite"),
    "household removal": manage("remove"),
    "reader's own pages": own_pages,
    "unsubscribe": unsubscribe,
    "bounce webhook": bounces,
    "desk sign-in": desk_sign_in,
    "send again": send_again,
}


@pytest.mark.parametrize("name", FORMS)
@FUZZ
@given(data=st.data())
def test_no_form_fails_or_changes_unrelated_data(name, newsroom, data):
    send(FORMS[name](newsroom, data.draw))
