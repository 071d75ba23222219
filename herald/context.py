"""Template context every page gets."""

from django.conf import settings


def site(request):
    return {"site_name": settings.SITE_NAME, "base_url": settings.BASE_URL}
