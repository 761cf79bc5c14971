"""A search of words alone runs the ORM's own SQL, compiled once (petitions.plain_search):
the same SQL and values for any words, sort and page, and so the same petitions."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from petitions import pagination, plain_search
from petitions.filters import Sort
from petitions.models import NEWEST_FIRST
from public.filters import ListFilter
from tests.petitions.test_search_equivalence import queries, records, save

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a plain search is compiled on PostgreSQL"
)
SORTS = ["", *Sort.values]
# Words as readers type them: any characters but those a form refuses.
WORDS = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
)


def orm_sql(queryset):
    return queryset.query.get_compiler(queryset.db).as_sql()


@postgresql_only
@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    words=WORDS,
    sort=st.sampled_from(SORTS),
    ranked=st.booleans(),
    bottom=st.integers(0, 10_000),
    size=st.sampled_from([10, 20, 50, 100]),
)
def test_the_sql_and_its_values_are_the_orms(words, sort, ranked, bottom, size):
    filterset = ListFilter({"q": words, "sort": sort})
    if not (filterset.is_valid() and plain_search.applies(filterset)):
        return
    compiled = plain_search.PlainSearch.of(filterset)
    queryset = filterset.qs
    if not ranked:
        compiled, queryset = compiled.newest_first(), queryset.order_by(*NEWEST_FIRST)
    page = pagination.page_ids(queryset, bottom, bottom + size)
    assert compiled._sql("page", bottom, bottom + size) == orm_sql(page)
    counting = pagination.counted_ids(queryset, pagination.RANK_LIMIT)
    assert compiled._sql("count", pagination.RANK_LIMIT) == orm_sql(counting)


@postgresql_only
class PlainSearchResultsTests(TestCase):
    @settings(
        max_examples=30,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data())
    def test_it_lists_and_counts_what_the_orm_does(self, data):
        petitions = data.draw(records())
        save(petitions)
        for _ in range(3):
            words = data.draw(queries(petitions))
            sort = data.draw(st.sampled_from(SORTS))
            filterset = ListFilter({"q": words, "sort": sort})
            assert filterset.is_valid() and plain_search.applies(filterset)
            compiled, orm = plain_search.PlainSearch.of(filterset), pagination.Ids(filterset.qs)
            for ids in ((compiled, orm), (compiled.newest_first(), orm.newest_first())):
                fast, plain = ids
                assert fast.page(0, 4) == plain.page(0, 4), (words, sort)
                assert fast.page(2, 10) == plain.page(2, 10), (words, sort)
                assert fast.page(0, 0) == plain.page(0, 0) == []
                assert fast.count(3) == plain.count(3)
                assert fast.count(100) == plain.count(100) == len(plain.page(0, 100))


def test_only_a_search_of_words_alone_over_every_petition_is_compiled(db, samples):
    def plain(data, queryset=None):
        filterset = ListFilter(data, queryset=queryset)
        assert filterset.is_valid()
        return plain_search.applies(filterset)

    on_postgresql = connection.vendor == "postgresql"
    assert plain({"q": "belarus repression", "sort": "oldest", "page": "2"}) is on_postgresql
    assert not plain({})
    assert not plain({"q": "bus", "status": "presented"})
    assert not plain({"q": "bus"}, queryset=ListFilter().qs.filter(kind="paper"))


@postgresql_only
def test_the_search_page_builds_no_queryset_for_words_alone(client, samples, monkeypatch):
    words = client.get("/en/search/?q=belarus+repression")
    monkeypatch.setattr(ListFilter, "filter_queryset", lambda *args: pytest.fail("built"))
    again = client.get("/en/search/?q=belarus+repression")
    assert again.status_code == 200
    assert again.content == words.content
    assert "e-2829" in again.content.decode()
