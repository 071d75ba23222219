"""Boilerplate learned from one source's own articles: the demo newswire's content farm over real
HTTP, an outlet written here in words the code has never seen, and golden files."""

from pathlib import Path
from urllib.request import urlopen

import lxml.html
import pytest
import trafilatura

from articles.boilerplate import blocks, css_to_xpath, fingerprint, learn, strip
from herald.lib.sanitize import clean_html
from newswire.server import start
from sources.parse import parse_feed

TESTDATA = Path(__file__).parent / "testdata" / "boilerplate"


def text_of(html: str) -> str:
    return " ".join(block.text for block in blocks(html))


def assert_well_formed(html: str) -> None:
    # Parsed again, the output serialises to itself: no tag was left open or cut in half.
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert lxml.html.tostring(root, encoding="unicode") == f"<div>{html}</div>"


# --- the demo newswire's content farm ----------------------------------------------------------


@pytest.fixture(scope="module")
def newswire():
    server = start(port=0)
    yield server
    server.stop()


def fetch(newswire, path: str) -> str:
    with urlopen(newswire.url + path, timeout=10) as response:
        return response.read().decode()


def article_element(page: str) -> str:
    [article] = lxml.html.document_fromstring(page).xpath("//article")
    return lxml.html.tostring(article, encoding="unicode")


@pytest.fixture(scope="module")
def trendpulse(newswire):
    """Twelve (story, page) pairs of the content farm, whose pages carry promos, share bars and a
    comment form inside <article>."""
    stories = newswire.wire.articles_of("trendpulse")[:12]
    assert len(stories) == 12
    return [(story, fetch(newswire, story.url_path)) for story in stories]


def test_it_strips_the_content_farm_promos_and_comment_form_from_every_page(trendpulse):
    documents = [article_element(page) for _, page in trendpulse]
    learned = learn(documents)
    for document in documents:
        stripped = strip(document, learned.keys())
        text = text_of(stripped)
        for promo in (
            "Subscribe to this portal",
            "Never miss a trending story",
            "TrendPulse newsletter",
            "Sign me up",
            "Share on Facebook",
            "Share this:",
            "You may also like",
            "celebrity kitchens",
            "Leave a Reply",
            "Your email address will not be published",
            "Comment *",
        ):
            assert promo not in text
        assert "<form" not in stripped and "related-posts" not in stripped
        assert "comments-area" not in stripped  # left empty, so removed
        assert_well_formed(stripped)


def test_it_keeps_every_paragraph_of_the_content_farm_stories(trendpulse):
    documents = [article_element(page) for _, page in trendpulse]
    learned = learn(documents)
    for (story, _), document in zip(trendpulse, documents, strict=True):
        stripped = strip(document, learned.keys())
        for paragraph in story.body_html.split("\n"):
            assert paragraph in stripped


def test_it_strips_what_extraction_left_of_the_promos(trendpulse):
    # With its default options trafilatura drops the forms and share bars itself, but keeps the
    # portal's subscribe call.
    documents = [
        clean_html(trafilatura.extract(page, output_format="html", include_formatting=True))
        for _, page in trendpulse
    ]
    assert all("Subscribe to this portal" in document for document in documents)
    learned = learn(documents)
    for (story, _), document in zip(trendpulse, documents, strict=True):
        stripped = strip(document, learned.keys())
        assert "Subscribe" not in stripped
        assert [b.text for b in blocks(stripped)] == [b.text for b in blocks(story.body_html)]


def test_it_strips_the_blog_engine_sign_off_from_full_text_feed_entries(newswire):
    # What Herald stores for a full-text feed: each entry's content, sanitised. The content
    # farm's feed adds "The post <a>title</a> appeared first on <a>TrendPulse Daily</a>.".
    outlet = next(outlet for outlet in newswire.wire.outlets if outlet.slug == "trendpulse")
    feed = parse_feed(fetch(newswire, outlet.feed_path).encode(), newswire.url + outlet.feed_path)
    entries = feed.entries[:12]
    contents = [clean_html(entry.content_html) for entry in entries]
    assert all("appeared first on" in content for content in contents)
    learned = learn(contents)
    assert [block.sample for block in learned.values()] == ["The post … appeared first on …."]
    stories = {newswire.url + story.url_path: story for story in newswire.wire.articles}
    for entry, content in zip(entries, contents, strict=True):
        stripped = strip(content, learned.keys())
        assert stripped == stories[entry.url].body_html


