"""Renders the wire for HTTP: each outlet's feed (RSS 2.0, Atom 1.0, JSON Feed 1.1 or RSS 1.0)
and its HTML pages, every outlet in its own layout. All links are absolute on `base`."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from newswire.build import Wire, WireArticle
from newswire.images import HEIGHT, WIDTH
from newswire.outlets import SECTION_LABELS, Outlet

FEED_CONTENT_TYPES = {
    "rss2": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "jsonfeed": "application/feed+json; charset=utf-8",
    "rss1": "application/rdf+xml; charset=utf-8",
}
# The type a home page advertises for autodiscovery (RSS 1.0 is conventionally announced as RSS).
_DISCOVERY_TYPES = {
    "rss2": "application/rss+xml",
    "atom": "application/atom+xml",
    "jsonfeed": "application/feed+json",
    "rss1": "application/rss+xml",
}
RSS_TTL_MINUTES = 30


# --- feeds -------------------------------------------------------------------------------------


def render_feed(wire: Wire, outlet: Outlet, base: str) -> bytes:
    articles = wire.articles_of(outlet.slug)
    writer = {"rss2": _rss2, "atom": _atom, "jsonfeed": _json_feed, "rss1": _rss1}
    return writer[outlet.feed_kind](wire, outlet, articles, base).encode("utf-8")


def _x(text: str) -> str:
    return xml_escape(text)


def _newest(wire: Wire, articles: list[WireArticle]) -> datetime:
    return articles[0].published if articles else wire.anchor


def _rss2(wire: Wire, outlet: Outlet, articles: list[WireArticle], base: str) -> str:
    items = []
    for a in articles:
        image = base + a.image_path
        content = (
            f"<content:encoded>{_x(_feed_body(outlet, a, base))}</content:encoded>"
            if outlet.full_text
            else ""
        )
        items.append(
            "<item>"
            f"<title>{_x(a.title)}</title>"
            f"<link>{_x(base + a.url_path)}</link>"
            f'<guid isPermaLink="false">{_x(a.guid)}</guid>'
            f"<pubDate>{format_datetime(a.published, usegmt=True)}</pubDate>"
            f"<dc:creator>{_x(a.author)}</dc:creator>"
            f"<category>{_x(a.section)}</category>"
            f"<description>{_x(a.summary)}</description>"
            f"{content}"
            f'<enclosure url={quoteattr(image)} type="image/png" length="0"/>'
            f'<media:content url={quoteattr(image)} medium="image" type="image/png" '
            f'width="{WIDTH}" height="{HEIGHT}"/>'
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:media="http://search.yahoo.com/mrss/">\n<channel>'
        f"<title>{_x(outlet.name)}</title>"
        f"<link>{_x(base + outlet.home_path)}</link>"
        f"<description>{_x(outlet.tagline)}</description>"
        f"<language>{outlet.language}</language>"
        f"<lastBuildDate>{format_datetime(_newest(wire, articles), usegmt=True)}</lastBuildDate>"
        f"<ttl>{RSS_TTL_MINUTES}</ttl>"
        "<generator>Herald newswire</generator>"
        f'<atom:link href={quoteattr(base + outlet.feed_path)} rel="self" '
        'type="application/rss+xml"/>\n' + "\n".join(items) + "\n</channel>\n</rss>\n"
    )


def _atom(wire: Wire, outlet: Outlet, articles: list[WireArticle], base: str) -> str:
    entries = []
    for a in articles:
        content = (
            f'<content type="html">{_x(_feed_body(outlet, a, base))}</content>'
            if outlet.full_text
            else ""
        )
        label = SECTION_LABELS[a.section]
        entries.append(
            "<entry>"
            f"<id>{_x(a.guid)}</id>"
            f"<title>{_x(a.title)}</title>"
            f'<link rel="alternate" type="text/html" href={quoteattr(base + a.url_path)}/>'
            f'<link rel="enclosure" type="image/png" href={quoteattr(base + a.image_path)}/>'
            f"<published>{_iso(a.published)}</published>"
            f"<updated>{_iso(a.published)}</updated>"
            f"<author><name>{_x(a.author)}</name></author>"
            f"<category term={quoteattr(a.section)} label={quoteattr(label)}/>"
            f"<summary>{_x(a.summary)}</summary>"
            f"{content}"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.language}">'
        f"<title>{_x(outlet.name)}</title>"
        f"<subtitle>{_x(outlet.tagline)}</subtitle>"
        f"<id>tag:{outlet.slug}.newswire.invalid,2024:feed</id>"
        f"<updated>{_iso(_newest(wire, articles))}</updated>"
        f'<link rel="self" type="application/atom+xml" href={quoteattr(base + outlet.feed_path)}/>'
        f'<link rel="alternate" type="text/html" href={quoteattr(base + outlet.home_path)}/>'
        f"<author><name>{_x(outlet.name)}</name></author>"
        '<generator uri="https://example.invalid/herald">Herald newswire</generator>\n'
        + "\n".join(entries)
        + "\n</feed>\n"
    )


def _json_feed(wire: Wire, outlet: Outlet, articles: list[WireArticle], base: str) -> str:
    items = []
    for a in articles:
        item = {
            "id": a.guid,
            "url": base + a.url_path,
            "title": a.title,
            "summary": a.summary,
            "date_published": _iso(a.published),
            "date_modified": _iso(a.published),
            "authors": [{"name": a.author}],
            "tags": [a.section],
            "image": base + a.image_path,
            "language": a.language,
        }
        if outlet.full_text:
            item["content_html"] = _feed_body(outlet, a, base)
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.name,
        "description": outlet.tagline,
        "home_page_url": base + outlet.home_path,
        "feed_url": base + outlet.feed_path,
        "language": outlet.language,
        "authors": [{"name": outlet.name, "url": base + outlet.home_path}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def _rss1(wire: Wire, outlet: Outlet, articles: list[WireArticle], base: str) -> str:
    # rdf:about carries the stable guid so that readers keep one identity per story.
    seq = "".join(f"<rdf:li rdf:resource={quoteattr(a.guid)}/>" for a in articles)
    items = []
    for a in articles:
        content = (
            f"<content:encoded>{_x(_feed_body(outlet, a, base))}</content:encoded>"
            if outlet.full_text
            else ""
        )
        items.append(
            f"<item rdf:about={quoteattr(a.guid)}>"
            f"<title>{_x(a.title)}</title>"
            f"<link>{_x(base + a.url_path)}</link>"
            f"<description>{_x(a.summary)}</description>"
            f"<dc:creator>{_x(a.author)}</dc:creator>"
            f"<dc:date>{_iso(a.published)}</dc:date>"
            f"<dc:subject>{_x(a.section)}</dc:subject>"
            f"<dcterms:issued>{_iso(a.published)}</dcterms:issued>"
            f"<dc:identifier>{_x(a.guid)}</dc:identifier>"
            f"{content}"
            f'<media:content url={quoteattr(base + a.image_path)} medium="image" type="image/png" '
            f'width="{WIDTH}" height="{HEIGHT}"/>'
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">\n'
        f"<channel rdf:about={quoteattr(base + outlet.feed_path)}>"
        f"<title>{_x(outlet.name)}</title>"
        f"<link>{_x(base + outlet.home_path)}</link>"
        f"<description>{_x(outlet.tagline)}</description>"
        f"<dc:language>{outlet.language}</dc:language>"
        f"<dc:date>{_iso(_newest(wire, articles))}</dc:date>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items>"
        "</channel>\n" + "\n".join(items) + "\n</rdf:RDF>\n"
    )


def _feed_body(outlet: Outlet, a: WireArticle, base: str) -> str:
    body = a.body_html
    if outlet.content_farm:
        # The blog-engine footer content farms leave on every feed item.
        body += (
            f'\n<p>The post <a href="{escape(base + a.url_path)}">{escape(a.title)}</a> '
            f'appeared first on <a href="{escape(base + outlet.home_path)}">'
            f"{escape(outlet.name)}</a>.</p>"
        )
    return body


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- pages -------------------------------------------------------------------------------------

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MESES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
_SECCIONES = {
    "politics": "Política",
    "world": "Internacional",
    "business": "Economía",
    "health": "Salud",
    "science-tech": "Ciencia y tecnología",
    "entertainment": "Cultura",
    "showbiz": "Gente",
    "tourism": "Turismo",
    "comedy": "Humor",
    "sports": "Deportes",
}


def _hour12(d: datetime) -> str:
    suffix = "a.m." if d.hour < 12 else "p.m."
    return f"{(d.hour % 12) or 12}:{d:%M} {suffix}"


_DATE_STYLES = {
    "daily-courier": lambda d: (
        f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year} {d:%H.%M} UTC"
    ),
    "metro-ledger": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year} at {_hour12(d)}",
    "northstar-bulletin": lambda d: f"{d:%d/%m/%Y %H:%M}",
    "signal-circuit": lambda d: f"{d:%Y-%m-%d %H:%M} UTC",
    "trendpulse": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "pitchside": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}, {d:%H:%M}",
    "wayfarer": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "weekly-wag": lambda d: f"{_DAYS[d.weekday()][:3]} {d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
    "valley-wire": lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year} {d:%H:%M} GMT",
    "el-faro": lambda d: f"{d.day} de {_MESES[d.month - 1]} de {d.year}, {d:%H:%M}",
}


@dataclass(frozen=True)
class _Theme:
    shell: str  # the page: header, nav, cookie notice, main, sidebar, footer
    article: str  # the <article> itself
    nav_item: str
    sidebar_title: str
    latest_title: str
    photo_credit: str


_THEMES: dict[str, _Theme] = {}

_THEMES["daily-courier"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title} | The Daily Courier</title>
{head}</head>
<body class="courier">
<div id="cookie-consent" class="cookie-consent" role="dialog"><p>The Daily Courier uses cookies to
remember your preferences and to count how many people read our journalism.</p>
<button type="button">Accept all</button> <button type="button">Manage settings</button></div>
<header class="masthead">
<div class="masthead-top"><span class="edition">Coast edition</span>
<a class="subscribe" href="{home}#subscribe">Subscribe from $1 a week</a></div>
<a class="logo" href="{home}">The Daily Courier</a><p class="strap">{tagline}</p>
<nav class="primary-nav" aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<div class="page-body">
<main id="content">{main}</main>
<aside class="rail"><section class="most-read">{sidebar}</section>
<section class="promo"><h2>The Courier in print</h2><p>Every morning at your door, with the
weekend magazine on Saturdays.</p></section></aside>
</div>
<footer class="site-footer"><p>&copy; {year} Courier Newspapers Ltd, 14 Quay Street,
Port Ellery.</p><ul><li><a href="{home}#about">About us</a></li><li><a href="{home}#contact">
Contact</a></li><li><a href="{home}#corrections">Corrections</a></li><li>
<a href="{home}#privacy">Privacy</a></li></ul></footer>
</body>
</html>
""",
    article="""<article class="story">
<p class="kicker">{section_label}</p>
<h1 class="headline">{headline}</h1>
<p class="standfirst">{summary}</p>
<div class="byline">By <span class="author">{author}</span> &middot;
<time datetime="{iso}">{human}</time></div>
<figure class="lead-image"><img src="{image}" alt="{alt}" width="{width}" height="{height}">
<figcaption>{caption}</figcaption></figure>
<div class="story-body">
{body}
</div>
</article>""",
    nav_item='<li><a href="{href}">{label}</a></li>',
    sidebar_title="Most read",
    latest_title="Latest news",
    photo_credit="Illustration: Courier graphics desk",
)

