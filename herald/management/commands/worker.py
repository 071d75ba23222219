"""`herald worker`: a queue consumer that runs tasks; any number, on any machine. It does not
run the periodic ticks: that is the scheduler's job, and there is one scheduler."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run a worker: execute queued tasks (periodic ticks are left to `herald scheduler`)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--threads",
            type=int,
            default=settings.HUEY["consumer"]["workers"],
            help="worker threads in this process (default: WORKER_THREADS)",
        )

    def handle(self, *args, threads, **options):
        call_command("run_huey", workers=threads, periodic=False, verbose=False)
