from django.conf import settings
from django.contrib import admin
from django.urls import URLResolver, include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.decorators.csp import csp_override
from django.views.static import serve

from portal import csrf

admin.site.site_header = admin.site.site_title = "Herald desk"
admin.site.index_title = "Editors' desk"


def with_policy(patterns: list, policy: dict) -> list:
    """The patterns, and those they include, answering under their own Content-Security-Policy."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            with_policy(pattern.url_patterns, policy)
        else:
            pattern.callback = csp_override(policy)(pattern.callback)
    return patterns


desk_patterns, desk_app, desk_namespace = admin.site.urls

urlpatterns = [
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
