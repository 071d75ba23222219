"""An editor's post as readers see it."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import EditorProfile, Post, Section, Tag
from articles.posts import save_post
from articles.tests.pages import picture
from portal.tests.markup import inline_code

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ana", is_staff=True)
    EditorProfile.objects.create(user=user, byline="Ana Ruiz, Editor")
    return user


def publish(editor, **fields) -> Post:
    values = {
        "title": "Why we cover the harbour",
        "body": "## The pier\n\nIt has been *closed* for two years.",
        "status": Post.Status.PUBLISHED,
    }
    return save_post(Post(**(values | fields)), user=editor, now=NOW)


def test_a_post_page_shows_title_byline_date_and_body(client, editor):
    post = publish(editor)
    response = client.get("/posts/why-we-cover-the-harbour/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Why we cover the harbour</h1>" in page
    assert "Ana Ruiz, Editor" in page
    assert f'<time datetime="{NOW.isoformat()}">4 May 2026, 09:00</time>' in page
    assert post.body_html in page and "<em>closed</em>" in page


def test_a_post_page_shows_its_section_and_tags(client, editor):
    post = publish(editor, section=Section.objects.get(slug="politics"))
    post.tags.add(Tag.objects.create(name="Harbour board"))
    page = client.get(post.get_absolute_url()).content.decode()
    assert '<a href="/section/politics/">Politics</a>' in page
    assert "Harbour board" in page


def test_a_post_page_describes_its_lead_image(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = SimpleUploadedFile("pier.jpg", picture(320, 180), content_type="image/jpeg")
    post = publish(editor, lead_image=image, lead_image_alt="The cracked north pier at low tide")
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'<img src="{post.lead_image.url}" alt="The cracked north pier at low tide">' in page


def test_a_post_page_escapes_the_title(client, editor):
    post = publish(editor, title="Pier & <b>port</b>", slug="pier")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Pier &amp; &lt;b&gt;port&lt;/b&gt;" in page


def test_a_published_post_has_no_preview_banner(client, editor):
    post = publish(editor)
    assert "not public" not in client.get(post.get_absolute_url()).content.decode()


def test_an_unknown_post_is_404(client, db):
    assert client.get("/posts/nothing/").status_code == 404


def test_a_post_page_carries_no_inline_script_or_style(client, editor):
    page = client.get(publish(editor).get_absolute_url()).content.decode()
    assert inline_code(page) == []
