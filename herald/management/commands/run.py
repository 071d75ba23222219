"""`herald run`: everything on one machine. Migrates, seeds the demo newswire and the first
editor on first start, then runs the site (gunicorn), a worker and the scheduler as child
processes until interrupted; if one of them dies, the others are stopped too."""

import os
import secrets
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from sources.models import Source


def _interrupt(signum, frame):
    # SIGTERM (systemd, a test) stops as cleanly as Ctrl+C does.
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Start Herald on this machine: site, worker and scheduler (and the demo newswire)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.WEB_BIND, help="host:port for the site")

    def handle(self, *args, bind, **options):
        # This command ran the system checks once already; the steps need not repeat them.
        call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
        call_command("collectstatic", interactive=False, verbosity=0, skip_checks=True)
        wire = self.start_newswire()
        self.seed(wire)
        children = self.start_children(bind)
        self.stdout.write(self.style.SUCCESS(f"Herald is running at http://{bind}/"))
        self.stdout.write(f"Editors' desk: http://{bind}/admin/  (Ctrl+C stops everything)")
        try:
            self.supervise(children)
        finally:
            self.stop(children)
            if wire:
                wire.stop()

    def start_newswire(self):
        if not settings.NEWSWIRE:
            return None
        from newswire.server import start

        wire = start(host="127.0.0.1", port=settings.NEWSWIRE_PORT)
        self.stdout.write(
            f"Demo newswire serving {len(wire.wire.articles)} articles at {wire.url}/"
        )
        return wire

    def seed(self, wire) -> None:
        if wire and not Source.objects.exists():
            from sources.newswire import seed_newswire

            added = seed_newswire(wire.url)
            self.stdout.write(f"Added the {added} newswire outlets as sources.")
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("editor", password=password)
            self.stdout.write(
                self.style.WARNING(
                    f"First editor created. Log in as 'editor' with password {password}\n"
                    "  (shown this once: change it in the admin or with `herald changepassword`)"
                )
            )
        # Poll what is due now instead of waiting for the scheduler's first tick.
        from herald.tasks import enqueue_due_polls

        enqueue_due_polls()

    def start_children(self, bind: str) -> list[subprocess.Popen]:
        herald = [sys.executable, "-m", "herald.cli"]
        commands = [
            [*herald, "web", "--bind", bind],
            [*herald, "worker"],
            [*herald, "scheduler"],
        ]
        return [subprocess.Popen(command, env=os.environ.copy()) for command in commands]

    def supervise(self, children: list[subprocess.Popen]) -> None:
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            self.stderr.write("A child process stopped; stopping Herald.")
        except KeyboardInterrupt:
            self.stdout.write("Stopping Herald.")

    def stop(self, children: list[subprocess.Popen]) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