_THEMES["metro-ledger"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} — The Metro Ledger</title>
{head}</head>
<body>
<div id="page">
<header class="topbar"><a href="{home}">The Metro Ledger</a> <span>{tagline}</span>
<a class="signin" href="{home}#signin">Sign in</a>
<nav class="menu">{nav}</nav></header>
<div class="layout">
<aside class="sidebar-left"><h3>{sidebar_title}</h3>{sidebar}
<div class="markets"><h3>Markets</h3><p>Figures delayed by 15 minutes.</p></div></aside>
<div class="main-column">{main}</div>
</div>
<footer id="footer"><nav><a href="{home}#masthead">Masthead</a> | <a href="{home}#ethics">
Ethics policy</a> | <a href="{home}#advertise">Advertise</a> | <a href="{home}#terms">Terms</a>
</nav><p>The Metro Ledger is an independent publication. &copy; {year}</p></footer>
</div>
<div class="consent-bar" id="consent"><span>We and our partners use cookies and store data on
your device to personalise content.</span> <a href="{home}#privacy">Privacy policy</a>
<button>I agree</button></div>
</body>
</html>
""",
    article="""<article class="ledger-article">
<header><h1>{headline}</h1>
<p class="dek">{summary}</p>
<p class="meta"><span class="section">{section_label}</span> | <span class="by">{author}</span>
| <time datetime="{iso}">{human}</time></p></header>
<img class="hero" src="{image}" alt="{alt}" width="{width}" height="{height}">
<p class="photo-credit">{caption}</p>
<section class="article-text">
{body}
</section>
</article>""",
    nav_item='<a class="menu-item" href="{href}">{label}</a> ',
    sidebar_title="Most popular",
    latest_title="Latest from the Ledger",
    photo_credit="Ledger graphics",
)

_THEMES["northstar-bulletin"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} - Northstar Bulletin</title>
{head}</head>
<body class="ns">
<header id="ns-header"><div class="brand"><a href="{home}"><strong>Northstar</strong>
Bulletin</a></div><div class="brand-sub">{tagline}</div>
<div class="ticker"><b>Now:</b> Updated every few minutes around the clock</div></header>
<nav id="ns-nav"><ol>{nav}</ol></nav>
<div class="ns-grid">
<div class="ns-main">{main}</div>
<div class="ns-side"><div class="widget"><h4>{sidebar_title}</h4>{sidebar}</div>
<div class="widget weather"><h4>Weather</h4><p>Local forecasts for 120 towns.</p></div></div>
</div>
<footer class="ns-footer"><p>Northstar Bulletin &middot; {year} &middot;
<a href="{home}#apps">Get the app</a> &middot; <a href="{home}#tips">Send us a tip</a></p>
</footer>
<aside class="cookie-note"><p>Cookies help us deliver the Bulletin. By using the site you
agree to our use of cookies.</p><a href="{home}#cookies">Learn more</a> <button>OK</button></aside>
</body>
</html>
""",
    article="""<article class="bulletin-item">
<div class="label">{section_label}</div>
<h1>{headline}</h1>
<div class="info"><time datetime="{iso}">{human}</time> &mdash; {author}</div>
<div class="photo"><img src="{image}" alt="{alt}" width="{width}" height="{height}"></div>
<div class="text">
{body}
</div>
</article>""",
    nav_item='<li><a href="{href}">{label}</a></li>',
    sidebar_title="Trending",
    latest_title="All the latest",
    photo_credit="",
)

