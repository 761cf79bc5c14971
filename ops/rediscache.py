"""The cache every app server shares (``DJANGO_CACHE_URL``): Django's RedisCache, made to forget.

Several machines behind a load balancer count the API throttle and the rate limits,
and keep the page cache and the filter form's lists, in one Redis. Redis is a cache
here, never the record: while it cannot be reached, this backend behaves as an empty
cache that keeps nothing (``get`` gives the default, ``set`` does nothing, ``add``
and ``touch`` say False, ``incr`` raises ``ValueError`` as for a missing key), so
pages are rendered afresh and the limits let requests through, rather than a request
failing. The first failure is logged (then at most once a minute per process) and
the server is not asked again for ``RETRY_SECONDS``: a dead Redis costs one refused
connection every few seconds, not a timeout on every request. ``ping()`` (for
``/healthz``) always asks, and reopens the way when Redis is back.

Two changes to Django's backend: ``incr`` is one atomic step (Django's checks that
the key exists, then increments: a key expiring in between came back without an
expiry, a counter that never lapses); and ``clear()`` deletes this cache's own keys
(its ``KEY_PREFIX``), never the whole Redis database, which may be shared.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# After a failure, the server is left alone this long (by this process).
RETRY_SECONDS = 5
WARN_EVERY_SECONDS = 60
# Seconds to connect and to wait for an answer: Redis answers in well under a
# millisecond, so a second is a Redis that is not there (or a machine too busy to
# serve pages anyway).
SOCKET_TIMEOUT_SECONDS = 1

# Increments a counter only if it exists, keeping its expiry; nil when it does not.
INCR_IF_EXISTS = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class Outages:
    """Per process and per server: when to ask again, and when the log last spoke."""

    def __init__(self):
        self._lock = threading.Lock()
        self._retry_at = {}
        self._warned_at = {}

    def available(self, server):
        return time.monotonic() >= self._retry_at.get(server, 0)

    def failed(self, server, error):
        now = time.monotonic()
        with self._lock:
            self._retry_at[server] = now + RETRY_SECONDS
            warned = self._warned_at.get(server)
            if warned is not None and now - warned < WARN_EVERY_SECONDS:
                return
            self._warned_at[server] = now
        logger.warning(
            "Shared cache unavailable (%s): caching off, limits not counted: %s", server, error
        )

    def was_down(self, server):
        return server in self._retry_at

    def recovered(self, server):
        with self._lock:
            was_down = self._retry_at.pop(server, None) is not None
            self._warned_at.pop(server, None)
        if was_down:
            logger.warning("Shared cache reachable again (%s)", server)

    def reset(self):
        with self._lock:
            self._retry_at.clear()
            self._warned_at.clear()


outages = Outages()


class MissingKey(ValueError):
    pass


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {
            "socket_connect_timeout": SOCKET_TIMEOUT_SECONDS,
            "socket_timeout": SOCKET_TIMEOUT_SECONDS,
            **(params.get("OPTIONS") or {}),
        }
        super().__init__(server, {**params, "OPTIONS": options})
        # Where the outage is recorded: caches on one server fail together.
        self.server = self._servers[0]
        self._incr_script = None

    def _attempt(self, operation, fallback):
        if not outages.available(self.server):
            return fallback()
        try:
            result = operation()
        except UNREACHABLE as error:
            outages.failed(self.server, error)
            return fallback()
        if outages.was_down(self.server):
            outages.recovered(self.server)
        return result

    # --- the cache API, each falling back to what an empty cache answers ---------

    def get(self, key, default=None, version=None):
        return self._attempt(lambda: RedisCache.get(self, key, default, version), lambda: default)

    def get_many(self, keys, version=None):
        return self._attempt(lambda: RedisCache.get_many(self, keys, version), dict)

    def has_key(self, key, version=None):
        return self._attempt(lambda: RedisCache.has_key(self, key, version), bool)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(lambda: RedisCache.set(self, key, value, timeout, version), _nothing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(lambda: RedisCache.set_many(self, data, timeout, version), _nothing)
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: RedisCache.add(self, key, value, timeout, version), bool)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: RedisCache.touch(self, key, timeout, version), bool)

    def delete(self, key, version=None):
        return self._attempt(lambda: RedisCache.delete(self, key, version), bool)

    def delete_many(self, keys, version=None):
        self._attempt(lambda: RedisCache.delete_many(self, keys, version), _nothing)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)

        def increment():
            client = self._cache.get_client(key, write=True)
            if self._incr_script is None:
                self._incr_script = client.register_script(INCR_IF_EXISTS)
            return self._incr_script(keys=[key], args=[delta], client=client)

        value = self._attempt(increment, lambda: None)
        if value is None:
            raise MissingKey(f"Key '{key}' not found (or the shared cache is unavailable).")
        return value

    def clear(self):
        """Delete this cache's keys (``KEY_PREFIX``), not the rest of the database."""

        def delete_mine():
            client = self._cache.get_client(None, write=True)
            pattern = f"{_glob_escape(self.key_prefix)}:*"
            batch = []
            for name in client.scan_iter(match=pattern, count=1000):
                batch.append(name)
                if len(batch) == 1000:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
            return True

        return self._attempt(delete_mine, bool)

    def ping(self):
        """Whether Redis answers now; asks even during an outage, and ends it if it does."""
        try:
            self._cache.get_client(None, write=True).ping()
        except UNREACHABLE as error:
            outages.failed(self.server, error)
            return False
        outages.recovered(self.server)
        return True


def _nothing():
    return None


def _glob_escape(text):
    return "".join(f"\\{char}" if char in "*?[]\\" else char for char in text)
