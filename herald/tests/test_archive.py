"""`herald export` and `herald import`: a small site made here goes into an archive and comes out
of a fresh database of each kind, through real `herald` processes, row for row; a database with
content, a damaged archive and one of another format version are refused and change nothing."""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import uuid
import zipfile
from datetime import timedelta

import psycopg
import pytest
from django.apps import apps
from django.conf import global_settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from PIL import Image

from articles import images, organize, posts
from articles.models import ClassifierVersion, EditorProfile, Post, Section, SectionRule, Tag
from discussion import moderate
from discussion.models import Blocked, Comment, Moderation, Policy, SpamFilter
from herald.archive import (
    EXPORTED,
    LEFT_OUT,
    MANIFEST,
    OPML,
    ArchiveError,
    export_archive,
    exported_models,
    import_archive,
)
from newsletter import counts, follow, subscribe
from newsletter.tests.helpers import reader
from portal.tests import site
from sources.models import Source, Takedown
from sources.opml import import_opml, parse_opml

PASSWORD = "a long editor's passphrase"
POSTGRES = "postgresql://postgres@127.0.0.1:5432"


def build_site() -> None:
    """A small newsroom as its people made it: an editor, outlets with a rule and a takedown,
    articles organized into stories, with tags and a lead image; a post; a discussion with a
    reply, an editor's answer and a held comment; readers confirmed and not, a household, a
    follow; the desk's log and learned models."""
    now = timezone.now()
    editor = User.objects.create_user("ana", "ana@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    EditorProfile.objects.create(user=editor, byline="Ana Ruiz, Editor")
    if apps.is_installed("django_otp.plugins.otp_totp"):
        apps.get_model("otp_totp.totpdevice").objects.create(user=editor, name="phone")
    harbour = Section.objects.create(name="Harbour", slug="harbour", keywords="port\nships")
    wire, gazette = site.outlet("Wire"), site.outlet("Gazette", display=Source.Display.EXCERPT)
    SectionRule.objects.create(source=wire, pattern="port", section=harbour)
    Takedown.objects.create(host="gone.example", name="Gone", reason="asked to", by="ana")

    lighthouse = "The lighthouse keeper retired after forty years on the rock. " * 12
    first = site.article(wire, 1, title="Harbour board meets", categories=["port"])
    copy = site.article(gazette, 1, title="Harbour board meets")
    other = site.article(gazette, 2, title="Keeper retires", content_text=lighthouse)
    for article in (first, copy, other):
        organize.organize_article(article.pk)
    first.refresh_from_db()
    first.tags.add(Tag.objects.create(name="Harbour board"))
    other.extra_sections.add(harbour)
    picture = io.BytesIO()
    Image.new("RGB", (640, 360), "navy").save(picture, "PNG")
    stored = images.store_image(picture.getvalue())
    first.image, first.image_small, first.image_width = stored.large, stored.small, stored.width
    first.save()

    post = Post(title="Why we cover the port", body="The *port* matters.", section=harbour)
    post.status = Post.Status.PUBLISHED
    posts.save_post(post, user=editor).tags.add(*first.tags.all())

    Moderation.objects.update_or_create(section=None, defaults={"policy": Policy.PUBLISH})
    Blocked.objects.create(kind=Blocked.Kind.WORD, value="casino")
    thread = moderate.thread_for(first)
    said = moderate.post_comment(
        thread, moderate.Draft("Ben", "ben@example.org", "", "Good to see them meet."),
        "203.0.113.0/24", "ben-key", now,
    )  # fmt: skip
    moderate.post_comment(
        thread,
        moderate.Draft("Cy", "cy@example.org", "https://cy.example", "Agreed.", said, True),
        "198.51.100.0/24", "cy-key", now + timedelta(minutes=1),
    )  # fmt: skip
    held = moderate.post_comment(
        thread, moderate.Draft("Dee", "dee@example.org", "", "Win at the casino"),
        "192.0.2.0/24", "dee-key", now + timedelta(minutes=2),
    )  # fmt: skip
    assert held.status == Comment.Status.PENDING and held.reason
    moderate.reply_as_site(said, editor, "Thank you, Ben.", now + timedelta(minutes=3))

    eve = reader("eve@example.org", now, choice="only", sections=[harbour.pk])
    subscribe.sign_up("fay@example.org", subscribe.Choices(), "page", now)
    subscribe.invite(eve, "gus@example.org", now)
    follow.follow("eve@example.org", first.story, now)
    counts.count_sections(now.date())

    LogEntry.objects.create(
        user=editor, content_type=ContentType.objects.get_for_model(Source),
        object_id=str(wire.pk), object_repr=str(wire), action_flag=CHANGE, change_message="[]",
    )  # fmt: skip
    # Made last: a filter in the database would score the comments above.
    ClassifierVersion.objects.create(labels=40, sections=["harbour"], threshold=0.6, model=b"\0c")
    SpamFilter.objects.create(labels=30, labels_digest="d" * 64, threshold=0.9, model=b"\0s")


def counts_of_every_model() -> dict[str, int]:
    return {m._meta.label_lower: m._base_manager.count() for m in apps.get_models()}


# Django writes a time to the millisecond, and with no fraction at all when it has no
# microseconds: 12:00:54.000400 is written "12:00:54.000Z", read back as 12:00:54 and then written
# "12:00:54Z". The same instant at the archive's precision, so compared without the empty fraction.
EMPTY_FRACTION = re.compile(r"(T\d\d:\d\d:\d\d)\.000(?=Z$|[+-]\d\d:\d\d$)")


def records(path) -> dict:
    """Every row of an archive by (model, id); many-to-many lists in sorted order, as the
    databases may list them in another; times without an empty fraction of a second."""
    rows = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.startswith("data/"):
                continue
            for line in archive.read(name).decode().splitlines():
                row = json.loads(line)
                for field in apps.get_model(row["model"])._meta.many_to_many:
                    row["fields"].get(field.name, []).sort()
                for name, value in row["fields"].items():
                    if isinstance(value, str):
                        row["fields"][name] = EMPTY_FRACTION.sub(r"\1", value)
                rows[row["model"], row["pk"]] = row["fields"]
    return rows


def media(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("media/")}


class Rollback(Exception):
    pass


@pytest.fixture
def archive(tmp_path, settings):
    """An archive of the small site, which is then rolled back: the database is empty again."""
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "site.zip"
    with contextlib.suppress(Rollback), transaction.atomic():
        build_site()
        export_archive(path)
        raise Rollback
    return path


def rewritten(path, changes: dict) -> bytes:
    """The archive's bytes with some members changed: name -> function of the old bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, changes[name](data) if name in changes else data)
    return out.getvalue()


# --- the round trip, as real processes ------------------------------------------------------


@contextlib.contextmanager
def fresh_database(kind: str, folder):
    """The DATABASE_URL of a new, empty database: a SQLite file, or a database made on the
    shared PostgreSQL server and dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'moved.sqlite3'}"
        return
    try:
        server = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        message = f"PostgreSQL at 127.0.0.1:5432 does not answer ({error})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"herald_import_{uuid.uuid4().hex[:10]}"
    with server:
        server.execute(f"CREATE DATABASE {name}")
        try:
            yield f"{POSTGRES}/{name}"
        finally:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def herald(env, *args, code: int = 0) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "herald.cli", *args],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == code, f"herald {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


