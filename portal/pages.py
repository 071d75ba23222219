"""What each public page shows, read in a fixed number of queries however much it shows: the
front page's top stories per section, a story's coverage, what surrounds an article, and the
timelines of sections and tags. Views only read: nothing here fetches or stores articles."""

from dataclasses import dataclass

from django.db.models import F, Q, QuerySet, Value, Window
from django.db.models.functions import Coalesce, RowNumber

from articles import posts
from articles.models import Article, Post, RelatedArticle, Section, Story, Tag

TOP_STORIES = 4  # per section, on the front page
LATEST = 12
LATEST_POSTS = 4
OTHER_COVERAGE = 8  # on an article's page; its story's page lists all
# What a list never shows of an article: only its page does. A story's profile is for clustering.
LONG_TEXT = ["content_html", "raw_html", "story__profile"]
# An article stands for its story in a list when it is the story's headline, or when it has no
# story yet; so a story is listed once, however many outlets covered it.
STANDS_FOR_ITS_STORY = Q(story__isnull=True, duplicate_of__isnull=True) | Q(
    story__headline_id=F("pk")
)


def listed(articles: QuerySet[Article]) -> QuerySet[Article]:
    """What lists show of some articles: not the hidden ones; with what a card shows of them."""
    return (
        articles.filter(is_hidden=False)
        .select_related("source", "section", "story", "thread")
        .defer(*LONG_TEXT)
    )


def leads() -> QuerySet[Article]:
    """One article for each story (and each article not in a story yet), newest first."""
    return listed(Article.objects.filter(STANDS_FOR_ITS_STORY)).order_by("-published_at", "-id")


# --- the front page ------------------------------------------------------------------------------


@dataclass
class SectionFront:
    section: Section
    stories: list[Article]


@dataclass
class FrontPage:
    sections: list[SectionFront]
    latest: list[Article]
    posts: list[Post]


def top_stories(per_section: int = TOP_STORIES) -> list[SectionFront]:
    """Each active section's newest stories, pinned and then featured ones first, sections in the
    editors' order: one query, whatever the number of sections."""
    # A story is as new as its latest coverage, so a story still unfolding stays near the top.
    newest = Coalesce("story__last_published_at", "published_at")
    first = [F("is_pinned").desc(), F("is_featured").desc(), newest.desc(), F("pk").desc()]
    rank = Window(RowNumber(), partition_by=F("section_id"), order_by=first)
    in_front = Article.objects.filter(
        STANDS_FOR_ITS_STORY,
        is_hidden=False,
        section__is_active=True,
        section__merged_into__isnull=True,
    )
    # The ranking reads narrow columns only; the rows are loaded for the few that made it.
    top = in_front.annotate(rank=rank).filter(rank__lte=per_section).values("pk")
    stories = listed(Article.objects.filter(pk__in=top)).annotate(newest=newest).order_by()
    fronts: dict[int, SectionFront] = {}
    for article in sorted(stories, key=front_order):
        front = fronts.setdefault(article.section_id, SectionFront(article.section, []))
        front.stories.append(article)
    return list(fronts.values())


def front_order(article: Article) -> tuple:
    section = article.section
    return (
        (section.order, section.name, section.pk),
        not article.is_pinned,
        not article.is_featured,
        -article.newest.timestamp(),
        -article.pk,
    )


def front_page() -> FrontPage:
    """Top stories per section; the latest of the rest, unsorted articles included; the editors'
    latest posts. A story is shown once on the page."""
    sections = top_stories()
    shown = [article.pk for front in sections for article in front.stories]
    latest = list(leads().exclude(pk__in=shown)[:LATEST])
    latest_posts = posts.published().select_related("section").defer("body", "body_html")
    return FrontPage(sections, latest, list(latest_posts[:LATEST_POSTS]))


# --- a story and an article ----------------------------------------------------------------------


@dataclass
class Coverage:
    """One outlet's article on a story, and the copies other outlets published of it."""

    article: Article
    copies: list[Article]


@dataclass
class StoryPage:
    story: Story
    headline: Coverage
    others: list[Coverage]

    @property
    def outlets(self) -> int:
        shown = [self.headline, *self.others]
        return len({a.source_id for c in shown for a in (c.article, *c.copies)})


