"""What every benchmark starts from: a throwaway Herald (fresh data folder, migrated file-backed
SQLite, no demo newswire) and the process's peak memory."""

import atexit
import os
import resource
import shutil
import sys
import tempfile


def start_herald() -> str:
    """Configure and migrate a Herald in a new temporary folder; returns the folder. Call it
    before importing anything that touches models or settings."""
    data_dir = tempfile.mkdtemp(prefix="herald-bench-")
    atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="herald.settings",
        HERALD_DATA_DIR=data_dir,
        NEWSWIRE="0",
        SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789",
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "ERROR"),  # a poll logs each entry otherwise
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return data_dir


def allow_fetching_from(*urls: str) -> None:
    """Let Herald's HTTP client reach these loopback servers (it refuses private addresses)."""
    from django.conf import settings

    settings.FETCH_ALLOW = [url.split("://", 1)[1].rstrip("/") for url in urls]


def peak_memory_mb() -> float:
    """The most resident memory this process has held so far (ru_maxrss), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes / KB


def throwaway_postgres(url: str, purpose: str) -> str:
    """A new database on the PostgreSQL server `url` names, dropped at exit; returns its URL."""
    from urllib.parse import urlsplit

    import psycopg
    from dj_database_url import parse

    name = f"herald_bench_{purpose}_{os.getpid()}"
    server = parse(url)
    params = {"host": server["HOST"] or None, "port": server["PORT"] or None,
              "user": server["USER"] or None, "password": server["PASSWORD"] or None}  # fmt: skip
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(drop)
    return urlsplit(url)._replace(path=f"/{name}").geturl()
