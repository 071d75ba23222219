"""Editors' own posts: Markdown made safe, slugs and bylines filled in, drafts kept private,
schedules kept by the scheduler's step, corrections marked, and the desk's screens."""

from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
from django.contrib.auth.models import User

from articles.models import EditorProfile, Post
from articles.posts import publish, publish_due_posts, render, save_post

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ana", password="pw", is_staff=True, first_name="Ana")
    EditorProfile.objects.create(user=user, byline="Ana Ruiz, Editor")
    return user


@pytest.fixture
def reader(db):
    return User.objects.create_user("rita", password="pw")


def write(editor, now=NOW, **fields) -> Post:
    values = {"title": "Harbour pier to be rebuilt", "body": "The board *voted* on Tuesday."}
    return save_post(Post(**(values | fields)), user=editor, now=now)


def edit(post: Post, now: datetime, **fields) -> Post:
    post = Post.objects.get(pk=post.pk)  # as the admin would load it again
    for name, value in fields.items():
        setattr(post, name, value)
    return save_post(post, now=now)


# --- rendering ---------------------------------------------------------------------------------


def test_it_renders_markdown_to_html():
    html = render("Some *words*, a [link](https://x.example/a)\n\n- one\n- two")
    assert "<em>words</em>" in html
    assert '<a href="https://x.example/a"' in html
    assert "<li>one</li>" in html


def test_it_starts_headings_below_the_page_title():
    assert render("# Background").startswith("<h2>Background</h2>")


def test_it_drops_scripts_event_handlers_and_javascript_links():
    html = render(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[click](javascript:alert(3)) ![pic](javascript:alert(4))"
    )
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert "<script" not in html and "javascript:" not in html
    assert tree.xpath("//script") == [] and tree.xpath("//img[@onerror]") == []
    assert all(not attribute.startswith("on") for el in tree.iter() for attribute in el.attrib)


def test_raw_html_is_shown_as_text_never_as_markup():
    html = render('Hello <b>bold</b> <iframe src="https://www.youtube.com/embed/x"></iframe>')
    assert "<b>" not in html and "<iframe" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


# --- saving ------------------------------------------------------------------------------------


def test_it_fills_the_slug_from_the_title(editor):
    assert write(editor).slug == "harbour-pier-to-be-rebuilt"


def test_it_keeps_slugs_unique(editor):
    write(editor)
    assert write(editor).slug == "harbour-pier-to-be-rebuilt-2"


def test_it_keeps_a_slug_the_editor_chose(editor):
    assert write(editor, slug="pier").slug == "pier"


def test_it_stores_the_rendered_body(editor):
    post = write(editor)
    assert Post.objects.get(pk=post.pk).body_html == "<p>The board <em>voted</em> on Tuesday.</p>"


def test_it_makes_the_editor_the_author_of_a_new_post(editor):
    assert write(editor).author == editor


def test_it_takes_the_byline_from_the_authors_profile(editor):
    assert Post.objects.get(pk=write(editor).pk).byline == "Ana Ruiz, Editor"


def test_it_keeps_a_byline_the_editor_wrote(editor):
    assert write(editor, byline="Harbour desk").byline == "Harbour desk"


# --- states ------------------------------------------------------------------------------------


def test_a_draft_is_not_public(client, editor):
    post = write(editor)
    assert post.status == Post.Status.DRAFT and post.published_at is None
    assert client.get(post.get_absolute_url()).status_code == 404


def test_a_published_post_keeps_its_first_publication_time(editor):
    post = write(editor, status=Post.Status.PUBLISHED)
    post = edit(post, NOW + timedelta(hours=1), status=Post.Status.DRAFT)
    post = edit(post, NOW + timedelta(hours=2), status=Post.Status.PUBLISHED)
    assert Post.objects.get(pk=post.pk).published_at == NOW


def test_a_scheduled_post_is_not_published_before_its_time(editor):
    post = write(editor, status=Post.Status.SCHEDULED, publish_at=NOW + timedelta(hours=1))
    assert publish_due_posts(NOW + timedelta(minutes=59)) == 0
    assert Post.objects.get(pk=post.pk).status == Post.Status.SCHEDULED


def test_a_scheduled_post_publishes_itself_at_its_time(client, editor):
    at = NOW + timedelta(hours=1)
    post = write(editor, status=Post.Status.SCHEDULED, publish_at=at)
    assert publish_due_posts(at + timedelta(seconds=30)) == 1
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_at == at
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_due_post_is_published_once_however_often_the_scheduler_runs(editor):
    at = NOW + timedelta(hours=1)
    write(editor, status=Post.Status.SCHEDULED, publish_at=at)
    assert publish_due_posts(at) == 1
    assert publish_due_posts(at + timedelta(minutes=1)) == 0


def test_two_schedulers_racing_for_one_post_publish_it_once(editor):
    at = NOW + timedelta(hours=1)
    post = write(editor, status=Post.Status.SCHEDULED, publish_at=at)
    # Both read the post as due; only the first conditional UPDATE changes it.
    assert [publish(post.pk, at), publish(post.pk, at)] == [True, False]


