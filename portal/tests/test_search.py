"""Search, on whichever database the suite runs (both legs run it): what the words find, the
filters, the marked snippets within the display policy, paging, and input that is not a query."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Post, Section
from portal.search import MAX_WORDS, words_of
from sources.models import Source

PIER = (
    "The harbour board voted on Tuesday to rebuild the north pier, closed to ferries since a "
    "winter storm cracked its deck. Engineers said the new piers would stand on steel piles."
)
FERRY = "The ferries will leave the harbour an hour earlier from Monday, the operator said."
TAX = "The council froze the property tax for a third year running."
STADTRAT = "Der Stadtrat hat beschlossen, die Fähren des Hafens wieder fahren zu lassen."
PIER_TITLE = "Harbour board votes to rebuild the north pier"
FERRY_TITLE = "Ferry timetable changes from Monday"


@pytest.fixture
def outlet(db):
    return Source.objects.create(feed_url="https://o.example/feed", name="Outlet", display="full")


def make(source, n, text="", **fields) -> Article:
    values = {
        "guid": f"g{n}",
        "url": f"https://o.example/{n}",
        "title": f"Headline {n}",
        "published_at": datetime(2026, 11, 1 + n % 28, 9, 0, tzinfo=UTC),
        "language": "en",
        "content_text": text,
        "content_html": f"<p>{text}</p>" if text else "",
    }
    return Article.objects.create(source=source, **(values | fields))


def post(n, title, body, **fields) -> Post:
    values = {
        "slug": f"post-{n}",
        "status": Post.Status.PUBLISHED,
        "published_at": datetime(2026, 11, 1 + n, 12, 0, tzinfo=UTC),
        "language": "en",
    }
    return Post.objects.create(title=title, body=body, **(values | fields))


@pytest.fixture
def news(outlet):
    """Four articles (one in German), an editors' post and a draft; a hidden article and a copy."""
    pier = make(outlet, 1, PIER, title=PIER_TITLE)
    ferry = make(outlet, 2, FERRY, title=FERRY_TITLE)
    make(outlet, 3, TAX, title="Council freezes tax")
    make(outlet, 4, STADTRAT, title="Stadtrat beschließt neuen Fahrplan", language="de")
    post(1, "Our pier explainer", "How the new pier will be built, pile by pile.")
    post(2, "Draft about the pier", "Not yet.", status=Post.Status.DRAFT)
    make(outlet, 5, "Harbour news nobody may read.", title="Hidden harbour", is_hidden=True)
    make(outlet, 6, PIER, title="Copy of the pier story", duplicate_of=pier)
    return {"pier": pier, "ferry": ferry}


def titles(client, query: str | dict) -> list[str]:
    """The titles found, best first, for some words (or the whole form, as a dict)."""
    response = client.get("/search/", {"q": query} if isinstance(query, str) else query)
    assert response.status_code == 200
    return [result.item.title for result in response.context["page"].object_list]


def page_of(client, params: dict) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


# --- what the words find: the same on SQLite and PostgreSQL -------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("harbour", {PIER_TITLE, FERRY_TITLE}),
        ("piers", {PIER_TITLE, "Our pier explainer"}),
        ("rebuilding", {PIER_TITLE}),
        ("ferries timetable", {FERRY_TITLE}),
        ("harbour voting", {PIER_TITLE}),
        ("TAX", {"Council freezes tax"}),
        ("Stadtrat Hafens", {"Stadtrat beschließt neuen Fahrplan"}),
        ("harbour tax", set()),
        ("submarine", set()),
    ],
)  # fmt: skip
def test_it_finds_the_articles_and_posts_that_have_every_word_in_some_form(
    client, news, query, found
):
    assert set(titles(client, query)) == found


def test_it_ranks_a_match_in_the_title_above_one_in_the_text(client, news):
    assert titles(client, "harbour")[0] == PIER_TITLE


def test_it_leaves_out_hidden_articles_copies_and_unpublished_posts(client, news):
    found = titles(client, "harbour pier")
    assert found == [PIER_TITLE]


def test_it_follows_edits_and_deletions(client, news):
    news["ferry"].title = "Ferry timetable: lighthouse tours added"
    news["ferry"].save()
    assert titles(client, "lighthouse") == ["Ferry timetable: lighthouse tours added"]
    news["ferry"].delete()
    assert titles(client, "lighthouse") == [] and titles(client, "timetable") == []
    Article.objects.filter(pk=news["pier"].pk).update(summary="A lighthouse too.")
    assert titles(client, "lighthouse") == [PIER_TITLE]


