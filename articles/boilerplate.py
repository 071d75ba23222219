"""Boilerplate learned per source, after extraction and sanitising: blocks that recur on many of
one source's articles (promos, share bars, comment forms, sign-offs) are found in its own history,
not from a list of phrases, and cut from its articles. Pure functions; the caller stores them."""

import hashlib
import html as html_text
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import lxml.html
from lxml.html import HtmlElement

from articles.canonical import fingerprint as text_fingerprint
from articles.models import Article
from articles.models import LearnedBlock as StoredBlock
from articles.signals import articles_changed
from herald.lib.sanitize import html_to_text

# Elements that start a block of their own; any other (a, em, span, label, button...) is inline
# and its text belongs to the block around it.
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADINGS | {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_SILENT = frozenset({"script", "style", "noscript", "template"})  # code and data, not prose
# What keeps an element worth showing although it has no text left.
_MEDIA = frozenset({"img", "picture", "video", "audio", "iframe", "svg", "object", "embed"})
_CELLS = frozenset({"td", "th"})  # emptied in place: dropping one would shift its row
SAMPLE_CHARS = 200

# "12 comments", "3.5 km", "10:30": a number is one token whatever its value or separators.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
_PAGE = re.compile(r"\s*(<!doctype[^>]*>\s*)?<html[\s>]", re.IGNORECASE)
_COMPOUND = re.compile(r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+)*)")


@dataclass(frozen=True)
class Block:
    fingerprint: str
    text: str  # as a reader sees it, whitespace collapsed
    tag: str
    weak: bool  # a heading or a single short word: boilerplate only beside other boilerplate
    # The text with each link as "…" ("The post … appeared first on …") and its fingerprint,
    # for blocks whose links vary around words that recur; empty for the others.
    pattern: str = ""
    pattern_fingerprint: str = ""


@dataclass(frozen=True)
class LearnedBlock:
    fingerprint: str
    sample: str  # the first occurrence's text, cut short, for editors to recognise it
    count: int  # how many distinct documents of the source carry it
    share: float  # count / documents learned from


def normalise(text: str) -> str:
    """What two occurrences of one block have in common: case, spacing, punctuation and the
    value of numbers ("Posted 3 hours ago", "Posted 5 hours ago") do not count."""
    text = _NUMBER.sub("0", unicodedata.normalize("NFKC", text).casefold())
    return _SPACE.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def fingerprint(text: str) -> str:
    return hashlib.blake2b(normalise(text).encode(), digest_size=8).hexdigest()


def blocks(html: str) -> list[Block]:
    """The text blocks of an HTML fragment (or page), in document order."""
    root = _parse(html)
    return [block for _, block in _segment(root, root)]


def learn(
    documents: Iterable[str], *, min_documents: int = 5, min_share: float = 0.4, min_count: int = 3
) -> dict[str, LearnedBlock]:
    """The blocks seen in at least `min_share` of one source's documents and in at least
    `min_count` of them, most frequent first; nothing before `min_documents` documents."""
    counts: Counter[str] = Counter()
    samples: dict[str, str] = {}
    patterns: dict[str, str] = {}  # a block's fingerprint: its pattern's
    distinct: set[frozenset[str]] = set()
    for document in documents:
        found = blocks(document)
        if (keys := frozenset(block.fingerprint for block in found)) in distinct:
            continue  # the same article sent twice proves nothing about the source
        distinct.add(keys)
        seen = {block.fingerprint: block.text for block in found}
        for block in found:
            if block.pattern:
                seen[block.pattern_fingerprint] = block.pattern
                patterns[block.fingerprint] = block.pattern_fingerprint
        counts.update(seen.keys())
        for key, text in seen.items():
            samples.setdefault(key, text[:SAMPLE_CHARS])
    total = len(distinct)
    if total < min_documents:
        return {}
    # A pattern says more than its texts only where they vary (the linked title of a sign-off).
    for key, pattern in patterns.items():
        if counts[key] >= counts[pattern]:
            counts.pop(pattern, None)
    return {
        key: LearnedBlock(key, samples[key], count, round(count / total, 3))
        for key, count in counts.most_common()
        if count >= min_count and count / total >= min_share
    }


