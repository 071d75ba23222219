"""Backups and moving house: `export_archive` writes the whole site into one zip file (a manifest,
the sources as OPML, the data as Django's JSON Lines model by model, the stored media), and
`import_archive` restores such a file into an empty database of either kind, all or nothing."""

import io
import json
import os
import time
import zipfile
import zlib
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Prefetch
from django.utils import timezone

from portal import caching
from sources.models import Source
from sources.opml import export_opml

FORMAT, VERSION = "herald-archive", 1
MANIFEST, OPML, MEDIA = "manifest.json", "sources.opml", "media/"

# What the archive holds, in load order: what a row refers to comes first. (Foreign keys are
# checked at commit, so the order matters only to natural keys, which are looked up as rows
# load; it also makes the archive read top to bottom.) Labels of apps that are not installed
# are skipped.
EXPORTED = [
    "auth.group",
    "auth.user",
    # The editors' second factors, where two-factor sign-in is installed.
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "otp_static.statictoken",
    "articles.editorprofile",
    "sources.source",
    "sources.takedown",
    "articles.section",
    "articles.sectionrule",
    "newsletter.sectionmail",
    "discussion.moderation",
    "articles.tag",
    "articles.story",
    "articles.article",
    "articles.relatedarticle",
    # The near-duplicate index and the story profiles are derived from the articles, but no
    # command makes them again: without them, copies of old articles would start new stories.
    "articles.minhashsignature",
    "articles.minhashband",
    "articles.learnedblock",
    # Retrained from the labels anyway (hourly when they change); kept so the moved site sorts
    # articles and scores comments from its first minute.
    "articles.classifierversion",
    "articles.post",
    "portal.sitepage",
    "discussion.thread",
    "discussion.comment",
    "discussion.blocked",
    "discussion.spamfilter",
    "newsletter.subscriber",
    "newsletter.invitation",
    "newsletter.follow",
    "newsletter.sectioncount",
    "admin.logentry",
]
# Every other model, and why it is left out: made again, or a log or a queue of the moment.
LEFT_OUT = {
    "contenttypes.contenttype": "made by migrate (rows refer to it by natural key)",
    "auth.permission": "made by migrate (rows refer to it by natural key)",
    "sessions.session": "transient: editors sign in again",
    "sources.fetchlog": "a log of polls, pruned anyway",
    "sources.hostslot": "requests in flight",
    "newsletter.mailing": "the rounds of mail sent, a log kept with their deliveries",
    "newsletter.delivery": "mail sent (a log) or queued: export once the sender is idle",
    "axes.accessattempt": "sign-in attempts, transient",
    "axes.accessattemptexpiration": "sign-in attempts, transient",
    "axes.accesslog": "a log of sign-ins",
    "axes.accessfailurelog": "a log of failed sign-ins",
}
# Not models, and not in the archive either: the task queue and its results, the page cache and
# the search index (rebuilt by the import).
# What a fresh `herald migrate` seeds (the starting sections and their mail defaults, the site's
# moderation rules, the about, privacy and imprint pages, the desk's groups): the archive's rows
# replace these, in an otherwise empty database.
SEEDED = [
    "auth.group",
    "articles.section",
    "newsletter.sectionmail",
    "discussion.moderation",
    "portal.sitepage",
]
# Rows per query and per insert: articles carry their whole text, so a few hundred at a time.
BATCH = 500


class ArchiveError(Exception):
    """The archive cannot be restored here; nothing was written. The message says why."""


def exported_models() -> list[type[models.Model]]:
    return _models(EXPORTED)


def _models(labels) -> list[type[models.Model]]:
    """The models of these labels, but for those of apps that are not installed."""
    return [apps.get_model(label) for label in labels if _installed(label)]


def _installed(label: str) -> bool:
    """Whether the app of a model label (or a migration's "app.name") is installed."""
    return label.split(".")[0] in {config.label for config in apps.get_app_configs()}


def _by_natural_key(model) -> bool:
    """Content types and permissions are made by migrate, with other ids in another database:
    rows that refer to them (groups, users, the desk's log) name them by natural key instead."""
    related = {
        f.related_model for f in model._meta.get_fields() if f.is_relation and not f.auto_created
    }
    return bool({ContentType, Permission} & related)


def data_file(label: str) -> str:
    return f"data/{label}.jsonl"


# --- export ---------------------------------------------------------------------------------


