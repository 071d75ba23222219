"""What a reader sees and clicks, in a real browser: Debian's Chromium driven by Playwright, with
axe-core checking each page type for serious or critical accessibility faults, at a phone's and
a desktop's width. Screenshots go to bench/screenshots/ (not committed)."""

from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Article, Post, Section, SectionBy
from articles.organize import organize_article
from herald.lib.sanitize import clean_html
from sources.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "bench" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}


@pytest.fixture
def site(live_server):
    # A transactional test's flush takes the seeded sections with it.
    politics, _ = Section.objects.get_or_create(slug="politics", defaults={"name": "Politics"})
    full = Source.objects.create(
        feed_url="https://ledger.example/feed", name="The Ledger", homepage="https://ledger.example/",
        display=Source.Display.FULL, language="en",
    )  # fmt: skip
    brief = Source.objects.create(
        feed_url="https://wire.example/feed", name="Wire", homepage="https://wire.example/",
        display=Source.Display.EXCERPT, language="en",
    )  # fmt: skip
    text = " ".join(
        f"The council voted {n} times on the harbour budget before the mayor's proposal passed."
        for n in range(30)
    )
    for n, source in enumerate([full, brief, full]):
        article = Article.objects.create(
            source=source, guid=str(n), url=f"{source.homepage}{n}",
            title=f"Council passes budget {n}",
            author="Ana Ruiz", published_at=timezone.now(), summary="The council voted.",
            content_text=text, content_html=f"<p>{text}</p>", language="en",
            section=politics, section_by=SectionBy.EDITOR,  # organizing keeps it
        )  # fmt: skip
        organize_article(article.pk)
    Post.objects.create(
        title="A letter from the editor", slug="letter", body="Hello *readers*.",
        body_html="<p>Hello <em>readers</em>.</p>", status=Post.Status.PUBLISHED,
        published_at=timezone.now(), section=politics,
    )  # fmt: skip
    return live_server.url


def pages(site_url: str) -> dict[str, str]:
    article = Article.objects.filter(source__display=Source.Display.FULL).first()
    return {
        "home": "/",
        "section": "/section/politics/",
        "article": article.get_absolute_url(),
        "story": f"/story/{article.story_id}/",
        "search": "/search/?q=council+budget",
        "outlet": f"/outlet/{article.source_id}/",
        "post": "/posts/letter/",
    }


def test_each_page_type_has_no_serious_accessibility_fault(browser, site):
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    faults = {}
    for width_name, (width, height) in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        for name, path in pages(site).items():
            response = page.goto(site + path)
            assert response.status == 200, (name, response.status)
            found = axe.run(page).response["violations"]
            serious = [v["id"] for v in found if v["impact"] in ("serious", "critical")]
            if serious:
                faults[f"{name} ({width_name})"] = serious
            page.screenshot(path=SCREENSHOTS / f"{name}-{width_name}.png", full_page=True)
        page.close()
    assert faults == {}


def test_a_reader_clicks_from_the_home_page_to_a_story_and_its_section(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    page.get_by_role("link", name="Council passes budget 0").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Council passes budget 0"
    original = page.get_by_role("link", name="Read the original", exact=False).first
    assert original.get_attribute("href") == "https://ledger.example/0"
    page.get_by_role("link", name="Politics").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/section/politics/")
    page.close()


def test_the_site_works_with_javascript_off(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for name, path in pages(site).items():
        assert page.goto(site + path).status == 200, name
        assert page.locator("main").count() == 1, name
    context.close()


def test_the_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim().toLowerCase()")
    assert "skip" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


def test_a_video_becomes_the_player_only_when_the_reader_clicks_it(browser, site):
    player = "https://www.youtube-nocookie.com/embed/abc123"
    article = Article.objects.filter(source__display=Source.Display.FULL).first()
    article.content_html = clean_html(f'<p>Watch:</p><iframe src="{player}"></iframe>')
    article.save()
    page = browser.new_page()
    # Nothing may leave for the player's host before the click.
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    page.goto(site + article.get_absolute_url())
    assert page.locator("iframe").count() == 0
    assert not [url for url in asked if "youtube" in url]
    page.get_by_role("link", name="Play the video", exact=False).click()
    assert page.locator("iframe").get_attribute("src") == player
    page.close()