AFTER_THE_MOVE = f"""
import json
from django.contrib.auth.models import User
from articles.models import Section, Tag
from discussion.models import Comment, Thread
from newsletter.models import Subscriber
from portal.search import find
from sources.models import Source
print(json.dumps({{
    "password": User.objects.get(username="ana").check_password({PASSWORD!r}),
    "found": [result.item.title for result in find(["lighthouse"], 1).object_list],
    "new": {{
        "auth.user": User.objects.create_user("ben").pk,
        "sources.source": Source.objects.create(feed_url="https://new.example/", name="N").pk,
        "articles.section": Section.objects.create(name="New", slug="new").pk,
        "articles.tag": Tag.objects.create(name="new").pk,
        "discussion.comment": Comment.objects.create(
            thread=Thread.objects.first(), name="N", email="n@example.org", body="n",
            body_html="n", created_at="2030-01-01T00:00Z",
        ).pk,
        "newsletter.subscriber": Subscriber.objects.create(email="n@example.org").pk,
    }},
}}))
"""


@pytest.mark.process
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_site_moves_into_a_fresh_database_of_either_kind(kind, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The moved site checks passwords with the real hashers, not the tests' quick one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    with fresh_database(kind, tmp_path) as url:
        build_site()
        exported = tmp_path / "site.zip"
        call_command("export", str(exported), stdout=io.StringIO())
        original = records(exported)
        for model in exported_models():
            label = model._meta.label_lower
            rows = {pk for (row_label, pk) in original if row_label == label}
            assert rows == set(model._base_manager.values_list("pk", flat=True)), label
        editor = User.objects.get(username="ana")
        assert original["auth.user", editor.pk]["password"] == editor.password
        assert len(media(exported)) == 2  # the lead image's two variants

        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "herald.settings",
            "DATABASE_URL": url,
            "SECRET_KEY": "archive-test-secret",
            "NEWSWIRE": "0",
            "HERALD_DATA_DIR": str(tmp_path / "moved"),
        }
        env.pop("REDIS_URL", None)
        env.pop("QUEUE_URL", None)
        herald(env, "migrate", "--verbosity", "0")
        herald(env, "import", str(exported))
        refused = herald(env, "import", str(exported), code=1)
        assert "already holds content" in refused.stderr
        moved = tmp_path / "moved.zip"
        herald(env, "export", str(moved))
        after = json.loads(herald(env, "shell", "-v", "0", "-c", AFTER_THE_MOVE).stdout)

    # Every row, field for field, as it left.
    again = records(moved)
    assert again.keys() == original.keys()
    for key, fields in original.items():
        assert again[key] == fields, key
    assert media(moved) == media(exported)
    for name, data in media(exported).items():
        assert (tmp_path / "moved" / name).read_bytes() == data
    # The desk works: the editor's password, the search index, new rows after the old ids.
    assert after["password"] is True
    assert after["found"] == ["Keeper retires"]
    for label, pk in after["new"].items():
        assert pk > max(row_pk for (row_label, row_pk) in original if row_label == label), label


