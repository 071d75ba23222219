"""Head tags for discovery: feed links on every page; canonical link, social cards and
NewsArticle data on article and post pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Article
from portal import discovery

register = template.Library()

# What could end the data block early or open markup inside it, as Django's json_script escapes.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("portal/_feed_links.html", takes_context=True)
def feed_links(context):
    """The site's feeds, and the section's, tag's or outlet's on the page about one."""
    shown = next(
        (context[name] for name in ("section", "tag", "source") if context.get(name)), None
    )
    return {"links": discovery.feed_links(shown)}


@register.inclusion_tag("portal/_card.html", takes_context=True)
def card(context, item):
    """Canonical link, Open Graph, Twitter card and JSON-LD for an article or a post."""
    made = discovery.article_card(item) if isinstance(item, Article) else discovery.post_card(item)
    return {"card": made, "site_name": context.get("site_name")}


@register.filter
def json_ld(data: dict):
    """JSON-LD in its data block: the only script a page carries, and never run."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
