"""PostgreSQL keeps each petition's search vectors in its row (migration 0012): a
search tests thousands of them, and fetching each from the TOAST table made counting
a common word's matches several times slower."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL's"),
]


def test_search_vectors_are_stored_in_the_row():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute "
            "WHERE attrelid = 'petitions_petition'::regclass AND attname LIKE 'search_%%' "
            "ORDER BY attname"
        )
        storage = dict(cursor.fetchall())
    # m: in the row, compressed if need be; x: moved out first when the row is long.
    assert storage == {
        "search_text_en": "x",
        "search_text_fr": "x",
        "search_vector_en": "m",
        "search_vector_fr": "m",
    }
