"""An article's page: headline, outlet, author and dates, the lead picture, the text its outlet
allows, the way to the original, its section and tags, the story's other coverage, related
stories, and the slot the comments will fill."""

from datetime import timedelta

import pytest

from articles.models import RelatedArticle, Section, Tag
from herald.lib.sanitize import clean_html
from portal.tests.markup import inline_code
from portal.tests.site import NOW, article, outlet, story

PICTURE = {
    "image": "lead/ab/abcdef-1200.webp",
    "image_small": "lead/ab/abcdef-480.webp",
    "image_width": 1200,
    "image_height": 675,
}


@pytest.fixture
def source(db):
    return outlet("Ledger")


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_headline_outlet_author_and_both_dates(client, source):
    item = article(source, 1, author="Sam Field", updated_at=NOW)
    page = page_of(client, item.get_absolute_url())
    assert "<h1>Headline 1</h1>" in page
    assert f'<a class="outlet" href="/outlet/{source.pk}/">Ledger</a>' in page
    assert "Sam Field" in page
    assert f'<time datetime="{item.published_at.isoformat()}">' in page
    assert f'Updated <time datetime="{NOW.isoformat()}">' in page


def test_it_says_nothing_of_an_update_that_came_before_publication(client, source):
    item = article(source, 1, updated_at=NOW - timedelta(days=3))
    assert "Updated" not in page_of(client, item.get_absolute_url())


def test_it_links_the_original_clearly(client, source):
    item = article(source, 1)
    page = page_of(client, item.get_absolute_url())
    assert f'<a href="{item.url}" rel="noopener">Read the original at Ledger</a>' in page


def test_its_lead_picture_has_a_srcset_its_size_and_loads_lazily(client, source):
    item = article(source, 1, **PICTURE)
    page = page_of(client, item.get_absolute_url())
    figure = page[page.index('<figure class="lead">') : page.index("</figure>")]
    assert 'src="/media/lead/ab/abcdef-1200.webp"' in figure
    assert (
        'srcset="/media/lead/ab/abcdef-480.webp 480w, /media/lead/ab/abcdef-1200.webp 1200w"'
        in figure
    )
    assert 'width="1200" height="675"' in figure and 'loading="lazy"' in figure
    assert 'alt=""' in figure


def test_it_links_its_section_and_tags(client, source):
    item = article(source, 1, section=Section.objects.get(slug="politics"))
    item.tags.add(Tag.objects.create(name="Harbour board"), Tag.objects.create(name="Ferries"))
    page = page_of(client, item.get_absolute_url())
    assert '<a href="/section/politics/">Politics</a>' in page
    assert '<a href="/tag/harbour-board/">Harbour board</a>' in page
    assert '<a href="/tag/ferries/">Ferries</a>' in page


def test_it_lists_the_storys_other_coverage(client, source):
    item = article(source, 3, title="Pier to be rebuilt")
    other = article(outlet("Wire"), 2, title="Board backs new pier")
    hidden = article(outlet("Courier"), 1, title="Withdrawn take", is_hidden=True)
    covered = story(item, other, hidden)
    page = page_of(client, item.get_absolute_url())
    also = page[page.index('id="also-covered"') :]
    link = f'<a href="{other.get_absolute_url()}"><span class="outlet">Wire</span>: '
    assert link + "Board backs new pier</a>" in also
    assert "Withdrawn take" not in page
    assert f'<a href="/story/{covered.pk}/">All the coverage of this story' in also


def test_an_article_alone_in_its_story_lists_no_other_coverage(client, source):
    item = article(source, 1)
    story(item)
    assert 'id="also-covered"' not in page_of(client, item.get_absolute_url())


def test_it_shows_related_stories_as_cards_with_section_outlet_and_date(client, source):
    item = article(source, 1)
    politics = Section.objects.get(slug="politics")
    related = article(outlet("Wire"), 2, title="Ferry fares rise", section=politics)
    withdrawn = article(outlet("Courier"), 3, title="Withdrawn story", is_hidden=True)
    RelatedArticle.objects.create(article=item, related=related, rank=1, score=0.6)
    RelatedArticle.objects.create(article=item, related=withdrawn, rank=2, score=0.5)
    page = page_of(client, item.get_absolute_url())
    cards = page[page.index('id="related"') :]
    assert f'<a href="{related.get_absolute_url()}">Ferry fares rise</a>' in cards
    assert '<a href="/section/politics/">Politics</a>' in cards
    assert ">Wire</a>" in cards
    assert f'<time datetime="{related.published_at.isoformat()}">' in cards
    assert "Withdrawn story" not in page


def test_it_ends_with_the_discussion_and_its_form(client, source):
    page = page_of(client, article(source, 1).get_absolute_url())
    start = page.index('<section id="comments"')
    slot = page[start : page.index("</section>", start)]
    assert '<h2 id="comments-title">Comments</h2>' in slot and "Leave a Reply" in slot
    assert 'class="comment-form"' in slot and "csrfmiddlewaretoken" not in slot


def test_a_hidden_article_is_404(client, source):
    item = article(source, 1, is_hidden=True)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_headings_run_in_order(client, source):
    item = article(source, 1)
    RelatedArticle.objects.create(article=item, related=article(source, 2), rank=1, score=0.6)
    page = page_of(client, item.get_absolute_url())
    main = page[page.index("<main") :]
    assert main.count("<h1") == 1
    assert main.index("<h1") < main.index("<h2") < main.index("<h3")


PLAYER = "https://www.youtube-nocookie.com/embed/abc123"


def test_a_video_loads_only_when_the_reader_asks(client, source):
    stored = clean_html(f'<p>Watch:</p><iframe src="{PLAYER}" width="560" height="315"></iframe>')
    item = article(source, 1, content_html=stored)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<iframe" not in page
    assert f'<a href="{PLAYER}" data-embed="{PLAYER}">' in page
    assert "portal/video" in page and inline_code(page) == []


def test_a_page_without_a_video_loads_no_video_script(client, source):
    page = client.get(article(source, 1).get_absolute_url()).content.decode()
    assert "data-embed" not in page and "portal/video" not in page


def test_the_policy_lets_frames_come_only_from_the_allowed_players(client, source):
    policy = client.get(article(source, 1).get_absolute_url())["Content-Security-Policy"]
    frames = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert "https://www.youtube-nocookie.com" in frames and "'self'" not in frames
    assert "*" not in frames