def strip(
    html: str,
    fingerprints: Collection[str],
    selectors: Sequence[str] = (),
    *,
    disabled: Collection[str] = (),
) -> str:
    """`html` without the blocks whose fingerprint (or pattern's) is among `fingerprints` and not
    `disabled` by an editor, without the elements the editor's CSS `selectors` match, and
    without the containers those removals left empty. Returned unchanged when nothing matched."""
    unwanted = set(fingerprints) - set(disabled) - {""}
    xpaths = [css_to_xpath(selector) for selector in selectors]  # bad input fails before work
    if not unwanted and not xpaths:
        return html  # nothing learned, nothing selected: no parse on the ingest path
    root = _parse(html)
    selected = [element for xpath in xpaths for element in root.xpath(xpath)]
    for element in selected:
        _drop(element, root)
    found = list(_segment(root, root))
    hits = [{block.fingerprint, block.pattern_fingerprint} & unwanted for _, block in found]
    doomed = [bool(hit) and not block.weak for hit, (_, block) in zip(hits, found, strict=True)]
    # A weak block goes only beside boilerplate ("Share" by a share bar, "Comment *" in a learned
    # form): alone, "Yes." or "Background" may well be the story's own. A heading introduces what
    # follows it, so only its next block counts. One sweep each way carries runs of weak blocks.
    for sweep in (range(len(found)), range(len(found) - 1, -1, -1)):
        for i in sweep:
            block = found[i][1]
            after = i + 1 < len(found) and doomed[i + 1]
            before = i > 0 and doomed[i - 1] and block.tag not in HEADINGS
            doomed[i] = doomed[i] or bool(hits[i] and (after or before))
    for (element, _), gone in zip(found, doomed, strict=True):
        if gone:
            _drop_own_text(element)  # its nested blocks, if any, are judged on their own
            _prune(element, root)
    if not selected and not any(doomed):
        return html
    leading = html_text.escape(root.text or "", quote=False)
    return (leading + "".join(lxml.html.tostring(e, encoding="unicode") for e in root)).strip()


def css_to_xpath(selector: str) -> str:
    """The XPath of an editor's CSS selector, in the subset we support without cssselect: tag,
    .class, #id, compounds (`div.promo#top`), descendants (`aside .share`) and `,` lists; it
    never matches the fragment's <body>. Raises ValueError on anything else."""
    paths = []
    for part in selector.split(","):
        tokens = part.split()
        steps = [step for token in tokens if (step := _COMPOUND.fullmatch(token))]
        if not tokens or len(steps) < len(tokens):
            raise ValueError(f"unsupported CSS selector: {selector!r}")
        path = "."
        for step in steps:
            path += "//" + (step["tag"] or "*").lower()
            for kind, name in re.findall(r"([.#])([\w-]+)", step["rest"]):
                has_class = f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
                path += f"[{has_class}]" if kind == "." else f"[@id='{name}']"
        paths.append(path)
    return " | ".join(paths)


def _parse(html: str) -> HtmlElement:
    """The <body> around the fragment (or the page's own), which is never removed."""
    # Not lxml's fragment_fromstring: it fails on pages without a body ("<html></html>").
    document = lxml.html.document_fromstring(html if _PAGE.match(html) else f"<body>{html}")
    body = document.find("body")
    return body if body is not None else lxml.html.Element("body")


def _segment(element: HtmlElement, root: HtmlElement) -> Iterator[tuple[HtmlElement, Block]]:
    """The blocks in and under `element`, in document order, with their elements."""
    if element is root or element.tag in BLOCK_TAGS:
        text = _SPACE.sub(" ", _own_text(element)).strip()
        if normalised := normalise(text):
            weak = element.tag in HEADINGS or _short(normalised)
            block = Block(fingerprint(normalised), text, element.tag, weak)
            pattern = _SPACE.sub(" ", _own_text(element, links=False)).strip()
            around = normalise(pattern)  # the words outside links, if enough to mean something
            if around != normalised and not _short(around):
                block = replace(block, pattern=pattern, pattern_fingerprint=fingerprint(around))
            yield element, block
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SILENT:  # not a comment, not code
            yield from _segment(child, root)


