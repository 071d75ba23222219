"""The site's navigation, on every page that extends base.html, whichever view renders it."""

from django import template

from articles.models import Section

register = template.Library()


@register.simple_tag
def nav_sections():
    """The active sections, in the editors' order; merged ones live on in another."""
    return Section.objects.filter(is_active=True, merged_into__isnull=True).only("name", "slug")
