"""Posting a comment (in place with JavaScript, by a plain form without), asking for a second
look, and the pages reached from mail: reply notices off, erasure. Pages with a discussion are
cached; these answers never are."""

import json
import secrets
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import Article, Post
from discussion import erase as erasure
from discussion import notify
from discussion.forms import CommentForm
from discussion.models import Comment
from discussion.moderate import Draft, Refused, post_comment, thread_for
from discussion.threads import AUTHOR_COOKIE, REMEMBER_COOKIE, Node, key_digest
from herald.lib import signing
from herald.lib.network import client_ip, network_of
from portal.csrf import seconds_filling

YEAR = 365 * 24 * 3600


def see_other(url: str) -> HttpResponseRedirect:
    """After a POST, the page to GET (303), not the POST again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def target_of(kind: str, pk: int) -> Article | Post:
    if kind == "article":
        return get_object_or_404(Article, pk=pk, is_hidden=False)
    post = get_object_or_404(Post, pk=pk)
    if not post.is_public:
        raise Http404("No such post")
    return post


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def answer(request, target, form, status: int, message: str = ""):
    """A refusal: JSON for the page's script, else the form again with what was typed."""
    if wants_json(request):
        errors = {name: list(e) for name, e in form.errors.items()} if form.errors else {}
        return JsonResponse({"message": message, "errors": errors}, status=status)
    context = {"target": target, "form": form, "message": message}
    return render(request, "discussion/form_page.html", context, status=status)


@never_cache
@require_POST
def post(request, kind: str, pk: int):
    target = target_of(kind, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        form.mark_errors()
        return answer(request, target, form, 400, "Please correct the fields marked below.")
    data = form.cleaned_data
    filling = seconds_filling(request)
    if form.is_robot() or filling is None or filling < settings.COMMENTS_MIN_FILL_SECONDS:
        # A robot is refused without being told which trap it fell into.
        return answer(request, target, form, 400, "Your comment could not be taken. Send it again.")
    thread = thread_for(target)
    parent = None
    if data.get("parent"):
        parent = Comment.objects.filter(pk=data["parent"], thread=thread).first()
    key = request.COOKIES.get(AUTHOR_COOKIE) or secrets.token_urlsafe(24)
    draft = Draft(
        data["name"], data["email"], data["website"], data["body"], parent, data["notify_replies"]
    )
    try:
        comment = post_comment(
            thread, draft, network_of(client_ip(request)), key_digest(key), timezone.now()
        )
    except Refused as refusal:
        return answer(request, target, form, refusal.status, str(refusal))
    if wants_json(request):
        shown = comment.status == Comment.Status.APPROVED
        html = render_to_string(
            "discussion/_comment.html" if shown else "discussion/_own_comment.html",
            {"comment": comment, "node": Node(comment), "discussion": {"closed": False}},
            request,
        )
        body = {"id": comment.pk, "status": comment.status, "html": html}
        response = JsonResponse(body, status=201)
    else:
        response = see_other(f"{target.get_absolute_url()}#comment-{comment.pk}")
    response.set_cookie(AUTHOR_COOKIE, key, max_age=YEAR, httponly=True, samesite="Lax",
                        secure=request.is_secure())  # fmt: skip
    if data["remember"]:
        # URL-encoded, so the cookie needs no quoting the browser's script would have to undo.
        remembered = quote(json.dumps({k: data[k] for k in ("name", "email", "website")}), safe="")
        response.set_cookie(REMEMBER_COOKIE, remembered, max_age=YEAR, samesite="Lax",
                            secure=request.is_secure())  # fmt: skip
    else:
        response.delete_cookie(REMEMBER_COOKIE)
    return response


@never_cache
def reply(request, pk: int):
    """The form under one comment, for readers without JavaScript."""
    parent = get_object_or_404(Comment.objects.select_related("thread"), pk=pk, status="approved")
    target = parent.thread.target
    form = CommentForm(initial={"parent": parent.pk})
    return render(
        request, "discussion/form_page.html", {"target": target, "form": form, "parent": parent}
    )


@never_cache
@require_POST
def second_look(request, pk: int):
    """The author of a held, spam or trashed comment asks a moderator to look again."""
    key = request.COOKIES.get(AUTHOR_COOKIE, "")
    comment = get_object_or_404(Comment, pk=pk, author_key=key_digest(key) if key else "-")
    if comment.status != Comment.Status.APPROVED and comment.second_look is None:
        Comment.objects.filter(pk=pk).update(second_look=timezone.now())
    if wants_json(request):
        return JsonResponse({"asked": True})
    return see_other(f"{comment.thread.target.get_absolute_url()}#comment-{pk}")


# --- by mail: reply notices turned off, comments erased by their author ------------------------


@never_cache
@csrf_exempt  # a mail client's one-click POST carries no CSRF token: the signed link is the proof
def replies_off(request, token: str):
    """GET: a page with one button (a link scanner's visit changes nothing). POST, from that
    button or from the reader's mail client (List-Unsubscribe=One-Click): no more notices."""
    if request.method == "POST":
        done = notify.replies_off(token) is not None
        return render(
            request, "discussion/replies_off.html", {"done": done, "works": done},
            status=200 if done else 400,
        )  # fmt: skip
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    works = signing.read_token("replies", token) is not None
    return render(
        request, "discussion/replies_off.html", {"works": works}, status=200 if works else 400
    )


@never_cache
def erase_request(request):
    """A commenter asks for the link that erases their comments. The answer is the same whether
    the address has comments or not."""
    if request.method == "POST":
        typed = request.POST.get("email", "")
        to = erasure.address(typed)
        if to is None:
            context = {"email": typed, "error": "Please enter a valid email address."}
            return render(request, "discussion/erase.html", context, status=400)
        erasure.request_erasure(to, timezone.now())
        return render(request, "discussion/erase_sent.html", {"hours": notify.ERASE_LINK_HOURS})
    return render(request, "discussion/erase.html")


@never_cache
def erase_confirm(request, token: str):
    """GET: the page with the button; POST: the comments of the link's address are erased."""
    to = erasure.address_from(token)
    if to is None:
        return render(request, "discussion/erase_expired.html", status=400)
    if request.method == "POST":
        erasure.erase(to)
        return render(request, "discussion/erase_done.html")
    return render(request, "discussion/erase_confirm.html")
