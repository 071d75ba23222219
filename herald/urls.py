from django.contrib import admin
from django.urls import include, path

admin.site.site_header = admin.site.site_title = "Herald desk"
admin.site.index_title = "Editors' desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("portal.urls")),
]