def test_a_post_scheduled_for_a_time_gone_by_is_published_when_saved(editor):
    post = write(editor, status=Post.Status.SCHEDULED, publish_at=NOW - timedelta(minutes=5))
    assert post.status == Post.Status.PUBLISHED
    assert post.published_at == NOW - timedelta(minutes=5)


def test_a_scheduled_post_needs_a_publish_time(editor):
    with pytest.raises(ValueError):
        write(editor, status=Post.Status.SCHEDULED)


# --- corrections -------------------------------------------------------------------------------


def test_a_correction_note_on_a_published_post_marks_it_corrected(client, editor):
    post = write(editor, status=Post.Status.PUBLISHED)
    later = NOW + timedelta(days=1)
    edit(post, later, body="The board voted on Monday.", correction="The vote was on Monday.")
    post.refresh_from_db()
    assert post.corrected_at == later
    page = client.get(post.get_absolute_url()).content.decode()
    assert "The vote was on Monday." in page and "Correction" in page


def test_an_edit_without_a_note_leaves_the_post_uncorrected(client, editor):
    post = write(editor, status=Post.Status.PUBLISHED)
    edit(post, NOW + timedelta(days=1), body="The board voted, as expected, on Tuesday.")
    post.refresh_from_db()
    assert post.corrected_at is None
    assert "Correction" not in client.get(post.get_absolute_url()).content.decode()


def test_an_edit_keeping_an_old_note_keeps_the_old_correction_time(editor):
    post = write(editor, status=Post.Status.PUBLISHED)
    post = edit(post, NOW + timedelta(days=1), correction="The vote was on Monday.")
    edit(post, NOW + timedelta(days=2), title="Harbour pier to be rebuilt by spring")
    assert Post.objects.get(pk=post.pk).corrected_at == NOW + timedelta(days=1)


def test_a_note_on_a_post_never_published_is_no_correction(editor):
    post = write(editor, correction="Nothing to correct yet.")
    assert edit(post, NOW + timedelta(days=1), body="New text.").corrected_at is None


# --- previews ----------------------------------------------------------------------------------


def test_staff_see_a_draft_with_a_banner_saying_it_is_not_public(client, editor):
    post = write(editor)
    client.force_login(editor)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Draft — not public" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_readers_signed_in_or_not_get_404_for_a_draft(client, editor, reader):
    post = write(editor)
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(reader)
    assert client.get(post.get_absolute_url()).status_code == 404


def test_staff_see_when_a_scheduled_post_will_publish_itself(client, editor):
    post = write(editor, status=Post.Status.SCHEDULED, publish_at=NOW + timedelta(days=3))
    client.force_login(editor)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Scheduled — not public yet." in page and "7 May 2026, 09:00" in page


# --- the desk ----------------------------------------------------------------------------------


def admin_form(**fields) -> dict:
    values = {
        "title": "Ferry timetable changes",
        "slug": "",
        "summary": "",
        "body": "From **Monday**, ferries leave on the hour.",
        "section": "",
        "language": "en",
        "byline": "",
        "lead_image_alt": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "correction": "",
    }
    return values | fields


def test_the_desk_saves_a_new_post_through_the_verb(client, editor):
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    response = client.post("/admin/articles/post/add/", admin_form())
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.author == editor and post.byline == "Ana Ruiz, Editor"
    assert post.slug == "ferry-timetable-changes"
    assert post.body_html == "<p>From <strong>Monday</strong>, ferries leave on the hour.</p>"


def test_the_desk_asks_for_a_time_to_schedule_a_post(admin_client):
    response = admin_client.post("/admin/articles/post/add/", admin_form(status="scheduled"))
    assert response.status_code == 200 and not Post.objects.exists()
    assert "Give the time the post should publish itself." in response.content.decode()


def test_the_desk_shows_the_rendered_body_and_a_link_to_the_page(admin_client, editor):
    post = write(editor, body="A *new* timetable.")
    page = admin_client.get(f"/admin/articles/post/{post.pk}/change/").content.decode()
    assert "A <em>new</em> timetable." in page
    assert "View on site" in page


def test_the_desks_view_on_site_link_leads_to_the_post_page(admin_client, editor):
    from django.contrib.contenttypes.models import ContentType

    post = write(editor)
    kind = ContentType.objects.get_for_model(Post)
    response = admin_client.get(f"/admin/r/{kind.pk}/{post.pk}/")
    assert response["Location"].endswith(post.get_absolute_url())


def test_the_desk_lists_posts_with_their_state_and_finds_them_by_title(admin_client, editor):
    write(editor, title="Ferry timetable changes")
    write(editor, status=Post.Status.SCHEDULED, publish_at=NOW + timedelta(days=1))
    page = admin_client.get("/admin/articles/post/?q=ferry").content.decode()
    assert "Ferry timetable changes" in page and "Harbour pier" not in page
    assert "Draft" in page
