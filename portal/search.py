"""Search for readers: their words matched against the full-text index of articles and editors'
posts (articles/search_index.py), ranked, filtered, paged, with the matched words marked."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, Func, Model, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles import posts
from articles.models import Article, Post, Section, excerpt
from articles.search_index import CONFIG_FUNCTION, CONFIGS, DOCUMENT, SEARCHED, fts_table
from portal.pages import listed
from sources.models import Source

PAGE_SIZE = 20
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")
# Where the index marks a matched word. Control characters no text shows, so the snippet can be
# escaped first and the marks turned into <mark> after.
OPEN, CLOSE = "\x02", "\x03"
MARKS = re.compile(f"([{OPEN}{CLOSE}])")
FILTERS = ("section", "outlet", "since", "until")


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, widget=forms.SearchInput)
    section = forms.ModelChoiceField(
        Section.objects.filter(merged_into__isnull=True).only("name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label="All sections",
    )
    outlet = forms.ModelChoiceField(
        Source.objects.order_by("name").only("name"), required=False, empty_label="All outlets"
    )
    since = forms.DateField(label="From", required=False, widget=forms.DateInput({"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput({"type": "date"}))


def words_of(text: str) -> list[str]:
    """The reader's words and nothing else: quotes, operators, wildcards and punctuation are not
    syntax here, so no input makes a malformed query."""
    words: dict[str, str] = {}
    for word in WORD.findall(unicodedata.normalize("NFC", text[:1000])):
        words.setdefault(word.casefold(), word[:64])
    return list(words.values())[:MAX_WORDS]


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def candidates(section=None, outlet=None, since=None, until=None) -> dict[str, QuerySet]:
    """What may be found, whatever the words, by kind: the visible articles (no copies) and
    the published posts that the filters let through. Posts have no outlet: naming one leaves
    them out."""
    found = {
        "article": Article.objects.filter(is_hidden=False, duplicate_of__isnull=True),
        "post": posts.published(),
    }
    if section:
        extra = Article.extra_sections.through.objects.filter(section=section)
        found["article"] = found["article"].filter(
            Q(section=section) | Q(pk__in=extra.values("article_id"))
        )
        found["post"] = found["post"].filter(section=section)
    if outlet:
        found["article"] = found["article"].filter(source=outlet)
        del found["post"]
    for kind, items in found.items():
        if since:
            items = items.filter(published_at__gte=start_of(since))
        if until:
            items = items.filter(published_at__lt=start_of(until + timedelta(days=1)))
        found[kind] = items.order_by()
    return found


class SqliteIndex:
    """FTS5: bm25() ranks, highlight() and snippet() mark."""

    WEIGHTS = "10.0, 4.0, 1.0"  # title, summary, text: as PostgreSQL weighs A, B and D

    def __init__(self, words: list[str]):
        # Each word quoted, so that FTS5 reads it as a word (AND, NEAR, * are words too).
        self.match = " ".join(f'"{word}"' for word in words)

    def ranked(self, kind: str, found: QuerySet) -> tuple[str, list]:
        # CROSS JOIN: SQLite then reads the matches first and looks each candidate up, never
        # the other way round (one full-text lookup per candidate).
        fts = fts_table(found.model._meta.db_table)
        sql, params = found.values("id", "published_at").query.sql_with_params()
        return (
            f"SELECT %s AS kind, found.id AS id, -bm25({fts}, {self.WEIGHTS}) AS rank, "
            f"found.published_at AS published_at FROM {fts} CROSS JOIN ({sql}) AS found "
            f"ON found.id = {fts}.rowid WHERE {fts} MATCH %s",
            [kind, *params, self.match],
        )

    def marked(self, model: type[Model], field: str) -> RawSQL:
        return self._call(model, field, "highlight({fts}, {column}, %s, %s)", [OPEN, CLOSE])

    def passage(self, model: type[Model], field: str) -> RawSQL:
        snippet = "snippet({fts}, {column}, %s, %s, '…', 30)"
        return self._call(model, field, snippet, [OPEN, CLOSE])

    def _call(self, model, field: str, function: str, params: list) -> RawSQL:
        # Only for the rows of one page: FTS5 runs the match once more for each.
        table = model._meta.db_table
        fts, column = fts_table(table), SEARCHED[table].index(field)
        function = function.format(fts=fts, column=column)
        return RawSQL(
            f'(SELECT {function} FROM {fts} WHERE {fts} MATCH %s AND {fts}.rowid = "{table}"."id")',
            [*params, self.match],
            output_field=TextField(),
        )


class PostgresIndex:
    """PostgreSQL's text search, each row in its own language's configuration."""

    def __init__(self, words: list[str]):
        self.text = " ".join(words)
        # The GIN index is searched once for the words as any configuration stems them; each
        # candidate must then match them as its own language stems them.
        configs = sorted({*CONFIGS.values(), "simple"})
        self.any_language = reduce(or_, (SearchQuery(self.text, config=c) for c in configs))

    def config(self) -> Func:
        return Func(F("language"), function=CONFIG_FUNCTION)

    def query(self) -> SearchQuery:
        return SearchQuery(self.text, config=self.config())

    def rank(self) -> SearchRank:
        # Normalised by the document's length, so a long text does not win by being long.
        return SearchRank(F("document"), self.query(), normalization=1)

    def ranked(self, kind: str, found: QuerySet) -> tuple[str, list]:
        table = found.model._meta.db_table
        document = RawSQL(f'"{table}"."{DOCUMENT}"', [], output_field=SearchVectorField())
        ranked = (
            found.alias(document=document)
            .filter(document=self.any_language)
            .filter(document=self.query())
            .annotate(kind=Value(kind), rank=self.rank())
            .values_list("kind", "id", "rank", "published_at")
        )
        return ranked.query.sql_with_params()

    def marked(self, model: type[Model], field: str) -> SearchHeadline:
        return self._headline(field, highlight_all=True)

    def passage(self, model: type[Model], field: str) -> SearchHeadline:
        return self._headline(
            field, max_words=30, min_words=15, max_fragments=2, fragment_delimiter=" … "
        )

    def _headline(self, field: str, **options) -> SearchHeadline:
        return SearchHeadline(
            field, self.query(), config=self.config(), start_sel=OPEN, stop_sel=CLOSE, **options
        )


type Index = SqliteIndex | PostgresIndex


def index_for(words: list[str]) -> Index:
    """The index of the database in use."""
    return PostgresIndex(words) if connection.vendor == "postgresql" else SqliteIndex(words)


class Matches:
    """Every match, best first, counted and sliced by the database: a Paginator's object list of
    (kind, id) pairs."""

    ORDER = "rank DESC, published_at DESC, kind, id DESC"

    def __init__(self, parts: list[tuple[str, list]]):
        self.sql = " UNION ALL ".join(sql for sql, _ in parts)
        self.params = [param for _, params in parts for param in params]

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({self.sql}) AS matches", self.params)
            return cursor.fetchone()[0]

    def __getitem__(self, page: slice) -> list[tuple[str, int]]:
        if page.stop <= page.start:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, id FROM ({self.sql}) AS matches ORDER BY {self.ORDER} "
                "LIMIT %s OFFSET %s",
                [*self.params, page.stop - page.start, page.start],
            )
            return cursor.fetchall()


@dataclass
class Result:
    kind: str
    item: Article | Post
    title: SafeString
    snippet: SafeString


def find(words: list[str], number, **filters) -> Page:
    """The page `number` of what the words find, given the filters of candidates()."""
    index = index_for(words)
    parts = [index.ranked(kind, found) for kind, found in candidates(**filters).items()]
    page = Paginator(Matches(parts), PAGE_SIZE).get_page(number)
    page.object_list = results(index, page.object_list)
    return page


def results(index: Index, rows: list[tuple[str, int]]) -> list[Result]:
    ids = {kind: [pk for k, pk in rows if k == kind] for kind in ("article", "post")}
    found = {
        "article": shown_articles(index, ids["article"]) if ids["article"] else {},
        "post": shown_posts(index, ids["post"]) if ids["post"] else {},
    }
    return [
        Result(kind, item, marked_html(item.marked_title, item.title), snippet_html(item))
        for kind, pk in rows
        if (item := found[kind].get(pk))
    ]


def shown_articles(index: Index, ids: list[int]) -> dict[int, Article]:
    """The page's articles, with their title marked and what the display policy lets the result
    show of their text: a passage around the words where the full text is shown, else the words
    marked in the excerpt (title only: nothing)."""
    full = Q(source__display=Source.Display.FULL) & ~Q(content_html="")
    excerpt_only = ~full & ~Q(source__display=Source.Display.TITLE)

    def when(condition: Q, expression) -> Case:
        return Case(When(condition, then=expression), default=Value(""), output_field=TextField())

    articles = listed(Article.objects.filter(pk__in=ids)).annotate(
        marked_title=index.marked(Article, "title"),
        passage=when(full, index.passage(Article, "content_text")),
        marked_summary=when(excerpt_only, index.marked(Article, "summary")),
        marked_text=when(excerpt_only, index.marked(Article, "content_text")),
    )
    return articles.in_bulk()


def shown_posts(index: Index, ids: list[int]) -> dict[int, Post]:
    return (
        Post.objects.filter(pk__in=ids)
        .defer("body", "body_html")
        .annotate(marked_title=index.marked(Post, "title"), passage=index.passage(Post, "body"))
        .in_bulk()
    )


def snippet_html(item: Article | Post) -> SafeString:
    if isinstance(item, Post) or item.passage:
        return marked_html(item.passage, "")
    allowed = item.excerpt()
    if allowed and allowed == item.summary.strip():
        return marked_html(item.marked_summary.strip(), allowed)
    return marked_html(excerpt("", item.marked_text), allowed)


def marked_html(marked: str | None, plain: str) -> SafeString:
    """The marked text as HTML: everything escaped, the marks as <mark> elements. It must be the
    plain text once unmarked (else the plain text is shown): marks add nothing else."""
    if plain and MARKS.sub("", marked or "") != plain:
        marked = plain
    html, inside = [], False
    for piece in MARKS.split(marked or ""):
        if piece in (OPEN, CLOSE):
            # Only an opening mark outside a mark and a closing one inside count: one that does
            # not pair up is dropped, so the HTML is always well formed.
            if (piece == CLOSE) == inside:
                html.append("</mark>" if inside else "<mark>")
                inside = not inside
        else:
            html.append(escape(piece))
    return mark_safe("".join(html) + ("</mark>" if inside else ""))


def search(request):
    form = SearchForm(request.GET)
    page, words = None, []
    if form.is_valid() and (words := words_of(form.cleaned_data["q"])):
        filters = {name: form.cleaned_data[name] for name in FILTERS}
        page = find(words, request.GET.get("page"), **filters)
    # The pages' links keep the words and filters.
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "words": words, "query": query.urlencode()}
    return render(request, "portal/search.html", context)
