from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth
from django.urls import URLResolver, include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.csp import csp_override
from django.views.static import serve

from herald.admin import DeskLoginForm
from portal import csrf

admin.site.site_header = admin.site.site_title = "Herald desk"
admin.site.index_title = "Editors' desk"
# The password, then the code of the editor's authenticator app if they have one.
admin.site.login_form = DeskLoginForm
admin.site.login_template = "herald/desk_login.html"


def with_policy(patterns: list, policy: dict) -> list:
    """The patterns, and those they include, answering under their own Content-Security-Policy."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            with_policy(pattern.url_patterns, policy)
        else:
            pattern.callback = csp_override(policy)(pattern.callback)
    return patterns


desk_patterns, desk_app, desk_namespace = admin.site.urls
# A forgotten password, reset by mail: Django's views with the admin's own templates. The desk's
# login page links here because a URL named admin_password_reset exists. Links use BASE_URL.
desk = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
password_reset = [
    path(
        "admin/password_reset/",
        auth.PasswordResetView.as_view(
            extra_context=desk,
            extra_email_context={
                "protocol": urlsplit(settings.BASE_URL).scheme,
                "domain": urlsplit(settings.BASE_URL).netloc,
                "site_name": settings.SITE_NAME,
            },
        ),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth.PasswordResetDoneView.as_view(extra_context=desk),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(extra_context=desk),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        auth.PasswordResetCompleteView.as_view(extra_context=desk),
        name="password_reset_complete",
    ),
]

# A 503 asking to come back when the database is unreachable, else Django's 500 page.
handler500 = "herald.health.server_error"

urlpatterns = [
    # Before the desk, whose last pattern takes every other admin/ address.
    *with_policy(password_reset, settings.DESK_CSP),
    path("admin/", (with_policy(desk_patterns, settings.DESK_CSP), desk_app, desk_namespace)),
    # Never cached: forms on cached pages fetch their reader's token here (portal/csrf.py).
    path("forms/token/", csrf.token, name="csrf-token"),
    path("newsletter/", include("newsletter.urls")),
    path("comments/", include("discussion.urls")),
    path("", include("portal.urls")),
]


# The embedded default serves stored lead images itself; their names carry a content hash, so
# they never change and may be cached for good. Scale-out serves media from its storage.
@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media))
