from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

admin.site.site_header = admin.site.site_title = "Herald desk"
admin.site.index_title = "Editors' desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("portal.urls")),
]


# The embedded default serves stored lead images itself; their names carry a content hash, so
# they never change and may be cached for good. Scale-out serves media from its storage.
@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media))