def story_page(story_id: int) -> StoryPage | None:
    """Every outlet's visible coverage of a story, first published first, each copy under the
    article it copies; None when nothing of the story is left to show."""
    # story__pk: an id past the database's range then finds nothing (SQLite refuses the number
    # in a lookup on story_id).
    found = Article.objects.filter(story__pk=story_id)
    members = list(listed(found).order_by("published_at", "pk"))
    if not members:
        return None
    story = members[0].story
    originals = [a for a in members if a.duplicate_of_id is None] or members
    headline = next((a for a in members if a.pk == story.headline_id), originals[0])
    # A copy stands on its own when the article it copies is hidden (or is not in the story).
    shown = {a.pk for a in members}
    standing = [a for a in members if a.duplicate_of_id not in shown or a == headline]

    def coverage(article: Article) -> Coverage:
        copies = [a for a in members if a.duplicate_of_id == article.pk and a != headline]
        return Coverage(article, copies)

    others = [coverage(a) for a in standing if a != headline]
    return StoryPage(story, coverage(headline), others)


@dataclass
class ArticlePage:
    """What an article's page shows around the article."""

    tags: list[Tag]
    coverage: list[Article]  # other articles on the same story: the first few
    related: list[Article]


def shown_article(pk: int) -> Article | None:
    """An article as its page shows it; None when there is none or it is hidden, which makes it
    gone from the site, also for a reader who kept its link."""
    articles = Article.objects.select_related("source", "section", "story", "thread")
    articles = articles.prefetch_related("tags").defer("raw_html", "story__profile")
    return articles.filter(pk=pk, is_hidden=False).first()


def article_page(article: Article) -> ArticlePage:
    coverage: list[Article] = []
    if article.story_id:
        others = listed(Article.objects.filter(story_id=article.story_id)).exclude(pk=article.pk)
        coverage = list(others.order_by("published_at", "pk")[:OTHER_COVERAGE])
    links = (
        RelatedArticle.objects.filter(article=article, related__is_hidden=False)
        .select_related("related__source", "related__section", "related__story", "related__thread")
        .defer(*(f"related__{name}" for name in LONG_TEXT))
    )
    return ArticlePage(
        tags=list(article.tags.all()),
        coverage=coverage,
        related=[link.related for link in links],
    )


# --- timelines: a section's or a tag's articles and posts ----------------------------------------


def timeline(articles: QuerySet[Article], shown_posts: QuerySet[Post]) -> QuerySet:
    """Some articles (no copies, none hidden) and some published posts as one timeline of
    (id, published_at, kind) rows, newest first, so one Paginator pages through both."""
    articles = articles.filter(is_hidden=False, duplicate_of__isnull=True)
    articles = articles.annotate(kind=Value("article"))
    shown_posts = shown_posts.annotate(kind=Value("post"))
    columns = ["id", "published_at", "kind"]
    rows = (
        articles.order_by()
        .values_list(*columns)
        .union(shown_posts.order_by().values_list(*columns), all=True)
    )
    return rows.order_by("-published_at", "-id")


def section_timeline(section: Section) -> QuerySet:
    """The section's articles (main or extra section) and posts."""
    extra = Article.extra_sections.through.objects.filter(section=section).values("article_id")
    articles = Article.objects.filter(Q(section=section) | Q(pk__in=extra))
    return timeline(articles, posts.published().filter(section=section))


def tag_timeline(tag: Tag) -> QuerySet:
    return timeline(Article.objects.filter(tags=tag), posts.published().filter(tags=tag))


def load_entries(rows) -> list[tuple[str, Article | Post]]:
    """The (kind, object) pairs for the timeline rows of one page: one query per kind."""
    rows = list(rows)
    ids = {kind: [pk for pk, _, k in rows if k == kind] for kind in ("article", "post")}
    shown_posts = Post.objects.select_related("section").defer("body", "body_html")
    found = {
        "article": listed(Article.objects.all()).in_bulk(ids["article"]),
        "post": shown_posts.in_bulk(ids["post"]),
    }
    return [(kind, found[kind][pk]) for pk, _, kind in rows if pk in found[kind]]


def outlet_articles(source_id: int) -> QuerySet[Article]:
    """Everything from one outlet, copies of other outlets' articles included, newest first."""
    return listed(Article.objects.filter(source_id=source_id)).order_by("-published_at", "-id")
