"""`herald web`: the site under gunicorn, WEB_CONCURRENCY processes bound to WEB_BIND. Start one
on each web machine behind the proxy; `herald run` starts the same server for one machine."""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


def gunicorn_command(bind: str, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "herald.wsgi",
        "--bind", bind,
        "--workers", str(workers),
        # A request stuck on a dead database or service is cut, not left to hold the process.
        "--timeout", str(settings.WEB_TIMEOUT),
        "--graceful-timeout", "20",
        "--access-logfile", "-",
        "--access-logformat", '%(h)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s',
        # X-Forwarded-* is believed only from the proxies Herald trusts (TRUSTED_PROXIES).
        "--forwarded-allow-ips", ",".join(settings.TRUSTED_PROXIES) or "127.0.0.1",
    ]  # fmt: skip


class Command(BaseCommand):
    help = "Serve the site with gunicorn (WEB_CONCURRENCY processes on WEB_BIND)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.WEB_BIND, help="host:port to listen on")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.WEB_CONCURRENCY,
            help="web processes (default: WEB_CONCURRENCY)",
        )

    def handle(self, *args, bind, workers, **options):
        command = gunicorn_command(bind, workers)
        sys.stdout.flush()
        # gunicorn replaces this process: signals from systemd or a supervisor reach it directly.
        os.execv(command[0], command)
