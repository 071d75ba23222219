"""Recurring boilerplate learned per source, end to end: served by a real feed server, polled,
learned from the source's own articles, removed from all of them, explained in the admin."""

import pytest
from django.utils import timezone

from articles import boilerplate
from articles.models import Article, LearnedBlock
from herald.testing import rss
from sources.models import Source
from sources.poll import poll_source

PROMO = "Ring the harbour bell: members get the Tuesday tide tables first. Join today!"
FORM = "Leave a word for the crew. Your e-mail stays with us and is never shown."
STORIES = [
    ("Ferry timetable changes", "The winter timetable starts on Monday with two fewer sailings.",
     "Commuters asked for an early boat on Fridays instead."),
    ("Lighthouse gets new lamp", "Engineers fitted an LED lamp that can be seen for 20 miles.",
     "The old lens will go on show in the museum."),
    ("Fish market moves indoors", "Traders will sell from the old rope works from next spring.",
     "Stallholders welcomed the shelter from the wind."),
    ("Rowing club wins regatta", "The club's junior eight beat six crews on a choppy estuary.",
     "Their coach said the crew trained through the autumn gales."),
    ("Harbour wall repairs begin", "Divers surveyed the cracks before the masons started work.",
     "The work should be finished before the spring tides."),
    ("Seal pup rescued", "Volunteers carried the pup to a sanctuary two miles up the coast.",
     "It will be released once it has doubled its weight."),
    ("Tide gauge back online", "Readings had stopped after the storm flooded the gauge house.",
     "Sailors had relied on printed tables for a month."),
    ("New pilot boat named", "The boat is named after a harbour master who served 40 years.",
     "His granddaughter broke the bottle on the bow."),
]  # fmt: skip


def item(n: int) -> dict:
    title, opening, closing = STORIES[n]
    body = (
        f"<p>{opening} It is story number {n} in this series about the harbour.</p>"
        + (f"<p>{PROMO}</p>" if n % 2 else "")
        + f"<p>{closing}</p>"
        + ("" if n % 2 else f"<p>{PROMO}</p>")
        + f'<div class="share">Share this on the quay board</div><form><p>{FORM}</p></form>'
    )
    return {
        "guid": f"gull-{n}",
        "title": title,
        "link": f"https://gull.example/{n}",
        "content": body,
        "pubDate": f"Sat, 28 Nov 2026 {10 + n}:00:00 GMT",
    }


@pytest.fixture
def gull(feed_server, db):
    def publish(count: int) -> Source:
        feed_server.serve("/gull.xml", rss([item(n) for n in range(count)]))
        return source

    url = feed_server.serve("/gull.xml", rss([]))
    source = Source.objects.create(
        feed_url=url,
        name="The Gull",
        display="full",
        fetch_pages=False,
        next_poll_at=timezone.now(),
    )
    return publish


def test_nothing_is_learned_from_fewer_than_five_articles(gull):
    source = gull(4)
    poll_source(source.pk)
    assert not LearnedBlock.objects.exists()
    assert all(PROMO in a.content_text for a in Article.objects.all())


def test_a_promo_the_code_has_never_seen_is_learned_and_removed_from_every_article(gull):
    source = gull(8)
    poll_source(source.pk)
    assert Article.objects.count() == 8
    for article in Article.objects.all():
        assert PROMO not in article.content_text and FORM not in article.content_text
        opening, closing = next(s[1:] for s in STORIES if s[0] == article.title)
        assert opening in article.content_text and closing in article.content_text
        assert PROMO in article.raw_html  # kept whole for learning again
    promo = LearnedBlock.objects.get(sample__startswith="Ring the harbour bell")
    assert (promo.count, promo.share, promo.removed) == (8, 1.0, True)


def test_articles_stored_before_it_was_learned_are_cleaned_too(gull):
    source = gull(4)
    poll_source(source.pk)
    gull(8)
    poll_source(source.pk, force=True)
    first = Article.objects.get(title=STORIES[0][0])
    assert PROMO not in first.content_text and "story number 0" in first.content_text


def test_an_editor_can_keep_a_learned_block(gull):
    source = gull(8)
    poll_source(source.pk)
    LearnedBlock.objects.filter(sample__startswith="Ring the harbour").update(removed=False)
    assert boilerplate.reclean(source) == 8
    assert all(PROMO in a.content_text for a in Article.objects.all())
    boilerplate.relearn(source)  # learning again does not undo the editor's choice
    assert not LearnedBlock.objects.get(sample__startswith="Ring the harbour").removed
    assert all(PROMO in a.content_text for a in Article.objects.all())


def test_an_editors_selector_removes_blocks_from_the_start(gull):
    source = gull(2)
    source.remove_selectors = "div.share\nform"
    source.save()
    poll_source(source.pk)
    for article in Article.objects.all():
        assert "quay board" not in article.content_text and FORM not in article.content_text
        assert PROMO in article.content_text


def test_the_admin_explains_what_was_learned(gull, admin_client):
    source = gull(8)
    poll_source(source.pk)
    page = admin_client.get(f"/admin/sources/source/{source.pk}/change/").content.decode()
    assert "Recurring blocks learned from this source" in page
    assert "Ring the harbour bell" in page
    assert "<td>200</td><td>8</td><td>8</td>" in page  # the poll in the recent polls table


def test_the_admin_refuses_a_selector_it_cannot_apply(gull, admin_client):
    source = gull(1)
    data = {
        "name": source.name, "feed_url": source.feed_url, "display": "full",
        "poll_interval": 1800, "min_interval": 300, "max_interval": 86400,
        "remove_selectors": "div > p", "is_active": "on",
        "learned_blocks-TOTAL_FORMS": 0, "learned_blocks-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = admin_client.post(f"/admin/sources/source/{source.pk}/change/", data)
    assert response.status_code == 200 and "div &gt; p" in response.content.decode()
    assert Source.objects.get().remove_selectors == ""
