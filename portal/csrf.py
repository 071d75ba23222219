"""CSRF protection for forms on cached pages, whose HTML is the same for every reader and so can
carry no reader's token or cookie.

How a form on a cached page stays protected (subscribe, comment, any later one):

1. The template puts `{% load forms %}{% cache_safe_form_token %}` inside the `<form method="post">`
   instead of `{% csrf_token %}`. It renders a hidden marker field, the same for everyone, and
   the `<script src=… defer>` of portal/static/portal/forms.js (no inline script).
2. With JavaScript, forms.js fetches a token from `token()` below when the form is first focused
   or sent, adds it to the form as csrfmiddlewaretoken, and the POST passes Django's CSRF check
   as any other. The token's answer sets the csrftoken cookie and is never cached; the page the
   form is on stays cached and cookie-free.
3. Without JavaScript the POST arrives without a token (and, the first time, without the cookie).
   Django refuses it and calls `failure()`, which for a marked form answers with a page, never
   cached, that holds the same fields and a real token and asks the reader to press "Send again".
   A POST from another site is refused on its Origin header before that; one sent without an
   Origin lands there too, and goes no further unless the reader presses the button on Herald's
   own page (which no other site may frame).
A second failure on that page (cookies refused) gets Django's own explanation.
"""

import time

from django.core import signing
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# The marker field of a form whose token is fetched; "again" on the send-again page.
MARKER = "cache_safe_form"
# When the reader began to fill the form in, signed: a form sent sooner than a person could is a
# robot's. Given with the token (and by the send-again page), never in the cached HTML.
STARTED = "form_started"
STARTED_SALT = "herald.form-started"


def started_stamp(now: float | None = None) -> str:
    return signing.dumps(int(time.time() if now is None else now), salt=STARTED_SALT)


def seconds_filling(request) -> float | None:
    """How long ago the reader's form was started, or None: no stamp, or a forged one."""
    try:
        started = signing.loads(request.POST.get(STARTED, ""), salt=STARTED_SALT)
    except signing.BadSignature:
        return None
    return time.time() - started if isinstance(started, int) else None


@never_cache
@require_GET
def token(request):
    """A CSRF token for this reader, and the cookie it goes with."""
    return JsonResponse({"token": get_token(request), "started": started_stamp()})


def failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW. A marked form sent without a valid token gets the send-again page;
    everything else, and a form that failed there already, Django's own 403."""
    first_time = request.method == "POST" and request.POST.get(MARKER) == "1"
    # Only a missing or stale token; a request from another origin is refused outright.
    if not (first_time and reason.startswith(("CSRF cookie", "CSRF token"))):
        return csrf_failure(request, reason)
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", MARKER, STARTED)
        for value in values
    ]
    fields.append((STARTED, started_stamp()))
    context = {"fields": fields, "action": request.get_full_path(), "marker": MARKER}
    response = render(request, "portal/send_again.html", context, status=403)
    # The page holds what the reader typed (an email address, a comment): theirs alone.
    add_never_cache_headers(response)
    return response
