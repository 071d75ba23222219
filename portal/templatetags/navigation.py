"""The site's navigation, on every page that extends base.html, whichever view renders it."""

from django import template
from django.conf import settings

from articles.models import Section

register = template.Library()


@register.simple_tag
def nav_sections():
    """The active sections, in the editors' order; merged ones live on in another."""
    return Section.objects.filter(is_active=True, merged_into__isnull=True).only("name", "slug")


@register.simple_tag
def brand() -> str:
    """The site's name, for the page shown when something broke: it has no context processors."""
    return settings.SITE_NAME