_THEMES["signal-circuit"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} // Signal &amp; Circuit</title>
{head}</head>
<body class="sc dark">
<div class="sc-cookies"><p>This site uses first-party cookies only. No trackers, promise.</p>
<button>Fine by me</button></div>
<header class="sc-head"><a class="sc-logo" href="{home}">Signal<span>&amp;</span>Circuit</a>
<nav class="sc-nav">{nav}</nav><form class="sc-search" action="{home}"><input name="q"
placeholder="Search"></form></header>
<div class="sc-wrap">
<main class="sc-main">{main}</main>
<aside class="sc-aside"><h2>{sidebar_title}</h2>{sidebar}<div class="sc-pod"><h2>Podcast</h2>
<p>Circuit Breaker: new episode every Thursday.</p></div></aside>
</div>
<footer class="sc-foot"><p>{tagline}</p><p>Signal &amp; Circuit {year}. Code samples are
MIT licensed.</p><a href="{home}#rss">Feeds</a> <a href="{home}#about">About</a></footer>
</body>
</html>
""",
    article="""<article class="sc-article">
<div class="sc-kicker">{section_label}</div>
<h1 class="sc-title">{headline}</h1>
<p class="sc-lede">{summary}</p>
<div class="sc-meta"><span class="sc-author">{author}</span>
<time datetime="{iso}">{human}</time></div>
<figure><img src="{image}" alt="{alt}" width="{width}" height="{height}"><figcaption>{caption}
</figcaption></figure>
<div class="sc-body">
{body}
</div>
</article>""",
    nav_item='<a href="{href}">{label}</a> ',
    sidebar_title="Most read this week",
    latest_title="Latest",
    photo_credit="Image: Signal & Circuit",
)

_TRENDPULSE_PROMO = """<div class="newsletter-box">
<h3>Never miss a trending story!</h3>
<p>Join 250,000 readers who get the TrendPulse newsletter every morning. It's free!</p>
<form class="newsletter-form" action="/trendpulse/#newsletter" method="post">
<input type="email" name="email" placeholder="Your email address">
<button type="submit">Sign me up</button></form>
</div>"""

_TRENDPULSE_TAIL = """<div class="subscribe-portal">
<p><strong>Subscribe to this portal</strong> and be the first to know what everyone is talking
about. Turn on notifications and never miss a beat!</p>
<a class="btn-subscribe" href="/trendpulse/#subscribe">Subscribe now</a>
</div>
<div class="share-buttons share-bottom"><span>Share this:</span>
<a class="share-facebook" href="/trendpulse/#share-facebook">Facebook</a>
<a class="share-x" href="/trendpulse/#share-x">X</a>
<a class="share-whatsapp" href="/trendpulse/#share-whatsapp">WhatsApp</a>
<a class="share-email" href="/trendpulse/#share-email">Email</a></div>
<div class="related-posts"><h3>You may also like</h3>
<ul>
<li><a href="/trendpulse/#related-1">17 celebrity kitchens you have to see to believe</a></li>
<li><a href="/trendpulse/#related-2">This one stretch will change your mornings forever</a></li>
<li><a href="/trendpulse/#related-3">Why travellers are ditching hotels</a></li>
<li><a href="/trendpulse/#related-4">The 12 funniest signs spotted this year</a></li>
</ul></div>
<div id="comments" class="comments-area">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/trendpulse/#comments" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-comment"><label for="comment">Comment *</label>
<textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Name *</label>
<input id="author" name="author" type="text" size="30" required></p>
<p class="comment-form-email"><label for="email">Email *</label>
<input id="email" name="email" type="email" size="30" required></p>
<p class="comment-form-url"><label for="url">Website</label>
<input id="url" name="url" type="url" size="30"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"
value="Post Comment"></p>
</form>
</div>"""

_THEMES["trendpulse"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{page_title} - TrendPulse Daily</title>
{head}</head>
<body class="post-template-default single single-post wp-theme-pulse">
<div class="gdpr-popup" id="gdpr"><p>We value your privacy. We and our 143 partners use cookies
to show you personalised ads and content.</p><button class="accept">ACCEPT</button>
<button class="more">MORE OPTIONS</button></div>
<div class="top-ad"><span>Advertisement</span></div>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title">
<a href="{home}" rel="home">TrendPulse Daily</a></p><p class="site-description">{tagline}</p>
</div><nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
{nav}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">{main}</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">{sidebar_title}</h2>{sidebar}</section>
<section class="widget widget_ad"><span>Advertisement</span></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; {year} TrendPulse Daily.
All rights reserved. <a href="{home}#dmca">DMCA</a> | <a href="{home}#privacy">Privacy Policy</a>
| <a href="{home}#contact">Contact Us</a></div></footer>
</body>
</html>
""",
    article="""<article class="post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header"><span class="cat-links">{section_label}</span>
<h1 class="entry-title">{headline}</h1>
<div class="entry-meta"><span class="byline">by <span class="author vcard">{author}</span></span>
<span class="posted-on"><time class="entry-date published" datetime="{iso}">{human}</time>
</span></div></header>
<div class="post-thumbnail"><img src="{image}" alt="{alt}" width="{width}" height="{height}">
</div>
<div class="entry-content">
<div class="share-buttons share-top"><a class="share-facebook" href="/trendpulse/#share-facebook">
Share on Facebook</a> <a class="share-x" href="/trendpulse/#share-x">Share on X</a></div>
{body_top}
"""
    + _TRENDPULSE_PROMO
    + """
{body_rest}
"""
    + _TRENDPULSE_TAIL
    + """
</div>
</article>""",
    nav_item='<li class="menu-item"><a href="{href}">{label}</a></li>',
    sidebar_title="Trending Now",
    latest_title="Hot right now",
    photo_credit="",
)

