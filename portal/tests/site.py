"""A small newsroom for the page tests: outlets with their display policies, articles, and
stories made the way clustering makes them."""

from datetime import timedelta

from django.utils import timezone

from articles import cluster
from articles.models import Article, Story
from sources.models import Source

NOW = timezone.now()
# Long enough that an excerpt is visibly shorter than the text: its last words are only in the
# full text.
FULL_TEXT = " ".join(
    f"The harbour board met again on day {n} to discuss the pier." for n in range(20)
)
LAST_WORDS = "day 19 to discuss the pier"


def outlet(name: str = "Outlet", display: str = Source.Display.FULL) -> Source:
    slug = name.lower().replace(" ", "-")
    return Source.objects.create(
        feed_url=f"https://{slug}.example/feed", name=name, homepage=f"https://{slug}.example/",
        display=display,
    )  # fmt: skip


def article(source: Source, n: int, **fields) -> Article:
    """Article n of an outlet, published n hours ago."""
    values = {
        "guid": f"g{n}",
        "url": f"{source.homepage}{n}",
        "title": f"Headline {n}",
        "published_at": NOW - timedelta(hours=n),
        "summary": f"Summary {n}.",
        "content_html": f"<p>{FULL_TEXT}</p>",
        "content_text": FULL_TEXT,
    }
    return Article.objects.create(source=source, **(values | fields))


def story(*articles: Article) -> Story:
    """One story of these articles, its counts and headline worked out as clustering does."""
    made = Story.objects.create(first_published_at=NOW, last_published_at=NOW)
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(story=made)
    for item in articles:
        item.story = made
    return cluster.refresh_story(made)
