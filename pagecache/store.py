"""A process's memory cache bounded by the bytes it holds, not by how many entries.

An entry count bounds nothing when one page can be megabytes: a thousand copies of a
large petition filled a worker with gigabytes. Here the least recently used entries
are dropped until the new one fits in ``MAX_BYTES``, and a value larger than
``MAX_ITEM_BYTES`` (an eighth of the whole by default) is not kept at all. Sizes are
those of the pickled values, which is what the cache holds.
"""

import sys

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Per cache name, like LocMemCache's own stores: every thread's instance shares them.
_sizes = {}
_totals = {}


class BoundedMemoryCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS") or {}
        self.max_bytes = int(options.get("MAX_BYTES", 32 * 2**20))
        self.max_item_bytes = int(options.get("MAX_ITEM_BYTES", self.max_bytes // 8))
        # Entries are bounded by their bytes only.
        self._max_entries = sys.maxsize
        self._sizes = _sizes.setdefault(name, {})
        self._total = _totals.setdefault(name, [0])

    @property
    def total_bytes(self):
        return self._total[0]

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        # Called with the cache's lock held; ``value`` is pickled bytes.
        self._delete(key)
        size = len(value)
        if size > self.max_item_bytes:
            return
        while self._cache and self._total[0] + size > self.max_bytes:
            oldest, _ = self._cache.popitem()  # the least recently used is last
            self._expire_info.pop(oldest, None)
            self._total[0] -= self._sizes.pop(oldest, 0)
        super()._set(key, value, timeout)
        self._sizes[key] = size
        self._total[0] += size

    def _delete(self, key):
        deleted = super()._delete(key)
        if deleted:
            self._total[0] -= self._sizes.pop(key, 0)
        return deleted

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("The page cache keeps pages, not counters.")

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.clear()
            self._total[0] = 0