_THEMES["pitchside"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} | Pitchside Report</title>
{head}</head>
<body id="pitchside">
<header class="ps-header"><div class="ps-scores">Live scores &middot; Fixtures &middot; Tables</div>
<h2 class="ps-logo"><a href="{home}">PITCHSIDE<em>report</em></a></h2>
<nav class="ps-nav"><a href="{home}">Home</a> <a href="{home}#football">Football</a>
<a href="{home}#tennis">Tennis</a> <a href="{home}#athletics">Athletics</a>
<a href="{home}#rugby">Rugby</a> <a href="{home}#more">More sports</a></nav></header>
<div class="ps-container">
<aside class="ps-side"><h3>{sidebar_title}</h3>{sidebar}<div class="ps-table"><h3>League table</h3>
<p>Updated after every match.</p></div></aside>
<section class="ps-content">{main}</section>
</div>
<footer class="ps-footer"><p>{tagline}. Pitchside Report &copy; {year}.</p><p>
<a href="{home}#responsible-gambling">Responsible gambling</a> &middot;
<a href="{home}#contact">Contact the sports desk</a></p></footer>
<div class="ps-cookie" role="alertdialog"><p>Pitchside uses cookies for live score
preferences and analytics.</p><button>Accept</button><button>Reject</button></div>
</body>
</html>
""",
    article="""<article class="match-report">
