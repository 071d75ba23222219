"""The page cache: an anonymous reader's page is kept whole, dropped as soon as something it shows
changes, and marked so a shared cache in front (nginx, a CDN) may keep it for a while too."""

import hashlib
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from articles.signals import articles_changed

# The URL namespaces whose pages are the same for every reader without a session.
CACHED_NAMESPACES = {"portal"}
# What pages show: a save or delete of any of these makes every page new. Comments count through
# their thread, saved whenever its shown comments change (discussion.moderate.recount): a comment
# held for moderation changes no public page.
SHOWN = [
    "articles.Article", "articles.Story", "articles.Section", "articles.Tag", "articles.Post",
    "sources.Source", "portal.SitePage", "discussion.Thread",
]  # fmt: skip
GENERATION_KEY = "generation"
# A reader carrying one of these sees pages made for them: a session (an editor), messages
# waiting, or a commenter's own key (their held comments are shown to them alone) or saved
# details (deploy/nginx.conf lists the same cookies).
PERSONAL_COOKIES = [
    settings.SESSION_COOKIE_NAME,
    "messages",
    "herald_commenter",
    "herald_comment_author",
]

# Replaced in tests, which move time on instead of waiting.
clock = time.time


def cache():
    return caches["pages"]


def new_generation() -> str:
    # Random rather than counted: a generation evicted from the cache and made again never
    # repeats an old one whose pages may still be kept.
    return secrets.token_hex(8)


def generation() -> str:
    """The pages' current generation, part of every page's key: a new one makes every page
    kept so far unreachable at once."""
    return cache().get_or_set(GENERATION_KEY, new_generation, timeout=None)


def changed() -> None:
    """Something readers see has changed: every page is made afresh once the change is committed
    (not before, or a page made from the old rows in between would be kept as new). Saves and
    deletes call it through signals; call it yourself after a bulk update()."""
    transaction.on_commit(renew, robust=True)


def renew() -> None:
    cache().set(GENERATION_KEY, new_generation(), timeout=None)


# --- invalidation -------------------------------------------------------------------------------


def watch() -> None:
    """Connect the signals that say a shown thing changed (from PortalConfig.ready)."""
    for label in SHOWN:
        model = apps.get_model(label)
        post_save.connect(saved, sender=model, dispatch_uid=f"pages-saved-{label}")
        # Not on Article: a receiver would make Django load every article whole before
        # deleting a source's thousands; the source's own delete and the desk's log say it.
        if label != "articles.Article":
            post_delete.connect(happened, sender=model, dispatch_uid=f"pages-deleted-{label}")
    article, post = apps.get_model("articles.Article"), apps.get_model("articles.Post")
    for through in (article.tags.through, article.extra_sections.through, post.tags.through):
        m2m_changed.connect(linked, sender=through, dispatch_uid=f"pages-linked-{through._meta}")
    # Every add, change and delete made in the desk is logged: that covers deleted articles and
    # anything editors change that SHOWN misses.
    log_entry = apps.get_model("admin.LogEntry")
    post_save.connect(happened, sender=log_entry, dispatch_uid="pages-desk-log")
    # The pipeline's and the desk's bulk updates send no post_save; they say so themselves.
    articles_changed.connect(happened, dispatch_uid="pages-articles-changed")


def saved(sender, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= unseen_fields(sender):
        return
    changed()


def happened(sender, **kwargs) -> None:
    changed()


def linked(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        changed()


def unseen_fields(model) -> set[str]:
    """Fields kept up to date by the pipeline that no page shows: saving only these changes
    no page (a source's polling bookkeeping, saved after every poll)."""
    if model._meta.label != "sources.Source":
        return set()
    from sources.poll import POLL_FIELDS  # the worker's module: loaded there already

    return set(POLL_FIELDS)


# --- the middleware -----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Pages of CACHED_NAMESPACES, for a GET without a session cookie, come from the page cache
    for up to PAGE_CACHE_SECONDS (less once an edit renews the generation) and go out public, so
    a shared cache may keep them for what remains of that time. A reader with a session cookie
    always gets a fresh, private page. A page that sets a cookie or varies by the request is no
    one else's: never kept. Sits above SessionMiddleware to see what the session adds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if match is None or match.namespace not in CACHED_NAMESPACES:
            return None
        if personal(request):
            request.page_reader = "personal"
            return None
        if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
            return None
        request.page_reader = "anyone"
        request.page_key = page_key(request) if cache_usable() else ""
        kept = cache().get(request.page_key) if request.page_key else None
        if kept is None or clock() - kept["made_at"] >= settings.PAGE_CACHE_SECONDS:
            return None
        response = HttpResponse(kept["content"], status=kept["status"], headers=kept["headers"])
        response.page_kept = True
        mark_public(response, age=clock() - kept["made_at"])
        return response

    def __call__(self, request):
        response = self.get_response(request)
        reader = getattr(request, "page_reader", None)
        if reader is None or getattr(response, "page_kept", False):
            return response
        if reader == "personal" or response.cookies or response.has_header("Vary"):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        # A view that set its own Cache-Control (a draft's preview, robots.txt) decided itself.
        if response.status_code not in (200, 304) or response.has_header("Cache-Control"):
            return response
        made_at = clock()
        mark_public(response, age=0)
        if response.status_code == 200 and not response.streaming:
            if not response.has_header("ETag"):
                set_response_etag(response)
            if not response.has_header("Last-Modified"):
                response.headers["Last-Modified"] = http_date(made_at)
            if request.method == "GET" and request.page_key:
                keep(request.page_key, response, made_at)
        return response


def personal(request) -> bool:
    """A signed-in editor or commenter, or a reader with messages waiting: their own page."""
    cookies = request.COOKIES
    return any(name in cookies for name in PERSONAL_COOKIES)


def cache_usable() -> bool:
    # Inside a transaction opened around the whole request (as the test suite's are) the page
    # may show rows that are rolled back later, and changed() waits for a commit that never
    # comes: such a page is made fresh and not kept.
    return not transaction.get_connection().in_atomic_block


def page_key(request) -> str:
    # Scheme and host too: links in the page are absolute where they must be (feeds, canonical).
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{generation()}:{url}"


def keep(key: str, response: HttpResponse, made_at: float) -> None:
    # Plain values, no class of ours: a page kept by one release is read by the next.
    page = {
        "made_at": made_at,
        "status": response.status_code,
        "headers": {k: v for k, v in response.headers.items() if k != "Cache-Control"},
        "content": response.content,
    }
    cache().set(key, page, timeout=settings.PAGE_CACHE_SECONDS)


def mark_public(response: HttpResponse, age: float) -> None:
    """Shared caches may keep a page `age` seconds old for what remains of PAGE_CACHE_SECONDS,
    browsers for PAGE_BROWSER_SECONDS of that."""
    left = max(0, int(settings.PAGE_CACHE_SECONDS - age))
    browser = min(settings.PAGE_BROWSER_SECONDS, left)
    patch_cache_control(response, public=True, max_age=browser, s_maxage=left)
