import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from articles.models import Post, Section, SectionBy, Tag
from portal.models import SitePage
from portal.tests.markup import inline_code
from portal.tests.site import article, outlet, story

# Frames only from the allowed video players, which an article loads on a click.
PLAYERS = "https://player.vimeo.com https://www.dailymotion.com https://www.youtube-nocookie.com "
PLAYERS += "https://www.youtube.com https://youtube.com"
STRICT = {
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    f"frame-src {PLAYERS}", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
    "frame-ancestors 'none'",
}  # fmt: skip


def policy(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


@pytest.fixture
def pages(db) -> dict[str, str]:
    """Every public page type, with a few articles on it."""
    politics = Section.objects.create(name="Civic", slug="civic")
    full, brief = outlet("The Ledger"), outlet("Wire", display="excerpt")
    items = [
        article(source, n, section=politics, section_by=SectionBy.RULE)
        for n, source in enumerate([full, brief, full])
    ]
    made = story(*items[:2])
    tag = Tag.objects.create(name="Harbour")
    items[0].tags.add(tag)
    post = Post.objects.create(
        title="A letter", slug="letter", body="Hello", body_html="<p>Hello</p>", section=politics,
        status=Post.Status.PUBLISHED, published_at=timezone.now(),
    )  # fmt: skip
    SitePage.objects.update_or_create(
        slug="about", defaults={"title": "About us", "body": "We gather the news."}
    )
    return {
        "home": "/",
        "section": politics.get_absolute_url(),
        "article": items[0].get_absolute_url(),
        "excerpt article": items[1].get_absolute_url(),
        "post": post.get_absolute_url(),
        "outlet": reverse("portal:outlet", args=[full.pk]),
        "story": reverse("portal:story", args=[made.pk]),
        "tag": reverse("portal:tag", args=[tag.slug]),
        "search": reverse("portal:search") + "?q=harbour",
        "latest": reverse("portal:latest"),
        "about": reverse("portal:about"),
    }


def test_every_public_page_type_carries_the_strict_policy(client, pages):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert policy(response) == STRICT, name


def test_no_public_page_has_an_inline_script_or_style(client, pages):
    for name, url in pages.items():
        assert inline_code(client.get(url).content.decode()) == [], name


def test_feeds_and_the_not_found_page_carry_the_policy_too(client, pages):
    for url in (reverse("portal:feed-rss"), reverse("portal:feed-json"), "/no-such-page/"):
        assert policy(client.get(url)) == STRICT, url
    assert inline_code(client.get("/no-such-page/").content.decode()) == []


def test_the_desk_allows_its_own_nonced_scripts_and_style_attributes_only(client, db):
    client.force_login(User.objects.create_superuser("boss"))
    response = client.get("/admin/articles/section/")
    assert response.status_code == 200
    rules = {rule.split()[0]: rule for rule in policy(response)}
    nonce = rules["script-src"].split()[-1]
    assert nonce.startswith("'nonce-") and rules["style-src"].endswith(nonce)
    assert rules["style-src-attr"] == "style-src-attr 'unsafe-inline'"
    assert STRICT - {"script-src 'self'", "style-src 'self'"} <= set(rules.values())
    assert f'nonce="{nonce[7:-1]}"' in response.content.decode()
