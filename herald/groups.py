"""The desk's two groups: editors run the newsroom (sources, articles, sections, stories, posts,
takedowns); site admins also decide who may use the desk. Made after every migrate."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Editors"
SITE_ADMINS = "Site admins"
# Every model of these apps. The newsroom's later apps are named already: an app that is not
# installed has no permissions, so it adds nothing until it is.
EDITOR_APPS = ["sources", "articles", "portal", "newsletter", "discussion"]
SITE_ADMIN_APPS = ["auth"]


def create_groups(apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Make both groups and grant what they may do. Safe to run again: it only adds, so a
    permission a site admin granted by hand is kept."""
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth is not migrated yet
        return
    editing = Permission.objects.using(using).filter(content_type__app_label__in=EDITOR_APPS)
    admin = Permission.objects.using(using).filter(content_type__app_label__in=SITE_ADMIN_APPS)
    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    editors.permissions.add(*editing)
    site_admins, _ = Group.objects.using(using).get_or_create(name=SITE_ADMINS)
    site_admins.permissions.add(*editing, *admin)
