"""The desk's groups: editors run the newsroom but not its users; site admins manage users too;
staff in no group see nothing."""

import pytest
from django.contrib.auth.models import Group, Permission

from herald.groups import EDITORS, SITE_ADMINS, create_groups

pytestmark = pytest.mark.django_db

DESK = [
    "/admin/articles/article/",
    "/admin/articles/unsortedarticle/",
    "/admin/articles/story/",
    "/admin/articles/section/",
    "/admin/articles/post/",
    "/admin/sources/source/",
    "/admin/sources/takedown/",
]


@pytest.fixture
def member(client, django_user_model):
    def log_in(*groups: str):
        user = django_user_model.objects.create_user("ana", password="pw", is_staff=True)
        user.groups.set(Group.objects.filter(name__in=groups))
        client.force_login(user)
        return client

    return log_in


@pytest.mark.parametrize("url", DESK)
def test_an_editor_opens_every_page_of_the_desk(member, url):
    assert member(EDITORS).get(url).status_code == 200


def test_an_editor_may_add_a_source_and_a_post(member):
    editor = member(EDITORS)
    assert editor.get("/admin/sources/source/add/").status_code == 200
    assert editor.get("/admin/articles/post/add/").status_code == 200


def test_an_editor_cannot_see_users_or_groups(member):
    editor = member(EDITORS)
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403


def test_a_site_admin_opens_the_desk_too(member):
    site_admin = member(SITE_ADMINS)
    assert all(site_admin.get(url).status_code == 200 for url in DESK)


def test_a_site_admin_adds_a_user(member, django_user_model):
    response = member(SITE_ADMINS).post(
        "/admin/auth/user/add/",
        {"username": "ben", "password1": "a-long-Passphrase-9", "password2": "a-long-Passphrase-9",
         "usable_password": "true"},
    )  # fmt: skip
    assert response.status_code == 302
    assert django_user_model.objects.filter(username="ben").exists()


def test_staff_in_no_group_see_nothing(member):
    nobody = member()
    assert "permission to view or edit anything" in nobody.get("/admin/").content.decode()
    assert all(nobody.get(url).status_code == 403 for url in DESK)


def test_making_the_groups_again_changes_nothing():
    before = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    create_groups()
    assert {g.name: set(g.permissions.all()) for g in Group.objects.all()} == before


def test_making_the_groups_again_keeps_what_a_site_admin_granted():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_user"))
    create_groups()
    assert editors.permissions.filter(codename="view_user").exists()