def test_no_outlet_loses_a_paragraph_of_its_stories_from_whole_pages(newswire):
    for outlet in newswire.wire.outlets:
        stories = newswire.wire.articles_of(outlet.slug)[:8]
        pages = [fetch(newswire, story.url_path) for story in stories]
        learned = learn(pages)
        assert learned, outlet.slug  # every outlet's page chrome recurs
        for story, page in zip(stories, pages, strict=True):
            kept = {block.text for block in blocks(strip(page, learned.keys()))}
            for paragraph in blocks(story.body_html):
                assert paragraph.text in kept, (outlet.slug, paragraph.text)


# --- an outlet in words the code has never seen ------------------------------------------------

TOWNS = ("Quillmouth", "Brackenridge", "Osterby", "Lowmarsh", "Tarrow Point", "Elderwick")
TOWNS += ("Cindervale", "Harrowgate Sands")
GROUPS = ("the lifeboat crew", "the school board", "the fishing cooperative", "the ferry company")
GROUPS += ("the lighthouse trust", "the allotment society", "the rowing club", "the choir")
DEEDS = (
    "voted to repair the slipway before the spring tides",
    "asked for volunteers to count seabirds on the cliffs",
    "raised enough money to buy a second rescue boat",
    "agreed to open the old net loft as a museum",
)
PEOPLE = ("Orla Penhale", "Tobias Wren", "Hester Quayle", "Jonah Fairweather")
PEOPLE += ("Mabel Trevithick", "Idris Corran", "Nell Ashdown", "Rafe Pendle")

PROMO = "Ring the harbour bell: members get the Tuesday tide tables first — join today"
PROMO_MARKUP = (
    f"<p>{PROMO}</p>",
    "<p><strong>Ring the harbour bell:</strong> members get the Tuesday tide tables first "
    "— <a href='https://gull.example/join'>join today</a></p>",
    f"<aside><p><em>{PROMO}</em></p></aside>",
)
TALK = """<section class="talk"><h4>Leave a comment</h4><p>Your e-mail stays private.</p>
<form><label>Name</label> <input name="name"> <label>Message</label>
<textarea name="message"></textarea> <button>Send</button></form></section>"""