<h1>{headline}</h1>
<div class="ps-byline"><time datetime="{iso}">{human}</time> | By {author}</div>
<img class="ps-photo" src="{image}" alt="{alt}" width="{width}" height="{height}">
<div class="ps-report">
{body}
</div>
<p class="ps-tags">Filed under: {section_label}</p>
</article>""",
    nav_item="",
    sidebar_title="Latest results",
    latest_title="Top stories",
    photo_credit="",
)

_THEMES["wayfarer"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} · The Wayfarer</title>
{head}</head>
<body class="wayfarer journal">
<header class="wf-header"><h1 class="wf-title"><a href="{home}">The Wayfarer</a></h1>
<p class="wf-motto">{tagline}</p><nav class="wf-nav"><ul>{nav}
<li><a href="{home}#guides">Guides</a></li></ul></nav></header>
<div class="wf-body">
<div class="wf-article-area">{main}</div>
<aside class="wf-sidebar"><div class="wf-box"><h3>{sidebar_title}</h3>{sidebar}</div>
<div class="wf-box"><h3>About The Wayfarer</h3><p>Slow travel writing from people who stay a
little longer.</p></div></aside>
</div>
<footer class="wf-footer"><p>The Wayfarer &middot; Printed quarterly, published daily &middot;
{year}</p><p><a href="{home}#submissions">Submissions</a> &middot;
<a href="{home}#privacy">Privacy &amp; cookies</a></p></footer>
<div class="wf-cookie-notice"><p>The Wayfarer remembers your reading list with a cookie. That is
all it remembers.</p><button>Understood</button></div>
</body>
</html>
""",
    article="""<article class="wf-story">
<figure class="wf-hero"><img src="{image}" alt="{alt}" width="{width}" height="{height}">
<figcaption>{caption}</figcaption></figure>
<header><p class="wf-section">{section_label}</p><h1>{headline}</h1>
<p class="wf-summary">{summary}</p>
<p class="wf-meta">Words by {author}, <time datetime="{iso}">{human}</time></p></header>
<div class="wf-text">
{body}
</div>
</article>""",
    nav_item='<li><a href="{href}">{label}</a></li>',
    sidebar_title="Recently published",
    latest_title="New on The Wayfarer",
    photo_credit="Illustration for The Wayfarer",
)

