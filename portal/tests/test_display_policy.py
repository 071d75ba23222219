"""Each outlet's display policy holds on every page that shows its articles: an excerpt-only
outlet's full text is never shown, a title-only outlet's text and picture never."""

import pytest

from articles.models import RelatedArticle, Section, Tag
from portal.tests.site import article, outlet, story
from sources.models import Source


def text_of(name: str) -> str:
    return " ".join(f"{name} reported on day {n} that the pier is closing." for n in range(20))


def written_by(name: str) -> dict:
    """An article's text, summary and picture, each findable as the outlet's own."""
    picture = f"lead/{name.lower()}"
    return {
        "summary": f"{name}'s summary.",
        "content_text": text_of(name),
        "content_html": f"<p>{text_of(name)}</p>",
        "image": f"{picture}-1200.webp",
        "image_small": f"{picture}-480.webp",
        "image_width": 1200,
        "image_height": 675,
    }


@pytest.fixture
def site(db):
    """One article from each kind of outlet, in one story, section and tag, each related to the
    others: every page shows all three."""
    politics = Section.objects.get(slug="politics")
    ferries = Tag.objects.create(name="Ferries")
    made = {}
    for n, (name, display) in enumerate(
        [("Ledger", "full"), ("Wire", "excerpt"), ("Bulletin", "title")], start=1
    ):
        source = outlet(name, Source.Display(display))
        made[display] = article(source, n, section=politics, **written_by(name))
    articles = list(made.values())
    for item in articles:
        item.tags.add(ferries)
        for rank, other in enumerate(a for a in articles if a != item):
            RelatedArticle.objects.create(article=item, related=other, rank=rank, score=0.5)
    return made | {"story": story(*articles)}


def every_page(client, site) -> dict[str, str]:
    urls = {
        "home": "/",
        "latest": "/latest/",
        "section": "/section/politics/",
        "tag": "/tag/ferries/",
        "story": f"/story/{site['story'].pk}/",
    }
    for kind in ("full", "excerpt", "title"):
        urls[f"article ({kind})"] = site[kind].get_absolute_url()
        urls[f"outlet ({kind})"] = f"/outlet/{site[kind].source_id}/"
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    return pages


def test_a_full_text_outlets_text_is_on_its_article_page(client, site):
    assert "Ledger reported on day 19" in every_page(client, site)["article (full)"]


def test_an_excerpt_only_outlets_full_text_is_on_no_page(client, site):
    pages = every_page(client, site)
    for name, page in pages.items():
        assert "Wire reported on day 19" not in page, name
    assert "Wire&#x27;s summary." in pages["article (excerpt)"]


def test_an_excerpt_only_outlet_without_a_summary_shows_its_opening_only(client, site):
    brief = site["excerpt"]
    brief.summary = ""
    brief.save()
    for name, page in every_page(client, site).items():
        assert "Wire reported on day 19" not in page, name
    page = client.get(brief.get_absolute_url()).content.decode()
    assert "Wire reported on day 0" in page


def test_a_title_only_outlets_text_and_picture_are_on_no_page(client, site):
    pages = every_page(client, site)
    for name, page in pages.items():
        assert "Bulletin&#x27;s summary" not in page, name
        assert "Bulletin reported" not in page, name
        assert "lead/bulletin" not in page, name
    assert "<h1>Headline 3</h1>" in pages["article (title)"]