def export_archive(path: str | Path) -> dict:
    """Write the site into a zip file at `path` (whole or not at all: it is written beside under
    another name first) and return its manifest."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        # Only its owner may read it: it holds password hashes and readers' addresses.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with (
            open(descriptor, "wb") as file,
            zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive,
            _snapshot(),
        ):
            manifest = _write(archive)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


@contextmanager
def _snapshot():
    """One consistent view of a site that goes on running meanwhile: without it, a comment saved
    halfway through could name an article the archive does not hold."""
    if connection.in_atomic_block:  # the caller's transaction is the view
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        # A deferred read transaction: in WAL mode it keeps its snapshot while workers write.
        # (atomic() would BEGIN IMMEDIATE, as configured, and hold the write lock throughout.)
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")


def _write(archive: zipfile.ZipFile) -> dict:
    counts = {}
    for model in exported_models():
        label = model._meta.label_lower
        with io.TextIOWrapper(_member(archive, data_file(label)), encoding="utf-8") as stream:
            counts[label] = _serialize(model, stream)
    archive.writestr(OPML, export_opml(Source.objects.all()))
    files, missing = _write_media(archive)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "herald": version("herald"),
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "counts": counts,
        "media": {"files": files, "missing": missing},
        "migrations": sorted(f"{app}.{name}" for app, name in _applied_migrations()),
        "left_out": LEFT_OUT,
    }
    archive.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
    return manifest


def _member(archive: zipfile.ZipFile, name: str, compress: bool = True):
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    # Its size is not known beforehand and may pass 2 GiB on a big site.
    return archive.open(info, "w", force_zip64=True)


def _serialize(model, stream) -> int:
    """Write the model's rows in id order, a batch at a time; return how many."""
    natural = _by_natural_key(model)
    rows = model._base_manager.order_by("pk")
    # The many-to-many ids of a batch in one query each, instead of one query per row.
    rows = rows.prefetch_related(
        *(
            Prefetch(field.name, _joined(field.related_model._base_manager.all(), natural))
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        )
    )
    rows = _joined(rows, natural)
    written = 0

    def counted():
        nonlocal written
        for row in rows.iterator(chunk_size=BATCH):
            written += 1
            yield row

    serializers.serialize("jsonl", counted(), stream=stream, use_natural_foreign_keys=natural)
    return written


def _joined(rows, natural: bool):
    """With natural keys, which are read from the related rows: those joined, not fetched one by
    one."""
    names = [f.name for f in rows.model._meta.concrete_fields if f.is_relation]
    return rows.select_related(*names) if natural and names else rows


def _write_media(archive: zipfile.ZipFile) -> tuple[int, int]:
    """Copy every stored file a row names (lead images and their variants) into media/.
    Returns how many were copied and how many were named but missing from the storage."""
    names = [
        model._base_manager.exclude(**{field.name: ""})
        .order_by()
        .values_list(field.name, flat=True)
        for model in exported_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]
    files = missing = 0
    # UNION: a picture shared by several articles is stored, and copied, once.
    for name in names[0].union(*names[1:]).order_by().iterator() if names else []:
        try:
            source = default_storage.open(name)
        except FileNotFoundError:
            missing += 1
            continue
        # Pictures are compressed already: stored as they are.
        with source, _member(archive, MEDIA + name, compress=False) as target:
            for chunk in source.chunks():
                target.write(chunk)
        files += 1
    return files, missing


def _applied_migrations() -> set[tuple[str, str]]:
    return set(MigrationRecorder(connection).applied_migrations())


# --- import ---------------------------------------------------------------------------------