def _short(normalised: str) -> bool:
    return " " not in normalised and len(normalised) < 12


def _own_text(element: HtmlElement, links: bool = True) -> str:
    """The text of `element` that is not inside a nested block; each link is "…" without `links`."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in BLOCK_TAGS and tag not in _SILENT:  # inline
            link = tag == "a" and not links
            parts.append(" " if tag == "br" else "…" if link else _own_text(child, links))
        parts.append(child.tail or "")
    return "".join(parts)


def _drop_own_text(element: HtmlElement) -> None:
    """Empty `element` of everything but its nested blocks."""
    element.text = None
    for child in list(element):
        child.tail = None
        if child.tag in BLOCK_TAGS:
            continue
        if any(d.tag in BLOCK_TAGS for d in child.iterdescendants()):
            _drop_own_text(child)
        else:
            element.remove(child)


def _drop(element: HtmlElement, root: HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return  # matched twice, or already cut away with an ancestor
    if element.tag in BLOCK_TAGS and not (element.tail or "").strip():
        element.tail = None  # the line break after a block would leave a blank line behind
    element.drop_tree()
    _prune(parent, root)


def _prune(element: HtmlElement | None, root: HtmlElement) -> None:
    """Drop the highest of `element` and its ancestors that has nothing left to show."""
    top = None
    while element is not None and element is not root:
        if element.text_content().strip() or any(d.tag in _MEDIA for d in element.iter()):
            break
        if element.tag not in _CELLS:
            top = element
        element = element.getparent()
    if top is not None:
        _drop(top, root)


# --- Per source: what has been learned, kept in LearnedBlock rows, applied to its articles ---

WINDOW = 50  # learn from the latest articles, so a source's new layout replaces its old one


def selectors_of(source) -> list[str]:
    return [line.strip() for line in source.remove_selectors.splitlines() if line.strip()]


def removable(source) -> set[str]:
    return set(source.learned_blocks.filter(removed=True).values_list("fingerprint", flat=True))


def clean_for(source, html: str) -> str:
    """An article's sanitised HTML without what `source` is known to repeat. What is removed is
    read once per Source instance (one poll), not once per article; relearn() reads it anew."""
    if not hasattr(source, "_removable"):
        source._removable = removable(source)
    return strip(html, source._removable, selectors_of(source))


def relearn(source) -> bool:
    """Learn `source`'s recurring blocks from its latest articles and, when what is removed
    changed, clean its whole history again. An editor's un-marking is kept. True if changed."""
    before = removable(source)
    latest = Article.objects.filter(source=source).order_by("-published_at", "-id")[:WINDOW]
    learned = learn(a.raw_html or a.content_html for a in latest.only("raw_html", "content_html"))
    kept = set(source.learned_blocks.filter(removed=False).values_list("fingerprint", flat=True))
    source.learned_blocks.exclude(fingerprint__in=set(learned) | kept).delete()
    for block in learned.values():
        StoredBlock.objects.update_or_create(
            source=source,
            fingerprint=block.fingerprint,
            defaults={"sample": block.sample, "count": block.count, "share": block.share},
        )
    source.__dict__.pop("_removable", None)
    if removable(source) == before:
        return False
    reclean(source)
    return True


def reclean(source) -> int:
    """Make every article of `source` again from its raw HTML with what is removed now. Returns
    how many changed."""
    unwanted, selectors = removable(source), selectors_of(source)
    changed = 0
    articles = Article.objects.filter(source=source).only("raw_html", "content_html")
    for article in articles.iterator():
        html = strip(article.raw_html or article.content_html, unwanted, selectors)
        if html != article.content_html:
            text = html_to_text(html)
            Article.objects.filter(pk=article.pk).update(
                content_html=html, content_text=text, fingerprint=text_fingerprint(text)
            )
            changed += 1
    if changed:
        articles_changed.send(sender=Article)
    return changed