def test_rebuild_search_indexes_everything_again(client, news):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            fts = "articles_article_fts"
            cursor.execute(f"INSERT INTO {fts} ({fts}) VALUES ('delete-all')")
        else:
            cursor.execute("UPDATE articles_article SET search_document = NULL")
    assert titles(client, "harbour") == []
    # PostgreSQL alters no table with constraint checks pending, as the test's transaction has.
    connection.check_constraints()
    call_command("rebuild_search", stdout=io.StringIO())
    assert len(titles(client, "harbour")) == 2


# --- filters ------------------------------------------------------------------------------------


def test_it_filters_by_section_including_extra_sections(client, news):
    harbour = Section.objects.create(name="Harbour", slug="harbour")
    news["pier"].section = harbour
    news["pier"].save()
    news["ferry"].extra_sections.add(harbour)
    Post.objects.filter(slug="post-1").update(section=harbour)
    make(news["pier"].source, 7, "The harbour café opens.", title="Café")
    found = titles(client, {"q": "harbour pier", "section": "harbour"})
    assert found == [PIER_TITLE]
    assert set(titles(client, {"q": "harbour", "section": "harbour"})) == {
        PIER_TITLE,
        FERRY_TITLE,
    }
    assert set(titles(client, {"q": "pier", "section": "harbour"})) == {
        PIER_TITLE,
        "Our pier explainer",
    }


def test_it_filters_by_outlet_and_then_leaves_out_posts(client, news):
    other = Source.objects.create(feed_url="https://b.example/feed", name="Bay Times")
    make(other, 8, "A pier for the bay.", title="Bay pier")
    assert titles(client, {"q": "pier", "outlet": other.pk}) == ["Bay pier"]


def test_it_filters_by_a_date_range_of_whole_days(client, news):
    # The pier article is of 2 November, the ferry one of 3 November, the post of 2 November.
    assert set(titles(client, {"q": "harbour", "since": "2026-11-03"})) == {FERRY_TITLE}
    assert set(titles(client, {"q": "pier", "until": "2026-11-02"})) == {
        PIER_TITLE,
        "Our pier explainer",
    }
    assert titles(client, {"q": "harbour", "since": "2026-11-04", "until": "2026-11-30"}) == []


def test_a_bad_filter_is_an_error_on_the_form_not_a_failure(client, news):
    response = client.get("/search/", {"q": "pier", "outlet": "x", "since": "soon"})
    assert response.status_code == 200
    assert response.context["page"] is None and response.context["form"].errors


# --- snippets and the display policy ------------------------------------------------------------


def test_it_marks_the_matched_words_and_escapes_everything_else(client, outlet):
    text = "Pier & piers, 3 < 4 <script>alert(1)</script> and the bay."
    make(outlet, 1, text, title="The <b>pier</b> & more")
    page = page_of(client, {"q": "piers"})
    assert "<mark>Pier</mark> &amp; <mark>piers</mark>" in page
    assert "The &lt;b&gt;<mark>pier</mark>&lt;/b&gt; &amp; more" in page
    assert "<script>alert" not in page


def test_an_excerpt_only_article_never_shows_more_than_its_excerpt(client, outlet):
    outlet.display = Source.Display.EXCERPT
    outlet.save()
    lead = " ".join(f"word{n}" for n in range(80))
    make(outlet, 1, f"The quay {lead} The secret lighthouse keeper confessed.", title="Quay")
    make(outlet, 2, f"{lead} lighthouse", title="Summed up", summary="A lighthouse, summed up.")
    page = page_of(client, {"q": "lighthouse"})
    assert "secret" not in page and "confessed" not in page and "word60" not in page
    assert "The quay word0" in page and "word56 word57 …" in page
    assert "A <mark>lighthouse</mark>, summed up." in page
    assert "The <mark>quay</mark> word0" in page_of(client, {"q": "quay lighthouse"})


def test_a_title_only_article_shows_its_title_and_no_text(client, outlet):
    outlet.display = Source.Display.TITLE
    outlet.save()
    make(outlet, 1, "The lighthouse keeper confessed.", title="Quay news", summary="A summary.")
    page = page_of(client, {"q": "lighthouse"})
    assert "Quay news" in page
    assert "confessed" not in page and "A summary." not in page and "<mark>" not in page


