"""Settings for the test suite: the real settings, with a throwaway data folder, a file-backed
SQLite test database (processes started by tests must see it) and an inline task queue."""

import os
import tempfile

os.environ.setdefault("HERALD_DATA_DIR", tempfile.mkdtemp(prefix="herald-test-"))
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("NEWSWIRE", "0")

from herald.settings import *
from herald.settings import DATA_DIR, DATABASES, HUEY

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

# Tasks run inline in tests unless a test starts a real worker (see herald/tests/test_processes.py).
HUEY = {**HUEY, "immediate": True}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
(DATA_DIR / "static").mkdir(exist_ok=True)