_THEMES["weekly-wag"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} | The Weekly Wag</title>
{head}</head>
<body>
<div class="wag-cookie"><p>Yes, we have cookies. No, you can't eat them.</p>
<button>Fair enough</button></div>
<header class="wag-top"><a class="wag-logo" href="{home}">The Weekly Wag</a>
<span class="wag-tag">{tagline}</span></header>
<nav class="wag-nav"><ul>{nav}<li><a href="{home}#listings">Gig listings</a></li></ul></nav>
<div class="wag-columns">
<div class="wag-main">{main}</div>
<div class="wag-side"><h3>{sidebar_title}</h3>{sidebar}<div class="wag-joke"><h3>Joke of the
week</h3><p>Sent in by readers, judged by a panel of very tired editors.</p></div></div>
</div>
<footer class="wag-foot"><p>The Weekly Wag &copy; {year}. All jokes reserved.</p>
<p><a href="{home}#about">About</a> | <a href="{home}#contact">Contact</a></p></footer>
</body>
</html>
""",
    article="""<article class="wag-post">
<h1 class="wag-headline">{headline}</h1>
<p class="wag-byline">{author} &middot; <time datetime="{iso}">{human}</time>
&middot; {section_label}</p>
<p class="wag-standfirst">{summary}</p>
<img src="{image}" alt="{alt}" width="{width}" height="{height}">
<div class="wag-body">
{body}
</div>
</article>""",
    nav_item='<li><a href="{href}">{label}</a></li>',
    sidebar_title="Most chuckled",
    latest_title="This week",
    photo_credit="",
)

_THEMES["valley-wire"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} - Valley Wire Service</title>
{head}</head>
<body class="vw">
<header class="vw-header"><a class="vw-mark" href="{home}">VALLEY WIRE</a>
<span class="vw-slogan">{tagline}</span><nav class="vw-sections">{nav}</nav></header>
<div class="vw-page">
<main class="vw-main">{main}</main>
<aside class="vw-aside"><h2>{sidebar_title}</h2>{sidebar}<h2>For clients</h2><p>Licensed
members may republish wire copy in full with credit.</p></aside>
</div>
<footer class="vw-footer">Valley Wire Service &copy; {year}. All rights reserved.
<a href="{home}#licensing">Licensing</a> <a href="{home}#standards">Editorial standards</a>
</footer>
<div id="vw-consent" class="vw-consent"><p>We use strictly necessary cookies and, with your
consent, analytics cookies.</p><button>Accept</button> <button>Necessary only</button></div>
</body>
</html>
""",
    article="""<article class="vw-story">
<h1>{headline}</h1>
<div class="vw-info"><span class="vw-author">By {author}</span>
<time datetime="{iso}">{human}</time><span class="vw-topic">{section_label}</span></div>
<figure><img src="{image}" alt="{alt}" width="{width}" height="{height}">
<figcaption>{caption}</figcaption></figure>
<div class="vw-text">
{body}
</div>
</article>""",
    nav_item='<a href="{href}">{label}</a> ',
    sidebar_title="Latest wire",
    latest_title="Wire headlines",
    photo_credit="Valley Wire graphic",
)