def import_archive(path: str | Path) -> dict:
    """Restore an archive into this database, which must be migrated and hold no content. All in
    one transaction: a damaged archive raises ArchiveError and leaves the database as it was.
    Returns the rows loaded per model."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ArchiveError(f"{path} is not a readable archive ({error}): is it complete?") from None
    with archive:
        manifest = _read_manifest(archive)
        _check_schema(manifest)
        written: list[str] = []
        try:
            with transaction.atomic():
                _refuse_content()
                for model in reversed(_models(SEEDED)):
                    model._base_manager.all().delete()
                loaded = {}
                for model in exported_models():
                    label = model._meta.label_lower
                    if label in manifest["counts"]:
                        loaded[label] = _load(archive, model, manifest["counts"][label])
                _check_references()
                _reset_sequences()
                call_command("rebuild_search", stdout=io.StringIO())
                caching.changed()  # every page kept in the page cache is stale
                _restore_media(archive, written)
        except BaseException:
            for name in written:
                default_storage.delete(name)
            raise
    return loaded


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
        format_, version_, counts = manifest["format"], manifest["version"], manifest["counts"]
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise ArchiveError(f"no readable {MANIFEST} ({error}): not a Herald archive") from None
    if format_ != FORMAT:
        raise ArchiveError(f"not a Herald archive: its format is {format_!r}")
    if version_ != VERSION:
        raise ArchiveError(
            f"the archive's format version is {version_!r}; this Herald reads version {VERSION}"
        )
    known = {model._meta.label_lower for model in exported_models()}
    unknown = {label for label, rows in counts.items() if rows} - known
    if unknown:
        raise ArchiveError(f"the archive holds data this Herald does not know: {sorted(unknown)}")
    absent = {data_file(label) for label in counts if label in known} - set(archive.namelist())
    if absent:
        raise ArchiveError(f"the archive is incomplete: {', '.join(sorted(absent))} missing")
    return manifest


def _check_schema(manifest: dict) -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise ArchiveError("the database is not migrated: run `herald migrate` first")
    applied = {f"{app}.{name}" for app, name in _applied_migrations()}
    newer = sorted(
        migration
        for migration in manifest.get("migrations", [])
        if _installed(migration) and migration not in applied
    )
    if newer:
        raise ArchiveError(
            f"the archive was made by a newer Herald (migrations {', '.join(newer[:5])} are not "
            "applied here): upgrade Herald, migrate, then import"
        )


def _refuse_content() -> None:
    held = [
        f"{model._meta.verbose_name_plural}: {model._base_manager.count()}"
        for model in _models(label for label in EXPORTED if label not in SEEDED)
        if model._base_manager.exists()
    ]
    if held:
        raise ArchiveError(
            f"the database already holds content ({'; '.join(held)}): an archive is restored "
            "into an empty one only. Create a new database, run `herald migrate`, then "
            "`herald import` (before `herald run`, which adds the first editor)"
        )


def _load(archive: zipfile.ZipFile, model, expected: int) -> int:
    """Insert one data file's rows, a batch at a time; return how many."""
    name = data_file(model._meta.label_lower)
    rows = 0
    try:
        with io.TextIOWrapper(archive.open(name), encoding="utf-8") as stream:
            batch = []
            for item in serializers.deserialize("jsonl", stream):
                if type(item.object) is not model:
                    raise ArchiveError(f"a {item.object._meta.label_lower} row")
                batch.append(item)
                if len(batch) == BATCH:
                    rows += _insert(model, batch)
                    batch = []
            rows += _insert(model, batch)
    except (ArchiveError, serializers.base.DeserializationError, DatabaseError) as error:
        raise ArchiveError(f"{name}: {error}") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{name} is damaged: {error}") from error
    if rows != expected:
        raise ArchiveError(f"{name} holds {rows} rows, the manifest {expected}: it is damaged")
    return rows


def _insert(model, items: list) -> int:
    """Insert the rows as they are: raw, as loaddata saves them, so that no save() or signal
    runs and auto_now fields keep their dates (bulk_create would stamp them with now), but a
    batch per query where loaddata makes a query or two per row."""
    if not items:
        return 0
    objects = [item.object for item in items]
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, objects)  # the database's limit of parameters
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start : start + size], fields=fields, raw=True)
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = [
            through(**{source: item.object.pk, target: pk})
            for item in items
            for pk in item.m2m_data.get(field.name, [])
        ]
        through._base_manager.bulk_create(links, batch_size=BATCH)
    return len(items)


def _check_references() -> None:
    # Foreign keys are checked at commit; checked now, a dangling one is named in the error.
    try:
        connection.check_constraints()
    except DatabaseError as error:
        raise ArchiveError(f"the archive's rows do not fit together: {error}") from error


def _reset_sequences() -> None:
    """Rows came with their ids: the next ids must follow them (PostgreSQL's sequences; SQLite
    moves on by itself). As loaddata does."""
    statements = connection.ops.sequence_reset_sql(no_style(), exported_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _restore_media(archive: zipfile.ZipFile, written: list[str]) -> None:
    """Put the archive's media into the storage, noting each file written (to remove it again if
    the import fails after all). A file already there under its name is kept."""
    for info in archive.infolist():
        if not info.filename.startswith(MEDIA) or info.is_dir():
            continue
        name = info.filename.removeprefix(MEDIA)
        if default_storage.exists(name):
            continue
        try:
            with archive.open(info) as content:
                saved = default_storage.save(name, File(content, name))
        except (zipfile.BadZipFile, zlib.error, EOFError, SuspiciousFileOperation) as error:
            raise ArchiveError(f"{info.filename} is damaged: {error}") from error
        written.append(saved)
        if saved != name:
            raise ArchiveError(f"the media storage stored {name} as {saved}")
