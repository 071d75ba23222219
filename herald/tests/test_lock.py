"""The scheduler's lock (herald/lock.py): one holder at a time, let go when its holder goes; an
advisory lock on PostgreSQL, a file lock on the embedded default."""

import pytest

from herald.lock import scheduler_lock

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_holder_at_a_time_and_the_next_takes_over_when_it_goes():
    first, second = scheduler_lock(), scheduler_lock()
    try:
        assert first.acquire() is True and first.held()
        assert second.acquire() is False
        first.release()
        assert second.acquire() is True and second.held()
        assert first.acquire() is False
    finally:
        first.release()
        second.release()


def test_a_lock_whose_connection_died_is_no_longer_held(django_db_blocker):
    lock = scheduler_lock()
    if type(lock).__name__ != "PostgresLock":
        pytest.skip("a file lock lives as long as its process; the database leg checks this")
    try:
        assert lock.acquire()
        lock.conn.close()  # what a database restart does to the session
        assert lock.held() is False
        other = scheduler_lock()
        assert other.acquire() is True  # the database let the lock go with the session
        other.release()
    finally:
        lock.release()