def test_a_full_text_article_shows_a_passage_around_the_words(client, outlet):
    before = " ".join(f"before{n}" for n in range(200))
    after = " ".join(f"after{n}" for n in range(200))
    make(outlet, 1, f"{before} The lighthouse keeper confessed. {after}", title="Quay")
    page = page_of(client, {"q": "lighthouse"})
    assert "The <mark>lighthouse</mark> keeper confessed." in page
    assert "before0 " not in page and "after199" not in page


def test_a_post_shows_a_passage_of_its_body(client, db):
    post(1, "Explainer", "Everything about the new lighthouse, step by step.")
    assert "new <mark>lighthouse</mark>, step" in page_of(client, {"q": "lighthouse"})


# --- paging and cost ----------------------------------------------------------------------------


def test_it_pages_through_the_results_keeping_the_words_and_filters(client, outlet):
    for n in range(25):
        make(outlet, n, f"Pier report number {n}.", title=f"Pier {n}")
    first = page_of(client, {"q": "pier", "outlet": outlet.pk})
    assert "25 results" in first and first.count('class="story"') == 20
    assert f'href="?q=pier&amp;outlet={outlet.pk}&amp;page=2"' in first
    second = client.get("/search/", {"q": "pier", "outlet": outlet.pk, "page": 2})
    assert len(second.context["page"].object_list) == 5


@pytest.mark.parametrize("number", ["0", "last", "999"])
def test_a_page_number_out_of_range_shows_a_page_of_results(client, news, number):
    response = client.get("/search/", {"q": "harbour", "page": number})
    assert response.status_code == 200 and len(response.context["page"].object_list) == 2


@pytest.mark.parametrize("articles", [3, 45])
def test_the_results_page_makes_a_fixed_number_of_queries(
    client, outlet, django_assert_max_num_queries, articles
):
    harbour = Section.objects.create(name="Harbour", slug="harbour")
    for n in range(articles):
        make(outlet, n, f"Pier report {n}.", title=f"Pier {n}", section=harbour)
        post(n % 20, f"Pier post {n}", "About the pier.", slug=f"p{n}", section=harbour)
    params = {"q": "pier report", "section": "harbour", "outlet": "", "since": "2026-11-01"}
    with django_assert_max_num_queries(8):
        assert client.get("/search/", params).status_code == 200


# --- input that is not a query ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        '"pier', 'pier"', "pier AND", "OR", "NOT pier", "NEAR(pier harbour)", "pier*", "*",
        "-pier", "^pier", "title:pier", "pier + harbour", "(((", "!!!", "'", "pier's", "&|!:<>",
        "pier " * 5000, "x" * 10000, "🙂 pier", "\x00pier", "e\u0301",
    ],
)  # fmt: skip
def test_no_input_makes_the_search_fail(client, news, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_operators_and_quotes_are_taken_as_words(client, news):
    assert titles(client, '"pier* (harbour') == [PIER_TITLE]
    assert titles(client, "pier OR tax") == []


def test_only_punctuation_asks_for_words(client, news):
    page = page_of(client, {"q": "?!*"})
    assert "Type a word or two" in page


def test_words_are_letters_and_digits_without_repeats_and_few_enough():
    assert words_of('"Pier" pier, NEAR(harbour) 2026*') == ["Pier", "NEAR", "harbour", "2026"]
    assert len(words_of("a b c d e f g h i j k l m n o p")) == MAX_WORDS


def test_an_empty_search_shows_just_the_form(client, db):
    response = client.get("/search/")
    assert response.status_code == 200 and response.context["page"] is None
    assert 'name="q"' in response.content.decode()


def test_every_page_has_a_search_form_in_its_header(client, db):
    assert '<form class="site-search" role="search"' in client.get("/").content.decode()


def test_every_migrate_puts_back_an_index_a_migration_dropped(client, outlet):
    # What SQLite does to a table on many schema changes: its triggers go with it.
    from articles import search_index

    search_index.uninstall(connection)
    call_command("migrate", verbosity=0)
    make(outlet, 1, "The lighthouse keeper returned.", title="Lighthouse restored")
    assert titles(client, "lighthouse") == ["Lighthouse restored"]
