"""Turns the environment into settings: each function reads a mapping and returns plain values,
so settings.py stays a list of assignments and the parsing can be tested on its own."""

import json
import secrets
import stat
from collections.abc import Mapping
from email.utils import formataddr, getaddresses
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from huey.storage import RedisExpireStorage

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


def env_json_object(environ: Mapping[str, str], name: str) -> dict:
    try:
        value = json.loads(environ.get(name) or "{}")
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not JSON: {error}") from None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object")
    return value


def is_embedded(environ: Mapping[str, str]) -> bool:
    """The one-machine default: SQLite and no Redis. Everything else is a deployment that must
    be configured explicitly (a shared SECRET_KEY above all)."""
    url = environ.get("DATABASE_URL", "").strip()
    redis = environ.get("REDIS_URL", "").strip() or environ.get("QUEUE_URL", "").strip()
    return (not url or url.startswith("sqlite:")) and not redis


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
        # Each connection is checked before use, so a database that restarted costs the next
        # request nothing: a broken connection is replaced, not handed out.
        config["CONN_HEALTH_CHECKS"] = True
        if env_bool(environ, "DATABASE_POOL", True):
            # psycopg's pool, one per process: a web process serves one request at a time and a
            # worker one task per thread, so a few connections each; a request waits at most
            # `timeout` seconds for one, then fails cleanly (503) instead of queueing for ever.
            config["CONN_MAX_AGE"] = 0
            config.setdefault("OPTIONS", {})["pool"] = {
                "min_size": env_int(environ, "DATABASE_POOL_MIN", 1),
                "max_size": env_int(environ, "DATABASE_POOL_MAX", 4),
                "timeout": env_int(environ, "DATABASE_POOL_TIMEOUT", 10),
                # The pool retries a lost connection with doubling waits until this many seconds,
                # then starts afresh on the next request: after a long outage Herald is back
                # within seconds of the database, not after the last long wait.
                "reconnect_timeout": 15,
            }
        else:
            config["CONN_MAX_AGE"] = env_int(environ, "DATABASE_CONN_MAX_AGE", 60)
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL must name SQLite or PostgreSQL, not {config['ENGINE']}"
        )
    return config


# Django's Redis cache, bypassed while Redis is unreachable (herald/lib/cache.py); short socket
# timeouts so a Redis that stopped answering costs a request a moment, not a hang.
REDIS_CACHE = {
    "BACKEND": "herald.lib.cache.RedisCache",
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
}


def cache(environ: Mapping[str, str]) -> dict:
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {**REDIS_CACHE, "LOCATION": redis_url}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "herald"}


def page_cache(environ: Mapping[str, str], data_dir: Path) -> dict:
    """Where whole pages are kept for anonymous readers. Every process must see one cache: a
    change saved by the worker or by one web process makes the pages of all the others stale,
    so never one process's memory. Redis when REDIS_URL is set, else files in the data folder."""
    redis_url = environ.get("REDIS_URL", "").strip()
    if redis_url:
        return {**REDIS_CACHE, "LOCATION": redis_url, "KEY_PREFIX": "pages"}
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(data_dir / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }


def huey(environ: Mapping[str, str], data_dir: Path) -> dict:
    # The queue may have a Redis of its own (QUEUE_URL): one that never evicts, beside a cache
    # that does; by default it shares REDIS_URL with the cache.
    redis_url = environ.get("QUEUE_URL", "").strip() or environ.get("REDIS_URL", "").strip()
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
        # Redis forgets a task's result by itself after RETAIN_TASK_RESULT_HOURS (huey's
        # RedisExpireHuey storage); the SQLite queue's are pruned by herald/retention.py.
        config["storage_class"] = RedisExpireStorage
        config["expire_time"] = task_result_hours(environ) * 3600
    else:
        config["huey_class"] = "huey.SqliteHuey"
        config["filename"] = str(data_dir / "queue.sqlite3")
    return config


def task_result_hours(environ: Mapping[str, str]) -> int:
    return env_int(environ, "RETAIN_TASK_RESULT_HOURS", 24)


def mailers(environ: Mapping[str, str], data_dir: Path) -> dict:
    """EMAIL_URL: smtp://user:pass@host:587?tls=1, smtps://… (implicit TLS), console:// or
    file:///path. Unset: mail is written to files under the data folder, never lost, until a
    relay is configured (`herald check` warns about it)."""
    backend = environ.get("EMAIL_BACKEND", "").strip()
    if backend:
        # Any Django email backend, e.g. django-anymail's for an API-based provider; its
        # options as JSON ({"api_key": "…"}).
        options = env_json_object(environ, "EMAIL_OPTIONS")
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


def media_storage(environ: Mapping[str, str]) -> dict:
    """Where lead images and posts' pictures are stored: the data folder by default; with several
    web or worker machines a storage they all share, through Django's storage API, e.g.
    STORAGE_BACKEND=storages.backends.s3.S3Storage and its options as JSON in STORAGE_OPTIONS."""
    backend = environ.get("STORAGE_BACKEND", "").strip()
    if not backend:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}  # in MEDIA_ROOT
    return {"BACKEND": backend, "OPTIONS": env_json_object(environ, "STORAGE_OPTIONS")}


def media_origin(storage: dict) -> str | None:
    """The origin pictures are served from when it is not the site's own (an object store or its
    CDN), for the Content-Security-Policy's img-src."""
    options = storage.get("OPTIONS", {})
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}"
    endpoint = urlsplit(options.get("endpoint_url") or "")
    return f"{endpoint.scheme}://{endpoint.netloc}" if endpoint.netloc else None


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


def log_format(environ: Mapping[str, str]) -> str:
    value = environ.get("LOG_FORMAT", "").strip().lower() or "plain"
    if value not in ("plain", "json"):
        raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {value!r}")
    return value


def admins(environ: Mapping[str, str]) -> list[str]:
    """ADMINS: "Name <address>, other@example.org", the people mailed each server error."""
    found = []
    for name, address in getaddresses([environ.get("ADMINS", "")]):
        if not (name or address):
            continue  # an empty list, or a comma too many
        if "@" not in address:
            raise ImproperlyConfigured(f"ADMINS must be email addresses, not {address!r}")
        found.append(formataddr((name, address)))
    return found


def sentry(environ: Mapping[str, str]) -> dict | None:
    """SENTRY_DSN: where errors are reported (Sentry, or a service that speaks its protocol,
    e.g. GlitchTip); unset, they are only logged (and mailed to ADMINS)."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return None
    rate = environ.get("SENTRY_TRACES_SAMPLE_RATE", "").strip() or "0"
    try:
        traces = float(rate)
    except ValueError:
        raise ImproperlyConfigured(f"SENTRY_TRACES_SAMPLE_RATE must be 0-1, not {rate!r}") from None
    return {
        "dsn": dsn,
        "environment": environ.get("SENTRY_ENVIRONMENT", "").strip() or "production",
        "release": environ.get("SENTRY_RELEASE", "").strip() or None,
        "traces": traces,
    }
