"""Turns the environment into settings: each function reads a mapping and returns plain values,
so settings.py stays a list of assignments and the parsing can be tested on its own."""

import json
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_bool(environ: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no), not {value!r}")


def env_int(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(environ: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    value = environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def is_embedded(environ: Mapping[str, str]) -> bool:
    """The one-machine default: SQLite and no Redis. Everything else is a deployment that must
    be configured explicitly (a shared SECRET_KEY above all)."""
    url = environ.get("DATABASE_URL", "").strip()
    return (not url or url.startswith("sqlite:")) and not environ.get("REDIS_URL", "").strip()


def database(environ: Mapping[str, str], data_dir: Path) -> dict:
    url = environ.get("DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{data_dir / 'herald.sqlite3'}"
    try:
        config = dj_database_url.parse(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL I know: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # WAL lets readers (the site) work while a writer (the worker) stores articles;
            # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = env_int(environ, "DATABASE_CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL must name SQLite or PostgreSQL, not {config['ENGINE']}"
        )
    return config


def cache(environ: Mapping[str, str]) -> dict:
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "herald"}


def page_cache(environ: Mapping[str, str], data_dir: Path) -> dict:
    """Where whole pages are kept for anonymous readers. Every process must see one cache: a
    change saved by the worker or by one web process makes the pages of all the others stale,
    so never one process's memory. Redis when REDIS_URL is set, else files in the data folder."""
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "pages",
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(data_dir / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }


def huey(environ: Mapping[str, str], data_dir: Path) -> dict:
    redis_url = environ.get("REDIS_URL", "").strip()
    config: dict = {
        "name": environ.get("HUEY_QUEUE", "herald"),
        # djhuey defaults 'immediate' to DEBUG; a queue that silently runs inline is a surprise.
        "immediate": False,
        "results": True,
        "utc": True,
        "consumer": {"workers": env_int(environ, "WORKER_THREADS", 2), "worker_type": "thread"},
    }
    if redis_url:
        config["huey_class"] = "huey.RedisHuey"
        config["url"] = redis_url
    else:
        config["huey_class"] = "huey.SqliteHuey"
        config["filename"] = str(data_dir / "queue.sqlite3")
    return config


def mailers(environ: Mapping[str, str], data_dir: Path) -> dict:
    """EMAIL_URL: smtp://user:pass@host:587?tls=1, smtps://… (implicit TLS), console:// or
    file:///path. Unset: mail is written to files under the data folder, never lost, until a
    relay is configured (`herald check` warns about it)."""
    backend = environ.get("EMAIL_BACKEND", "").strip()
    if backend:
        # Any Django email backend, e.g. django-anymail's for an API-based provider; its
        # options as JSON ({"api_key": "…"}).
        try:
            options = json.loads(environ.get("EMAIL_OPTIONS") or "{}")
        except json.JSONDecodeError as error:
            raise ImproperlyConfigured(f"EMAIL_OPTIONS is not JSON: {error}") from None
        if not isinstance(options, dict):
            raise ImproperlyConfigured("EMAIL_OPTIONS must be a JSON object")
        return {"default": {"BACKEND": backend, "OPTIONS": options}}
    url = environ.get("EMAIL_URL", "").strip()
    if not url:
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "OPTIONS": {"file_path": str(data_dir / "outbox")},
            }
        }
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "console":
        return {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    if parts.scheme == "file":
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "OPTIONS": {"file_path": unquote(parts.path)},
            }
        }
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, smtps://, console:// or file://, not {url!r}"
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no host")
    options = {
        "host": parts.hostname,
        "port": parts.port or (465 if parts.scheme == "smtps" else 25),
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": query.get("tls", "").lower() in TRUE,
        "timeout": int(query.get("timeout", 10)),
    }
    return {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    }


def secret_key(environ: Mapping[str, str], data_dir: Path) -> str:
    key = environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if not is_embedded(environ):
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DATABASE_URL or REDIS_URL is set: every machine of a "
            "deployment must share one key, or links signed on one fail on another."
        )
    # The embedded default keeps a generated key beside its database, readable by the owner only.
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return key


def allowed_hosts(environ: Mapping[str, str], base_url: str) -> list[str]:
    hosts = env_list(environ, "ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
    base_host = urlsplit(base_url).hostname
    if base_host and base_host not in hosts:
        hosts.append(base_host)
    return hosts


def base_url(environ: Mapping[str, str]) -> str:
    url = environ.get("BASE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"BASE_URL must be an http(s) URL such as https://news.example.org, not {url!r}"
        )
    return url