# --- what is refused --------------------------------------------------------------------------


def test_every_model_is_exported_or_left_out_for_a_reason():
    labels = {m._meta.label_lower for m in apps.get_models() if not m._meta.proxy}
    exported = {m._meta.label_lower for m in exported_models()}
    assert labels - exported - set(LEFT_OUT) == set()
    assert not set(EXPORTED) & set(LEFT_OUT)
    # Rows are inserted table by table: a model inheriting another's table would lose fields.
    assert all(not model._meta.parents for model in exported_models())


@pytest.mark.django_db
def test_import_refuses_a_database_that_holds_content(archive):
    Source.objects.create(feed_url="https://kept.example/feed", name="Kept")
    before = counts_of_every_model()
    with pytest.raises(CommandError, match=r"already holds content .*sources: 1"):
        call_command("import", str(archive), stdout=io.StringIO())
    assert counts_of_every_model() == before


def cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def truncated(path) -> bytes:
    return cut_in_half(path.read_bytes())


def flipped_byte(path) -> bytes:
    """A byte in the middle of the articles' compressed data, changed."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("data/articles.article.jsonl")
    # The member's data follows its local header: 30 bytes, its name and an extra field.
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


def cut_record(path) -> bytes:
    """The comments cut off mid-line: the rows before them were loaded, and are undone."""
    return rewritten(path, {"data/discussion.comment.jsonl": cut_in_half})


def missing_record(path) -> bytes:
    """The one tag's line gone: the manifest's count says so."""
    return rewritten(path, {"data/articles.tag.jsonl": lambda data: data.split(b"\n", 1)[1]})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage, message",
    [
        (truncated, "not a readable archive"),
        (flipped_byte, r"data/articles\.article\.jsonl"),
        (cut_record, r"data/discussion\.comment\.jsonl"),
        (missing_record, r"data/articles\.tag\.jsonl holds 0 rows, the manifest 1"),
    ],
)
def test_a_damaged_archive_changes_nothing(archive, tmp_path, damage, message):
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(damage(archive))
    before = counts_of_every_model()
    with pytest.raises(ArchiveError, match=message):
        import_archive(damaged)
    assert counts_of_every_model() == before
    assert before["articles.article"] == 0 and before["articles.section"] > 0  # seeded, kept


@pytest.mark.django_db
def test_an_archive_of_another_format_version_is_refused(archive, tmp_path):
    newer = tmp_path / "newer.zip"

    def version_2(data):
        return json.dumps(json.loads(data) | {"version": 2}).encode()

    newer.write_bytes(rewritten(archive, {MANIFEST: version_2}))
    before = counts_of_every_model()
    with pytest.raises(ArchiveError, match="format version is 2; this Herald reads version 1"):
        import_archive(newer)
    assert counts_of_every_model() == before


@pytest.mark.django_db
def test_the_archives_opml_is_read_by_the_opml_import(archive):
    sources = [
        fields for (label, _), fields in records(archive).items() if label == "sources.source"
    ]
    with zipfile.ZipFile(archive) as opened:
        opml = opened.read(OPML)
    outlines = parse_opml(opml)
    assert {(o.feed_url, o.name) for o in outlines} == {(s["feed_url"], s["name"]) for s in sources}
    assert import_opml(opml).added == len(sources) == Source.objects.count()
