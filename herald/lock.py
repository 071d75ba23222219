"""The scheduler's lock: there is one scheduler, so a second one started by mistake (or on a
second machine) waits instead of polling and mailing everything twice. On PostgreSQL an advisory
lock held by a connection of its own; on the embedded default a file lock beside the database.
Either is let go by the operating system or the database when its process dies."""

import fcntl
import os

import psycopg
from django.conf import settings
from django.db import connection

# pg_advisory_lock's key: any fixed number no other program on the database uses ('herald').
LOCK_KEY = 0x68657261_6C64


class PostgresLock:
    def __init__(self):
        db = connection.settings_dict
        self.params = {
            "dbname": db["NAME"],
            "user": db["USER"],
            "password": db["PASSWORD"],
            "host": db["HOST"],
            "port": db["PORT"],
            "connect_timeout": 5,
        }
        self.conn: psycopg.Connection | None = None

    def acquire(self) -> bool:
        try:
            if self.conn is None or self.conn.closed:
                self.conn = psycopg.connect(**{k: v for k, v in self.params.items() if v})
                self.conn.autocommit = True
            row = self.conn.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()
        except psycopg.Error:
            self.release()
            return False
        return bool(row and row[0])

    def held(self) -> bool:
        """Still ours: the connection that holds it is alive. A database restart ends every
        session and with it the lock, so then another scheduler may have it already."""
        try:
            return self.conn is not None and self.conn.execute("SELECT 1").fetchone() == (1,)
        except psycopg.Error:
            return False

    def release(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class FileLock:
    def __init__(self):
        self.path = settings.DATA_DIR / "scheduler.lock"
        self.fd: int | None = None

    def acquire(self) -> bool:
        if self.fd is None:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def held(self) -> bool:
        return self.fd is not None

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the file lets the lock go
            self.fd = None


def scheduler_lock() -> PostgresLock | FileLock:
    return PostgresLock() if connection.vendor == "postgresql" else FileLock()
