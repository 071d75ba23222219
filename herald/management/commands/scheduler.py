"""`herald scheduler`: the one consumer that runs the periodic ticks (herald/tasks.py). A tick
only enqueues work found due in the database, so it is cheap and safe to repeat; still, two
schedulers would poll and mail twice as often, so it first takes the scheduler's lock
(herald/lock.py), and a second one waits until the first is gone."""

import logging
import os
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from herald.lock import scheduler_lock

logger = logging.getLogger("herald.scheduler")


class Command(BaseCommand):
    help = "Run the scheduler: enqueue the periodic ticks (one at a time; a second one waits)."

    def handle(self, *args, **options):
        lock = scheduler_lock()
        if not lock.acquire():
            logger.warning("Another scheduler holds the lock; waiting for it to stop.")
            while not lock.acquire():
                time.sleep(settings.SCHEDULER_LOCK_RETRY)  # waiting on another process
        logger.info("Holding the scheduler lock: running the periodic ticks.")
        threading.Thread(target=self.watch, args=(lock,), daemon=True).start()
        call_command("run_huey", workers=1, periodic=True, verbose=False)

    def watch(self, lock) -> None:
        """A lock lost (the database restarted) may be taken by another scheduler at once: stop,
        and let the supervisor start this one again, to wait its turn."""
        while lock.held():
            time.sleep(settings.SCHEDULER_LOCK_RETRY)
        logger.error("The scheduler lock was lost; stopping.")
        logging.shutdown()
        os._exit(75)  # EX_TEMPFAIL: systemd's Restart=always starts it again
