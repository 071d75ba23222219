"""`herald scheduler`: the one consumer that runs the periodic ticks (herald/tasks.py). A tick
only enqueues work found due in the database, so it is cheap and safe to repeat."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the scheduler: enqueue the periodic ticks (run exactly one)."

    def handle(self, *args, **options):
        call_command("run_huey", workers=1, periodic=True, verbose=False)
