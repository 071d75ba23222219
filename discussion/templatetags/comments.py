"""`{% comments_for article %}`: a page's discussion, with the form to join it."""

from django import template

from discussion.forms import CommentForm
from discussion.threads import AUTHOR_COOKIE, discussion_of

register = template.Library()


@register.inclusion_tag("discussion/_discussion.html", takes_context=True)
def comments_for(context, target):
    request = context.get("request")
    key = request.COOKIES.get(AUTHOR_COOKIE, "") if request is not None else ""
    shown = discussion_of(target, key)
    return {"discussion": shown, "form": CommentForm(), "request": request}