_THEMES["el-faro"] = _Theme(
    shell="""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{page_title} | El Faro del Sur</title>
{head}</head>
<body class="faro">
<div class="aviso-cookies"><p>Utilizamos cookies propias y de terceros para mejorar nuestros
servicios. Si continúa navegando, consideramos que acepta su uso.</p>
<button>Aceptar</button></div>
<header class="cabecera"><a class="logo" href="{home}">El Faro del Sur</a>
<p class="lema">{tagline}</p><nav class="menu-secciones"><ul>{nav}</ul></nav></header>
<div class="contenedor">
<main class="principal">{main}</main>
<aside class="lateral"><h3>{sidebar_title}</h3>{sidebar}<div class="suscripcion"><h3>Edición
impresa</h3><p>Cada mañana en su quiosco.</p></div></aside>
</div>
<footer class="pie"><p>El Faro del Sur &copy; {year}. Calle del Muelle 3, Puerto Alba.</p>
<p><a href="{home}#aviso-legal">Aviso legal</a> · <a href="{home}#privacidad">Privacidad</a>
</p></footer>
</body>
</html>
""",
    article="""<article class="noticia">
<p class="antetitulo">{section_label}</p>
<h1 class="titulo">{headline}</h1>
<p class="entradilla">{summary}</p>
<p class="firma">{author} · <time datetime="{iso}">{human}</time></p>
<figure><img src="{image}" alt="{alt}" width="{width}" height="{height}">
<figcaption>{caption}</figcaption></figure>
<div class="cuerpo">
{body}
</div>
</article>""",
    nav_item='<li><a href="{href}">{label}</a></li>',
    sidebar_title="Lo más leído",
    latest_title="Últimas noticias",
    photo_credit="Ilustración: El Faro",
)