def story_paragraphs(n: int) -> list[str]:
    """Four paragraphs that no other story of the Gull (n < 64) shares."""
    town, person = TOWNS[n % 8], PEOPLE[n // 8 % 8]
    return [
        f"{town} — {GROUPS[(n + k) % 8].capitalize()} {DEEDS[(n + k) % 4]}, {person} told the Gull."
        for k in range(4)
    ]


def gull_page(n: int, extra: str = "") -> str:
    """The n-th article page of the Gull, a fictional outlet: the promo sits at a different
    place in each story body, in changing markup, and a comment form follows the body."""
    body = [f"<p>{paragraph}</p>" for paragraph in story_paragraphs(n)]
    body.insert(1 + n % 4, PROMO_MARKUP[n % 3])
    return (
        f"<article><h1>News from {TOWNS[n % 8]}, {PEOPLE[n // 8 % 8]} reports</h1>"
        "<div class='body'>\n" + "\n".join(body) + f"\n{extra}</div>\n{TALK}</article>"
    )


GULL = [gull_page(n) for n in range(8)]


def test_it_learns_nothing_before_the_fifth_document():
    for count in range(1, 5):
        assert learn(GULL[:count]) == {}


def test_the_same_article_sent_twice_counts_once():
    assert learn([GULL[0]] * 3 + GULL[1:3]) == {}


def test_it_strips_a_promo_it_has_never_seen_from_the_fifth_document_on():
    for count in range(5, 9):
        learned = learn(GULL[:count])
        stripped = strip(GULL[count - 1], learned.keys())
        text = text_of(stripped)
        assert "harbour bell" not in text
        assert "Leave a comment" not in text and "e-mail stays private" not in text
        assert "<form" not in stripped and "<aside" not in stripped and "talk" not in stripped
        for paragraph in story_paragraphs(count - 1):
            assert paragraph in text
        assert_well_formed(stripped)


def test_each_learned_block_has_a_sample_and_the_number_of_documents_it_was_seen_in():
    learned = learn(GULL)
    promo = learned[fingerprint(PROMO)]
    assert promo.sample == PROMO
    assert (promo.count, promo.share) == (8, 1.0)
    assert {block.sample for block in learned.values()} == {
        PROMO,
        "Leave a comment",
        "Your e-mail stays private.",
        "Name Message Send",
    }


def test_a_paragraph_quoted_in_two_of_twenty_articles_is_not_learned():
    quote = "<p>“We will not leave the harbour to the gulls,” the mayor said in 1987.</p>"
    pages = [gull_page(n, extra=quote if n in (3, 11) else "") for n in range(20)]
    learned = learn(pages)
    assert fingerprint(PROMO) in learned
    quoted = fingerprint("We will not leave the harbour to the gulls, the mayor said in 1987.")
    assert quoted not in learned
    assert "leave the harbour to the gulls" in strip(pages[3], learned.keys())


def test_a_wire_paragraph_in_three_of_fifty_articles_is_not_learned():
    wire = "<p>The coastguard said 214 people were rescued along the coast this summer.</p>"
    pages = [gull_page(n, extra=wire if n % 17 == 0 else "") for n in range(50)]
    assert sum(wire in page for page in pages) == 3
    learned = learn(pages)
    assert all("coastguard" not in block.sample for block in learned.values())


def test_numbers_varying_inside_a_recurring_block_still_match():
    pages = [
        gull_page(n, extra=f"<p>Posted {n + 2} hours ago · {n * 7 + 1} comments</p>")
        for n in range(6)
    ]
    learned = learn(pages)
    assert fingerprint("Posted 3 hours ago · 12 comments") in learned
    newcomer = gull_page(40, extra="<p>Posted 9 hours ago · 1,204 comments</p>")
    assert "comments" not in text_of(strip(newcomer, learned.keys()))


def test_a_sign_off_whose_links_vary_is_learned_by_the_words_around_them():
    pages = [
        gull_page(n, extra=f"<p>Read <a href='/{n}'>{TOWNS[n]} stories</a> in the <a>Gull</a>.</p>")
        for n in range(6)
    ]
    learned = learn(pages)
    [sign_off] = [block for block in learned.values() if "Read" in block.sample]
    assert (sign_off.sample, sign_off.count) == ("Read … in the ….", 6)
    newcomer = gull_page(50, extra="<p>Read <a href='/x'>Pier stories</a> in the <a>Gull</a>.</p>")
    assert "Read" not in text_of(strip(newcomer, learned.keys()))


def test_a_block_whose_links_do_not_vary_is_learned_once_by_its_text():
    share = "<p>Share on <a href='#f'>Facebook</a> or by <a href='#m'>email</a></p>"
    learned = learn(gull_page(n, extra=share) for n in range(6))
    assert [b.sample for b in learned.values() if "Share" in b.sample] == [
        "Share on Facebook or by email"
    ]


def test_the_fingerprint_ignores_case_spacing_punctuation_and_numbers():
    assert fingerprint("Posted 3 hours ago · 12 comments") == fingerprint(
        "  posted 17 HOURS ago — 1,024 comments! "
    )
    assert fingerprint("Posted 3 hours ago") != fingerprint("Posted 3 hours ago · 12 comments")


def test_a_short_block_goes_only_beside_boilerplate():
    # "Share" and "Yes." both recur; "Share" sits by the promo, "Yes." between the story's own.
    def page(n: int) -> str:
        interview = f"<p>Will you row again, {PEOPLE[n]}?</p><p>Yes.</p><p>{TOWNS[n]} was fine.</p>"
        promo = PROMO_MARKUP[n % 3]
        return gull_page(n, extra=interview).replace(promo, "<p>Share</p>" + promo)

    learned = learn(page(n) for n in range(6))
    assert {fingerprint("Share"), fingerprint("Yes.")} <= learned.keys()
    text = text_of(strip(page(0), learned.keys()))
    assert "Share" not in text
    assert "Will you row again, Orla Penhale? Yes. Quillmouth was fine." in text


# --- editors' choices and structure ------------------------------------------------------------


def test_disabled_fingerprints_are_kept():
    learned = learn(GULL)
    kept = fingerprint(PROMO)
    stripped = strip(GULL[0], learned.keys(), disabled={kept})
    assert PROMO in text_of(stripped)
    assert "Leave a comment" not in text_of(stripped)


def test_css_selectors_remove_their_elements():
    html = (
        '<div class="story"><p>Kept paragraph.</p><p class="ad note">Advert</p>'
        '<aside id="rail"><p>Rail text</p></aside><div class="box"><p class="note">Boxed</p>'
        '<p>Boxed but kept</p></div></div><p class="note">Top-level note</p>'
    )
    stripped = strip(html, set(), [".ad", "aside#rail", "DIV.box .note, body", "p.ad.note"])
    assert text_of(stripped) == "Kept paragraph. Boxed but kept Top-level note"
    assert_well_formed(stripped)


def test_a_css_selector_never_matches_the_fragment_itself():
    assert strip("<p>Kept.</p>", set(), ["body", "html", "div"]) == "<p>Kept.</p>"


@pytest.mark.parametrize(
    "selector", ["", " ", "a[href]", "p:first-child", "div > p", "a + b", "p,", ".", "#x.", "3p"]
)
def test_it_refuses_css_selectors_it_does_not_support(selector):
    with pytest.raises(ValueError, match="unsupported CSS selector"):
        css_to_xpath(selector)
    with pytest.raises(ValueError):
        strip("<p>x</p>", set(), [selector])


def test_containers_left_empty_are_removed_but_not_table_cells_or_images():
    html = (
        "<p>Story.</p><ul><li>Promo one</li><li>Promo two</li></ul>"
        "<figure><img src='https://gull.example/a.jpg'>"
        "<figcaption>Promo three</figcaption></figure>"
        "<table><tr><td>Promo four</td><td>Tide at 10:00</td></tr></table>"
        "<div><div><p>Promo five</p></div></div>"
    )
    unwanted = {fingerprint(f"Promo {n}") for n in ("one", "two", "three", "four", "five")}
    stripped = strip(html, unwanted)
    assert stripped == (
        '<p>Story.</p><figure><img src="https://gull.example/a.jpg"></figure>'
        "<table><tr><td></td><td>Tide at 10:00</td></tr></table>"
    )


def test_a_container_with_its_own_text_loses_only_that_text():
    html = "<div>Sponsored by Gull Ales <a href='#'>more</a><p>The story itself.</p></div>"
    stripped = strip(html, {fingerprint("Sponsored by Gull Ales more")})
    assert stripped == "<div><p>The story itself.</p></div>"


def test_it_returns_the_html_unchanged_when_nothing_matches():
    assert strip(GULL[0], {fingerprint("not there")}) == GULL[0]
    assert strip("", {fingerprint("x")}) == ""


def test_blocks_are_the_texts_of_block_elements_with_their_inline_children():
    html = (
        "Loose text<p>A <em>fine</em> day</p><ul><li>One<br>two</li></ul>"
        "<div>Own text<p>Nested</p><script>var x = 1;</script><!-- note --></div>"
    )
    assert [(b.tag, b.text) for b in blocks(html)] == [
        ("body", "Loose text"),
        ("p", "A fine day"),
        ("li", "One two"),
        ("div", "Own text"),
        ("p", "Nested"),
    ]


# --- golden files: a source's history in, each article without its boilerplate out --------------


@pytest.mark.parametrize("number", range(1, 6))
def test_golden_files(number):
    history = [path.read_text() for path in sorted(TESTDATA.glob("tribune-*.html"))]
    learned = learn(history)
    document = (TESTDATA / f"tribune-{number}.html").read_text()
    expected = (TESTDATA / f"tribune-{number}.html-result").read_text()
    assert strip(document, learned.keys()) + "\n" == expected
