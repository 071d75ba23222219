import pytest

from articles.canonical import canonical_url, fingerprint, same_site
from articles.tests.pages import TEXT


@pytest.mark.parametrize(
    "link, canonical",
    [
        (
            "https://Outlet.Example/news/pier?utm_source=rss&utm_medium=feed&id=7#comments",
            "https://outlet.example/news/pier?id=7",
        ),
        (
            "https://outlet.example/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref=tw",
            "https://outlet.example/a",
        ),
        ("HTTP://outlet.example:80/a", "http://outlet.example/a"),
        ("https://outlet.example:443/a", "https://outlet.example/a"),
        ("https://outlet.example:8443/a", "https://outlet.example:8443/a"),
        ("https://outlet.example", "https://outlet.example/"),
        ("https://user:secret@outlet.example/a", "https://outlet.example/a"),
        (
            "https://outlet.example/search?q=a+b&page=2&UTM_Campaign=x",
            "https://outlet.example/search?q=a+b&page=2",
        ),
        ("https://outlet.example/story.php?12345", "https://outlet.example/story.php?12345"),
        ("https://outlet.example/a?b=2&a=1", "https://outlet.example/a?b=2&a=1"),
    ],
)
def test_it_strips_what_only_tracks_and_keeps_what_names_the_page(link, canonical):
    assert canonical_url(link) == canonical


@pytest.mark.parametrize(
    "link",
    ["", "javascript:alert(1)", "mailto:a@b.example", "urn:uuid:1", "https://", "http://x:99999/"],
)
def test_what_is_no_web_address_has_no_canonical_form(link):
    assert canonical_url(link) == ""


def test_a_mobile_or_www_edition_is_the_same_site():
    assert same_site("https://www.outlet.example/a", "https://m.outlet.example/b")
    assert same_site("https://outlet.example/a", "https://amp.outlet.example/a")
    assert not same_site("https://outlet.example/a", "https://aggregator.example/a")
    assert not same_site("https://outlet.example.evil.example/", "https://outlet.example/")


def test_the_fingerprint_ignores_case_spacing_and_punctuation():
    rewrapped = TEXT.upper().replace("\n\n", " ").replace(",", " ,  ")
    assert fingerprint(TEXT) == fingerprint(rewrapped) != ""
    assert fingerprint(TEXT) != fingerprint(TEXT.replace("north pier", "south pier"))


def test_a_short_text_gets_no_fingerprint():
    assert fingerprint("Read more about this story on our website.") == ""
