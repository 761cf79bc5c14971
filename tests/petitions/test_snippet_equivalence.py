"""A search's passages, read in the SQL written for them (search.snippets), are the
ones Django's SearchHeadline gives for the same petitions, words and language:
over generated records and queries, in English and in French (PostgreSQL)."""

import pytest
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from petitions import search
from petitions.models import Petition
from tests.petitions.test_search_equivalence import queries, records, save

OPTIONS = {
    "start_sel": search.HIGHLIGHT_START,
    "stop_sel": search.HIGHLIGHT_STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}


def headlines(ids, text, language):
    """The passages as the ORM writes them, for comparison."""
    other = "fr" if language == "en" else "en"
    document = Coalesce(
        NullIf(F(f"search_text_{language}"), Value("", output_field=TextField())),
        F(f"search_text_{other}"),
        output_field=TextField(),
    )
    query = SearchQuery(text, config=search.CONFIGS[language], search_type="websearch")
    headline = SearchHeadline(document, query, config=search.CONFIGS[language], **OPTIONS)
    petitions = Petition.objects.filter(pk__in=ids).annotate(snippet=headline)
    return dict(petitions.values_list("pk", "snippet"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ts_headline is PostgreSQL's")
class SnippetEquivalenceTests(TestCase):
    @settings(
        max_examples=30,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data())
    def test_the_passages_are_the_ones_the_orm_writes(self, data):
        petitions = data.draw(records())
        save(petitions)
        for _ in range(3):
            query = data.draw(queries(petitions))
            ids = list(Petition.objects.search(query).values_list("pk", flat=True))
            for language in ("en", "fr"):
                with translation.override(language):
                    quoted = search.snippets(ids, query)
                assert quoted == headlines(ids, query, language), (query, language)
                assert set(quoted) == set(ids)
