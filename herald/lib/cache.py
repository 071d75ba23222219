"""Django's Redis cache, made so that Redis going away does not take the site with it: while
Redis is unreachable every read misses and every write is dropped, so pages are made afresh from
the database, and the outage is logged (once a minute per process, not once a request)."""

import logging
import time
from functools import wraps

from django.core.cache.backends import redis as django_redis
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (ConnectionError, TimeoutError)
REPORT_EVERY = 60.0
last_report = 0.0


def report(error: Exception) -> None:
    global last_report
    now = time.monotonic()
    if now - last_report >= REPORT_EVERY:
        last_report = now
        logger.warning("Cache unreachable, serving without it: %s", error)


def tolerant(fallback):
    """The client method, answering fallback(*args) instead of raising while Redis is away."""

    def wrap(method):
        @wraps(method)
        def call(self, *args):
            try:
                return method(self, *args)
            except UNREACHABLE as error:
                report(error)
                return fallback(*args)

        return call

    return wrap


def nothing(*args):
    return None


def refused(*args):
    return False


def missed_incr(key, delta):
    # What Django's caches raise for a missing key: callers already handle it.
    raise ValueError(f"Key {key!r} not found (cache unreachable)")


class Client(django_redis.RedisCacheClient):
    add = tolerant(refused)(django_redis.RedisCacheClient.add)
    get = tolerant(lambda key, default: default)(django_redis.RedisCacheClient.get)
    set = tolerant(nothing)(django_redis.RedisCacheClient.set)
    touch = tolerant(refused)(django_redis.RedisCacheClient.touch)
    delete = tolerant(refused)(django_redis.RedisCacheClient.delete)
    get_many = tolerant(lambda keys: {})(django_redis.RedisCacheClient.get_many)
    has_key = tolerant(refused)(django_redis.RedisCacheClient.has_key)
    incr = tolerant(missed_incr)(django_redis.RedisCacheClient.incr)
    set_many = tolerant(nothing)(django_redis.RedisCacheClient.set_many)
    delete_many = tolerant(nothing)(django_redis.RedisCacheClient.delete_many)
    clear = tolerant(refused)(django_redis.RedisCacheClient.clear)


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = Client