_SIDEBAR_ITEMS = 5
_HOME_ITEMS = 60


def render_article(wire: Wire, article: WireArticle, base: str) -> str:
    outlet = wire.outlet(article.outlet)
    theme = _THEMES[outlet.slug]
    paragraphs = article.body_html.split("\n")
    # Promos interrupt a story after its second paragraph, where readers are hooked.
    main = theme.article.format(
        section_label=_section_label(outlet, article.section),
        headline=escape(article.title),
        summary=escape(article.summary),
        author=escape(article.author),
        iso=_iso(article.published),
        human=_DATE_STYLES[outlet.slug](article.published),
        image=escape(base + article.image_path),
        alt=escape(article.title),
        width=WIDTH,
        height=HEIGHT,
        caption=escape(theme.photo_credit),
        body=article.body_html,
        body_top="\n".join(paragraphs[:2]),
        body_rest="\n".join(paragraphs[2:]),
    )
    head = (
        f'<link rel="canonical" href="{escape(base + article.url_path)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{escape(article.title)}">\n'
        f'<meta property="og:image" content="{escape(base + article.image_path)}">\n'
        f'<meta property="article:published_time" content="{_iso(article.published)}">\n'
        f'<meta name="author" content="{escape(article.author)}">\n' + _discovery_link(outlet, base)
    )
    others = [a for a in wire.articles_of(outlet.slug) if a is not article]
    return _page(wire, outlet, base, article.title, head, main, others)


def render_home(wire: Wire, outlet: Outlet, base: str) -> str:
    theme = _THEMES[outlet.slug]
    articles = wire.articles_of(outlet.slug)
    items = "\n".join(
        f'<li class="teaser" data-section="{a.section}"><a href="{escape(a.url_path)}">'
        f'{escape(a.title)}</a> <time datetime="{_iso(a.published)}">'
        f"{_DATE_STYLES[outlet.slug](a.published)}</time><p>{escape(a.summary)}</p></li>"
        for a in articles[:_HOME_ITEMS]
    )
    main = f'<section class="latest"><h1>{theme.latest_title}</h1>\n<ul>\n{items}\n</ul></section>'
    return _page(wire, outlet, base, outlet.tagline, _discovery_link(outlet, base), main, articles)


def render_directory(wire: Wire, base: str) -> str:
    rows = "\n".join(
        f'<li><a href="{o.home_path}">{escape(o.name)}</a> &mdash; {escape(o.tagline)} '
        f'(<a href="{o.feed_path}">{o.feed_kind} feed</a>, '
        f"{len(wire.articles_of(o.slug))} articles)</li>"
        for o in wire.outlets
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Herald demo newswire</title></head>
<body>
<h1>Herald demo newswire</h1>
<p>Fictional outlets publishing made-up news, served on this machine so that a new Herald has
something to read. Everything here was written for the project.</p>
<ul>
{rows}
</ul>
</body>
</html>
"""


def _page(wire, outlet, base, title, head, main, sidebar_articles) -> str:
    theme = _THEMES[outlet.slug]
    nav = "".join(
        theme.nav_item.format(
            href=f"{outlet.home_path}#{s}", label=escape(_section_label(outlet, s))
        )
        for s in outlet.sections
    )
    sidebar = (
        '<ol class="popular">'
        + "".join(
            f'<li><a href="{escape(a.url_path)}">{escape(a.title)}</a></li>'
            for a in sidebar_articles[:_SIDEBAR_ITEMS]
        )
        + "</ol>"
    )
    return theme.shell.format(
        lang=outlet.language,
        page_title=escape(title),
        head=head,
        home=outlet.home_path,
        tagline=escape(outlet.tagline),
        nav=nav,
        main=main,
        sidebar=sidebar,
        sidebar_title=theme.sidebar_title,
        year=wire.anchor.year,
    )


def _discovery_link(outlet: Outlet, base: str) -> str:
    return (
        f'<link rel="alternate" type="{_DISCOVERY_TYPES[outlet.feed_kind]}" '
        f'title="{escape(outlet.name)}" href="{escape(base + outlet.feed_path)}">\n'
    )


def _section_label(outlet: Outlet, section: str) -> str:
    if outlet.language == "es":
        return _SECCIONES[section]
    return SECTION_LABELS[section]
