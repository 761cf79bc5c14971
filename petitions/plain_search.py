"""A search of words alone, its queries compiled once.

A search typed in the header box gives words and nothing else, and it is the list
the public asks for most. Building its queryset and compiling its count and its
page of ids took about a millisecond of Python a request, for SQL that differs only
in the words. So each shape of it (database, language, sort, ranked or newest
first, which count or page) is compiled once, by the ORM, from the very filter set
and queryset a request would build, with a stand-in for the words; each request
puts its words where the stand-in is. The SQL and its values are the ORM's own
(tests/petitions/test_plain_search.py holds them equal).

PostgreSQL only: elsewhere the words are rewritten before they reach the query
(search.fts_query), and SQLite's search is not ranked.
"""

import functools

from django.db import connections, router
from django.utils.translation import get_language

from . import search
from .models import NEWEST_FIRST, Petition
from .pagination import counted_ids, kept_count, page_ids

# Stands for the words while a shape is compiled: a private-use character, which
# clean_query keeps as one word and no reader's words are compared with.
STAND_IN = "\ue002"
# Shapes kept: languages × sorts × ranked or not × the pages readers reach.
SHAPES = 512


def applies(filterset):
    """Whether a valid filter set is a search of words alone, of every petition."""
    if not (filterset.every_petition and filterset.query and search.ranking_available()):
        return False
    data = filterset.form.cleaned_data
    return not any(data.get(name) for name in filterset.filters if name != "q")


class PlainSearch:
    """The ``pagination.Ids`` of a search of words alone (``applies``)."""

    def __init__(self, filterset_class, words, sort, ranked=True):
        self.filterset_class = filterset_class
        self.words = search.clean_query(words)
        self.sort = sort
        self.ranked = ranked
        self.using = router.db_for_read(Petition)

    @classmethod
    def of(cls, filterset):
        return cls(type(filterset), filterset.query, filterset.form.cleaned_data.get("sort") or "")

    def count(self, limit, version=None):
        sql, params = self._sql("count", limit)
        counting = f"SELECT COUNT(*) FROM ({sql}) AS counted"  # noqa: S608 - the ORM's SQL

        def count():
            return self._rows(counting, params)[0][0]

        return count() if version is None else kept_count(version, sql, params, count)

    def page(self, bottom, top):
        if top <= bottom:  # a list with nothing in it: the ORM makes no query either
            return []
        sql, params = self._sql("page", bottom, top)
        return [pk for (pk,) in self._rows(sql, params)]

    def newest_first(self):
        return PlainSearch(self.filterset_class, self.words, self.sort, ranked=False)

    def _sql(self, *shape):
        sql, params = compiled(
            self.filterset_class, self.using, get_language(), self.sort, self.ranked, *shape
        )
        return sql, tuple(self.words if value == STAND_IN else value for value in params)

    def _rows(self, sql, params):
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


@functools.lru_cache(maxsize=SHAPES)
def compiled(filterset_class, using, language, sort, ranked, kind, *numbers):
    """(SQL, values) of one shape, the words a stand-in: the ids counted up to
    ``limit + 1`` (kind "count", numbers ``limit``), or those from ``bottom`` to
    ``top`` in the list's order (kind "page")."""
    filterset = filterset_class({"q": STAND_IN, "sort": sort})
    if not (filterset.is_valid() and applies(filterset)):
        raise ValueError(f"Not a search of words alone: {sort!r}")
    queryset = filterset.qs.using(using)
    if not ranked:
        queryset = queryset.order_by(*NEWEST_FIRST)
    query = (counted_ids if kind == "count" else page_ids)(queryset, *numbers)
    sql, params = query.query.get_compiler(using).as_sql()
    if STAND_IN not in params:
        raise ValueError("The words are not among the query's values.")
    return sql, tuple(params)
