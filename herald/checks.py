"""Configuration checks (Django's system checks, so `herald check` and every manage command see
them) and the reachability probes `herald check` adds: can this process talk to its services?"""

import ipaddress
import re

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

HOST_PORT = re.compile(r"^[A-Za-z0-9.\-\[\]:]+:\d{1,5}$")


@register(Tags.security, "herald")
def check_configuration(app_configs, **kwargs):
    problems = [
        Error(
            f"FETCH_ALLOW entry {entry!r} is not host:port",
            hint="List exact host:port pairs, e.g. 127.0.0.1:8001",
            id="herald.E001",
        )
        for entry in settings.FETCH_ALLOW
        if not HOST_PORT.match(entry)
    ]
    for proxy in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            problems.append(
                Error(
                    f"TRUSTED_PROXIES entry {proxy!r} is not an address or network",
                    hint="e.g. 127.0.0.1 or 10.0.0.0/24: the proxies in front of Herald",
                    id="herald.E002",
                )
            )
    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
    threads = settings.HUEY["consumer"]["workers"]
    if isinstance(pool, dict) and pool.get("max_size", threads) < threads:
        problems.append(
            Warning(
                f"DATABASE_POOL_MAX ({pool['max_size']}) is below WORKER_THREADS ({threads})",
                hint="Each worker thread holds a connection while it runs a task.",
                id="herald.W003",
            )
        )
    return problems


# Deployment advice: shown by `herald check` (and `check --deploy`), not before every command.
@register("herald", deploy=True)
def check_deployment(app_configs, **kwargs):
    problems = []
    backend = settings.MAILERS.get("default", {}).get("BACKEND", "")
    if not backend.endswith("smtp.EmailBackend"):
        problems.append(
            Warning(
                "No mail relay is configured: mail is not delivered to readers.",
                hint="Set EMAIL_URL, e.g. smtp://user:password@relay.example.org:587?tls=1",
                id="herald.W001",
            )
        )
    if settings.DEBUG and any(
        h not in ("127.0.0.1", "localhost", "::1") for h in settings.ALLOWED_HOSTS
    ):
        problems.append(
            Warning(
                "DEBUG is on for a site reachable beyond this machine.",
                hint="Unset DEBUG in production: it shows settings and code to visitors.",
                id="herald.W002",
            )
        )
    return problems


def probe_database() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    pool = connection.settings_dict.get("OPTIONS", {}).get("pool")
    pooled = f", pool of {pool.get('min_size')} to {pool.get('max_size')}" if pool else ""
    return f"{connection.vendor} {connection.settings_dict['NAME']}{pooled}"


def probe_cache(alias: str = "default") -> str:
    from django.core.cache import caches

    caches[alias].set("herald:check", "ok", 10)
    if caches[alias].get("herald:check") != "ok":
        raise RuntimeError("a value written to the cache could not be read back")
    return settings.CACHES[alias]["BACKEND"].rsplit(".", 1)[-1]


def probe_page_cache() -> str:
    # Shared by every web and worker process, so an edit in one clears pages kept by all.
    return probe_cache("pages")


def probe_queue() -> str:
    from huey.contrib.djhuey import HUEY

    return f"{type(HUEY).__name__} '{HUEY.name}', {HUEY.pending_count()} tasks waiting"


def probe_mail() -> str:
    from django.core.mail import mailers

    backend = settings.MAILERS["default"]["BACKEND"]
    if not backend.endswith("smtp.EmailBackend"):
        return f"{backend.rsplit('.', 2)[-2]} (no relay)"
    connection = mailers.default
    connection.open()
    connection.close()
    options = settings.MAILERS["default"]["OPTIONS"]
    return f"SMTP {options['host']}:{options['port']}"


def probe_storage() -> str:
    """Pictures are written by workers and served by web machines: every one must see the same
    storage (STORAGE_BACKEND), or the same network folder."""
    import secrets

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save(f"herald-check/{secrets.token_hex(8)}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("a file written to the storage could not be read back")
    finally:
        default_storage.delete(name)
    backend = settings.STORAGES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"{backend} ({settings.MEDIA_ROOT})" if backend == "FileSystemStorage" else backend


PROBES = {
    "database": probe_database,
    "cache": probe_cache,
    "page cache": probe_page_cache,
    "queue": probe_queue,
    "media storage": probe_storage,
    "mail": probe_mail,
}
