"""Pages of a petition list whose total is counted only up to a bound.

Counting every match of a broad search or filter reads every matching row,
which at a million petitions costs more than the rest of the page together.
No reader pages through ten thousand petitions; they add words or filters.
So a list counts at most COUNT_LIMIT petitions and offers pages of those; the
page says when there are more. A search counts fewer (RANK_LIMIT): each match
counted is a text tested against the words, and a common word or a phrase is
found in a third of all petitions, so counting ten thousand of them took longer
than the rest of the page. Counting stops at the same number at any size of the
record.

Counts are kept: every page of a list shows the same count, and every reader of a
popular list or search asks for it again. Given the record's version, a count is
kept in the cache under that version and the count's own SQL, so it is made once
per list until the record changes.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .models import NEWEST_FIRST

COUNT_LIMIT = 10_000
# A search's matches are counted up to this many and ranked by relevance when
# they are all counted; above it, they are listed newest first instead (the
# caller tells the reader).
RANK_LIMIT = 1_000
# A new version of the record makes new keys: this only bounds what an unchanging
# record leaves in the cache.
COUNT_SECONDS = 3600


def bounded_count(queryset, limit=None, version=None):
    """How many rows, counting no further than ``limit + 1`` (COUNT_LIMIT + 1).

    With the record's ``version`` (pagecache.models.current_version), the count is
    kept in the cache for that version.
    """
    limit = COUNT_LIMIT if limit is None else limit
    counting = counted_ids(queryset, limit)
    if version is None:
        return counting.count()
    try:
        sql, params = counting.query.get_compiler(counting.db).as_sql()
    except EmptyResultSet:  # a filter that nothing can match: no query to make
        return 0
    return kept_count(version, sql, params, counting.count)


def counted_ids(queryset, limit):
    """The ids a list counts: in any order, at most ``limit + 1``."""
    return queryset.order_by().values("pk")[: limit + 1]


def page_ids(queryset, bottom, top):
    """The ids of a page, from ``bottom`` to ``top`` in the list's order."""
    return queryset.values_list("pk", flat=True)[bottom:top]


def kept_count(version, sql, params, count):
    """The count of what ``sql`` selects, kept for the record's ``version``; ``count()``
    makes it when it is not kept."""
    key = "count:" + hashlib.sha256(repr((version, sql, tuple(params))).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = count()
        cache.set(key, found, COUNT_SECONDS)
    return found


class Ids:
    """A list's petitions as a list page asks for them: how many, counted up to a
    bound (``bounded_count``), and a page's ids in the list's order; made with the
    ORM from a queryset. (petitions.plain_search answers the same for a search of
    words alone, with its SQL compiled once.)"""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self, limit, version=None):
        return bounded_count(self.queryset, limit, version)

    def page(self, bottom, top):
        return list(page_ids(self.queryset, bottom, top))

    def newest_first(self):
        return Ids(self.queryset.order_by(*NEWEST_FIRST))


def ranked_if_few(ids, limit=None, version=None):
    """A list sorted by relevance (``Ids``), left so when at most ``limit``
    (RANK_LIMIT) match, else newest first. Returns (the list, its matches counted up
    to ``limit`` + 1, whether it is still ranked); ``version`` as for
    ``bounded_count``."""
    limit = RANK_LIMIT if limit is None else limit
    count = ids.count(limit, version)
    if count > limit:
        return ids.newest_first(), count, False
    return ids, count, True


class BoundedPaginator(Paginator):
    def __init__(self, object_list, per_page, counted=None, limit=None, version=None):
        super().__init__(object_list, per_page)
        self.limit = COUNT_LIMIT if limit is None else limit
        self._counted = counted
        self.version = version

    @cached_property
    def _matches(self):
        if self._counted is not None:
            return self._counted
        return self._count()

    def _count(self):
        return bounded_count(self.object_list, self.limit, self.version)

    @cached_property
    def count(self):
        """The petitions that can be paged through: at most ``limit``."""
        return min(self._matches, self.limit)

    @property
    def more(self):
        """Whether more petitions match than are counted."""
        return self._matches > self.limit

    def page(self, number):
        """A page: its ids are found first, in the list's order, and then its rows.

        An OFFSET skips rows one by one; skipping ids in the sort order's index
        costs far less than skipping whole rows with their joins. And when the
        order is computed (a search's rank), the database would otherwise work
        out every match's columns, snippets included, before sorting them.
        """
        number, bottom, top = self._bounds(number)
        ids = page_ids(self.object_list, bottom, top)
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)

    def _bounds(self, number):
        """The page's number, checked, and where its rows start and end in the list."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return number, bottom, min(bottom + self.per_page, self.count)


class IdsPaginator(BoundedPaginator):
    """Pages of a list's ``Ids``, each page its petitions' ids in the list's order: a
    list page takes each petition's entry (public.entries), and a search's snippets,
    by id."""

    def _count(self):
        return self.object_list.count(self.limit, self.version)

    def page(self, number):
        number, bottom, top = self._bounds(number)
        return self._get_page(self.object_list.page(bottom, top), number, self)
