"""How much one client may ask of the site, counted across every server process.

Three limits, each per client (``ops.clients.client_key``: the address, or an IPv6
client's /64), all in the cache ``ratelimit``, which every process that serves the
site shares, so N workers do not each allow the whole limit: the Redis every app
server uses (``DJANGO_CACHE_URL``, ``ops.rediscache``), or on one machine a file
its processes share (``ops.sharedcache``):

- pages (``PAGE_RATE``): every public page, feed, sitemap and robots.txt, cached or not;
- the API (``API_ANONYMOUS_RATE``, ``api.throttling``), JSON and CSV alike;
- exports (``EXPORT_RATE``), and how many a client may stream at once
  (``EXPORTS_PER_CLIENT``) and the whole site at once (``EXPORTS_AT_ONCE``).

A rate reads ``120/minute`` (``second``, ``minute``, ``hour``, ``day``); ``off`` turns
it off. Requests are counted in a sliding window of one period, kept as ten buckets of
a tenth of it each (so a client cannot double its rate across a fixed window's edge,
and ``Retry-After`` says exactly when the oldest requests leave the window, never more
than one period). A refused request is not counted, so a client that waits the
``Retry-After`` it was given is served. If the count cannot be
kept (the file unwritable, Redis unreachable), requests are let through and the
failure logged: a limit must not take the site down.
"""

import functools
import logging
import math
import re
import sqlite3
import time
from dataclasses import dataclass

from django.core.cache import caches

logger = logging.getLogger(__name__)

CACHE = "ratelimit"
PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE = re.compile(r"\s*([1-9][0-9]{0,8})\s*/\s*(second|minute|hour|day)s?\s*")
OFF = {"", "off", "none"}
BUCKETS = 10
# An export holds its slot this long without reading a chunk; each chunk renews it,
# and a process that dies mid-export frees its slot by this time.
SLOT_LEASE_SECONDS = 60
# What a client refused a slot is told to wait: exports finish, not expire.
SLOT_RETRY_SECONDS = 10
STORE_ERRORS = (sqlite3.Error, OSError)
# A store that cannot be written is logged at most once a minute by each process.
WARN_EVERY_SECONDS = 60
_last_warning = [0.0]


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int

    def __str__(self):
        period = next(name for name, seconds in PERIODS.items() if seconds == self.seconds)
        return f"{self.limit}/{period}"


@functools.lru_cache(maxsize=64)
def parse_rate(text):
    """A ``Rate``, or None for ``off``; a ValueError names a malformed rate."""
    if text is None or text.strip().lower() in OFF:
        return None
    match = RATE.fullmatch(text.lower())
    if not match:
        raise ValueError(
            f"{text!r} is not a rate: write it as 120/minute (second, minute, hour, day) or off"
        )
    return Rate(int(match.group(1)), PERIODS[match.group(2)])


def hit(scope, ident, rate, now=None):
    """Count one request of ``ident`` in ``scope``: None if allowed, else seconds to wait.

    ``rate`` is a Rate, a rate's text, or None (no limit).
    """
    if isinstance(rate, str):
        rate = parse_rate(rate)
    if rate is None:
        return None
    now = time.time() if now is None else now
    width = rate.seconds / BUCKETS
    current = int(now // width)
    first = current - BUCKETS + 1
    keys = [f"rate:{scope}:{ident}:{rate.seconds}:{bucket}" for bucket in range(first, current + 1)]
    cache = caches[CACHE]
    try:
        held = cache.get_many(keys[:-1])
        counts = [held.get(key, 0) for key in keys[:-1]]
        cache.add(keys[-1], 0, timeout=rate.seconds + width)
        mine = cache.incr(keys[-1])
        if sum(counts) + mine <= rate.limit:
            return None
        cache.decr(keys[-1])
    except STORE_ERRORS as error:
        warn("Rate limit not counted (%s): %s", scope, error)
        return None
    except ValueError:
        return None  # the count was cleared between add and incr
    # The oldest buckets leave the window first: wait until enough have left.
    counts.append(mine - 1)
    excess = sum(counts) + 1 - rate.limit
    for index, count in enumerate(counts):
        excess -= count
        if excess <= 0:
            leaves_at = (first + index + BUCKETS) * width
            return max(1, math.ceil(leaves_at - now))
    return rate.seconds  # not reached: the counts above exceed the limit


class Slots:
    """At most ``limit`` things at once per key (exports being streamed), across processes.

    ``take()`` returns whether a slot was free; ``renew()`` keeps it while in use;
    ``give_back()`` frees it. A slot not renewed for SLOT_LEASE_SECONDS lapses.
    """

    def __init__(self, key, limit):
        self.key = f"slots:{key}"
        self.limit = limit

    def take(self, attempts=2):
        if self.limit is None:
            return True
        cache = caches[CACHE]
        try:
            cache.add(self.key, 0, timeout=SLOT_LEASE_SECONDS)
            taken = cache.incr(self.key)
            if taken > self.limit:
                cache.decr(self.key)
                return False
            cache.touch(self.key, timeout=SLOT_LEASE_SECONDS)
        except STORE_ERRORS as error:
            warn("Slot not counted (%s): %s", self.key, error)
        except ValueError:
            # The count lapsed between add and incr: count from nothing again. Twice
            # in a row, the store keeps nothing (Redis unreachable): let it through.
            return self.take(attempts - 1) if attempts > 1 else True
        return True

    def renew(self):
        if self.limit is None:
            return
        try:
            caches[CACHE].touch(self.key, timeout=SLOT_LEASE_SECONDS)
        except STORE_ERRORS as error:
            warn("Slot not renewed (%s): %s", self.key, error)

    def give_back(self):
        if self.limit is None:
            return
        cache = caches[CACHE]
        try:
            if cache.decr(self.key) < 0:
                cache.set(self.key, 0, timeout=SLOT_LEASE_SECONDS)
        except ValueError:
            pass  # lapsed: nothing left to free
        except STORE_ERRORS as error:
            warn("Slot not given back (%s): %s", self.key, error)


def warn(message, *args):
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS or not _last_warning[0]:
        _last_warning[0] = now
        logger.warning(message, *args)
