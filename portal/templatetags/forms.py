"""Forms on cached pages: `{% cache_safe_form_token %}` stands where `{% csrf_token %}` would, and
the token is fetched when the form is used (see portal/csrf.py)."""

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from portal.csrf import MARKER

register = template.Library()


@register.simple_tag
def cache_safe_form_token() -> str:
    """The marker telling forms.js where to fetch the token, the same for every reader, and the
    script itself: only pages with such a form load it (twice on a page is harmless)."""
    return format_html(
        '<input type="hidden" name="{}" value="1" data-token-url="{}">'
        '<script src="{}" defer></script>',
        MARKER,
        reverse("csrf-token"),
        static("portal/forms.js"),
    )
