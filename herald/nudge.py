"""Tasks are nudges: the work a task points at is already recorded in the database, and a periodic
tick finds it again (herald/tasks.py). So a queue that cannot be reached (Redis stopped) does not
fail the reader's request or the worker's task that wanted to enqueue: it is logged, and the work
waits for the first tick after the queue is back. Nothing is dropped."""

import logging
import sqlite3

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
QUEUE_DOWN = (RedisError, sqlite3.Error, OSError)


def nudge(task, *args) -> bool:
    """Enqueue task(*args); False, logged, if the queue is unreachable."""
    try:
        task.enqueue(*args)
    except QUEUE_DOWN as error:
        logger.warning(
            "Queue unreachable; %s%r waits for the next tick: %s", task.name, args, error
        )
        return False
    return True
