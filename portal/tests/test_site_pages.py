"""The about, privacy and imprint pages: seeded with default text, written by editors in the desk
in Markdown, rendered and sanitised, and linked from every page's footer."""

import pytest
from django.contrib.auth.models import Group

from herald.groups import EDITORS
from portal.models import SitePage

pytestmark = pytest.mark.django_db

PAGES = ["/about/", "/privacy/", "/imprint/"]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_is_there_from_the_start(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>" in page and '<div class="body"><p>' in page


def test_every_page_links_them_from_its_footer(client):
    page = client.get("/").content.decode()
    footer = page[page.index("<footer") :]
    for url in PAGES:
        assert f'href="{url}"' in footer


def test_the_body_is_markdown_rendered_and_sanitised(client):
    about = SitePage.objects.get(slug="about")
    about.body = "We are *small*.\n\n<script>alert(1)</script>\n\n[Mail](javascript:alert(1))"
    about.save()
    page = client.get("/about/").content.decode()
    assert "We are <em>small</em>." in page
    assert "<script>alert" not in page and "javascript:" not in page


def test_an_editor_rewrites_a_page_in_the_desk(client, django_user_model):
    user = django_user_model.objects.create_user("ana", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    imprint = SitePage.objects.get(slug="imprint")
    change = f"/admin/portal/sitepage/{imprint.pk}/change/"
    assert client.get("/admin/portal/sitepage/").status_code == 200
    response = client.post(change, {"title": "Imprint", "body": "Published by **Harbour Media**."})
    assert response.status_code == 302
    client.logout()
    assert (
        "Published by <strong>Harbour Media</strong>." in client.get("/imprint/").content.decode()
    )


def test_a_page_cannot_be_deleted_in_the_desk(admin_client):
    about = SitePage.objects.get(slug="about")
    assert admin_client.post(f"/admin/portal/sitepage/{about.pk}/delete/").status_code == 403
    assert SitePage.objects.filter(slug="about").exists()


def test_a_missing_page_is_404(client):
    SitePage.objects.filter(slug="privacy").delete()
    assert client.get("/privacy/").status_code == 404
