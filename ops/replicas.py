"""Which read replicas may serve a page now: reachable, not lagging, holding the current record.

Each server process keeps, per replica (``DATABASE_REPLICA_URLS``), what it last
learned by asking the replica itself whether it answers and which version of the
record (``pagecache.models.current_version``) it has replayed. Every save of the
record bumps that version in the same transaction, so a replica showing the version
the primary has shows every change up to it. A request reads the public record
from a replica only when the replica has the version the primary had at the start
of the request: a clerk's correction committed on the primary is never followed by
a page made without it, whatever the replication delay.

A replica that has not replayed the latest version yet is asked again on a later
request (at most every ``RECHECK_SECONDS``; meanwhile the primary serves). It is
*lagging* when the change it lacks was made more than ``REPLICA_MAX_LAG_SECONDS``
ago (``DJANGO_REPLICA_MAX_LAG_SECONDS``); a lagging replica, like one that does not
answer, is skipped for ``CHECK_SECONDS`` before it is asked again. A replica that is
current is trusted for ``CHECK_SECONDS`` at a time, then asked again.

Asking costs one small query on the replica, every few seconds and after each
change of the record; none on the primary.
"""

import contextlib
import logging
import math
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

from pagecache.models import changed_at, current_version

logger = logging.getLogger(__name__)

# A replica's state is trusted this long; a failed or lagging one is skipped as long.
CHECK_SECONDS = 5
# A replica that has not yet replayed the record's latest version is asked again
# after this long at the soonest (by each process).
RECHECK_SECONDS = 0.05


@dataclass(frozen=True)
class State:
    checked_at: float = -math.inf  # time.monotonic() of the last answer, or failure
    version: str | None = None  # the record's version on the replica; None: no answer
    error: str = ""
    behind: float = 0.0  # seconds since the change it lacks was made; 0 when current
    skip_until: float = -math.inf

    @property
    def reachable(self):
        return self.version is not None

    @property
    def lagging(self):
        return self.behind > settings.REPLICA_MAX_LAG_SECONDS

    def describe(self):
        """For /healthz: ok, lagging or unavailable, and how far behind."""
        if not self.reachable:
            return {"state": "unavailable", "error": self.error}
        state = "lagging" if self.lagging else "ok"
        return {"state": state, "behind_seconds": round(self.behind, 3)}


class Replicas:
    def __init__(self):
        self._states = {}
        self._probing = {}
        self._lock = threading.Lock()

    def state(self, alias):
        return self._states.get(alias) or State()

    def ready(self, alias, version):
        """Whether ``alias`` may serve a read of the record at ``version`` now."""
        state = self.state(alias)
        now = time.monotonic()
        if now < state.skip_until:
            return False
        if state.version == version and now - state.checked_at < CHECK_SECONDS:
            return True
        if now - state.checked_at < RECHECK_SECONDS:
            return False
        # Asked by one thread at a time; the others read the primary meanwhile.
        with self._lock:
            probing = self._probing.setdefault(alias, threading.Lock())
        if not probing.acquire(blocking=False):
            return False
        try:
            state = self.check(alias, version)
        finally:
            probing.release()
        return state.version == version

    def check(self, alias, version):
        """Ask the replica now which version it holds, against the primary's ``version``."""
        try:
            held = current_version(using=alias)
        except DatabaseError as error:
            return self.failed(alias, error)
        now = time.monotonic()
        behind = 0.0
        made, replayed = changed_at(version), changed_at(held)
        if held != version and made is not None and (replayed is None or replayed < made):
            behind = max(0.0, time.time() - made)
        state = State(now, held, behind=behind)
        if state.lagging:
            state = State(now, held, behind=behind, skip_until=now + CHECK_SECONDS)
        previous = self._replace(alias, state)
        if state.lagging and not previous.lagging:
            logger.warning(
                "Replica %s lags: it lacks a change made %.1f s ago; reads go to the primary",
                alias,
                behind,
            )
        elif not state.lagging and (previous.lagging or previous.error):
            logger.warning("Replica %s is back: anonymous reads use it again", alias)
        return state

    def failed(self, alias, error):
        """The replica did not answer (a check, or a page's query): skip it for a while.

        Its connection is closed, so that the next attempt connects afresh (to a
        replica that has restarted, say).
        """
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        now = time.monotonic()
        previous = self._replace(
            alias, State(now, None, error=reason, skip_until=now + CHECK_SECONDS)
        )
        if not previous.error:
            logger.warning("Replica %s unavailable, reads go to the primary: %s", alias, reason)
        with contextlib.suppress(DatabaseError):
            connections[alias].close()
        return self._states[alias]

    def _replace(self, alias, state):
        with self._lock:
            previous = self._states.get(alias) or State()
            self._states[alias] = state
        return previous

    def reset(self):
        with self._lock:
            self._states.clear()


replicas = Replicas()
