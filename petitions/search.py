"""Searching petitions by their words.

On PostgreSQL each petition keeps two search vectors, one per official
language: the English texts stemmed as English, the French texts as French.
A query is read in web-search syntax ("quoted phrase", -word, or) in each
language, and a petition matches when one of its language versions does, so
that an exclusion holds within the version that matched. The vectors are
refreshed from Python whenever a petition or one of its parts is saved
(petitions/signals.py); a GIN index on each serves the match.

On other databases a portable search finds the petitions containing every
word (or quoted phrase), minus those containing an excluded word. Both ignore
accents: "petition" finds "pétition".
"""

import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest, NullIf, Replace
from django.utils.translation import get_language

# PostgreSQL's English and French configurations, with accents stripped before
# stemming (migration 0003_accent_insensitive_search).
CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}
# Marks around the words ts_headline highlights: private-use characters, so
# the snippet can be escaped first and marked up after (see petition_tags).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_STOP = "\ue001"
HEADLINE_OPTIONS = {
    "start_sel": HIGHLIGHT_START,
    "stop_sel": HIGHLIGHT_STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
# At most this many words of a query are used: enough for any real query,
# and a bound on the work one request can ask for.
MAX_TERMS = 12


def _str(text):
    return Value(text, output_field=TextField())


def full_text_available():
    return connection.vendor == "postgresql"


def _joined(model, field, link="petition"):
    """The texts of a petition's clauses, demands or keywords, joined (a subquery)."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by()
    return Coalesce(
        Subquery(
            rows.values(link)
            .annotate(
                joined=StringAgg(field, " ", order_by="position" if link == "petition" else "id")
            )
            .values("joined")[:1],
            output_field=TextField(),
        ),
        _str(""),
        output_field=TextField(),
    )


def _related(model, field, **link):
    """One field of the petition's subject or response (a subquery)."""
    return Coalesce(
        Subquery(model.objects.filter(**link).values(field)[:1]),
        _str(""),
        output_field=TextField(),
    )


def _numbers():
    """Every form of the petition's numbers: e2829 2829 432-00158 43200158."""
    e_number = Coalesce(Cast("e_number", TextField()), _str(""), output_field=TextField())
    petition_no = Coalesce("petition_no", _str(""), output_field=TextField())
    return Concat(
        _str("e"),
        e_number,
        _str(" "),
        e_number,
        _str(" "),
        petition_no,
        _str(" "),
        Replace(petition_no, _str("-"), _str("")),
        output_field=TextField(),
    )


def _parts():
    """The models a petition's text lives in (imported late: the models import this module)."""
    from responses.models import GovernmentResponse

    from .models import Demand, Keyword, Subject, WhereasClause

    return Demand, Keyword, Subject, WhereasClause, GovernmentResponse


def _text(field):
    return Coalesce(field, _str(""), output_field=TextField())


def document(language):
    """The petition's text in one language, as a reader sees it (for snippets).

    A text missing in that language falls back to the other one, as the pages do.
    """
    Demand, _, _, WhereasClause, GovernmentResponse = _parts()
    other = "fr" if language == "en" else "en"

    def localized(build):
        return Coalesce(NullIf(build(language), _str("")), build(other), output_field=TextField())

    return Concat(
        localized(lambda lang: _text(f"grievance_intro_{lang}")),
        _str(" "),
        localized(lambda lang: _joined(WhereasClause, f"text_{lang}")),
        _str(" "),
        localized(lambda lang: _text(f"lead_in_{lang}")),
        _str(" "),
        localized(lambda lang: _joined(Demand, f"text_{lang}")),
        _str(" "),
        localized(lambda lang: _text(f"closing_{lang}")),
        _str(" "),
        localized(
            lambda lang: _related(GovernmentResponse, f"text_{lang}", petition=OuterRef("pk"))
        ),
        output_field=TextField(),
    )


def search_vector(language):
    """The weighted vector of one language version of a petition.

    A: numbers (the response's sessional paper's too), subject and keywords;
    B: the text, from the grievances to the closing paragraphs; C: the response;
    D: the initiator and the addressee.
    """
    Demand, Keyword, Subject, WhereasClause, GovernmentResponse = _parts()
    config = CONFIGS[language]
    return (
        SearchVector(
            _numbers(),
            _related(GovernmentResponse, "sessional_paper", petition=OuterRef("pk")),
            _related(Subject, f"name_{language}", pk=OuterRef("subject_id")),
            _joined(Keyword, f"name_{language}", link="petitions"),
            config=config,
            weight="A",
        )
        + SearchVector(
            _text(f"grievance_intro_{language}"),
            _joined(WhereasClause, f"text_{language}"),
            _text(f"lead_in_{language}"),
            _joined(Demand, f"text_{language}"),
            _text(f"closing_{language}"),
            config=config,
            weight="B",
        )
        + SearchVector(
            _related(GovernmentResponse, f"text_{language}", petition=OuterRef("pk")),
            config=config,
            weight="C",
        )
        + SearchVector(
            _text("initiator_name"),
            _text("initiator_city"),
            _text(f"addressee_name_{language}"),
            config=config,
            weight="D",
        )
    )


def refresh_search_vectors(petitions):
    """Recompute the vectors of the given petitions (a queryset) in one UPDATE."""
    if not full_text_available():
        return
    petitions.update(search_vector_en=search_vector("en"), search_vector_fr=search_vector("fr"))


def clean_query(text):
    """The query with at most MAX_TERMS words, spaces folded."""
    return " ".join(text.split()[:MAX_TERMS])


def _query(text, language):
    return SearchQuery(text, config=CONFIGS[language], search_type="websearch")


def full_text_matches(queryset, text):
    """Petitions whose English or French version matches, with their rank."""
    query_en, query_fr = _query(text, "en"), _query(text, "fr")
    return queryset.filter(Q(search_vector_en=query_en) | Q(search_vector_fr=query_fr)).annotate(
        rank=Greatest(
            SearchRank(F("search_vector_en"), query_en),
            SearchRank(F("search_vector_fr"), query_fr),
        )
    )


def with_snippets(queryset, text):
    """Annotate ``snippet``: the passages that match, in the reader's language."""
    language = "fr" if (get_language() or "en").startswith("fr") else "en"
    return queryset.annotate(
        snippet=SearchHeadline(
            document(language),
            _query(text, language),
            config=CONFIGS[language],
            **HEADLINE_OPTIONS,
        )
    )


TERM_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')


def portable_terms(text):
    """(required, excluded) terms of a query: words and "quoted phrases"."""
    required, excluded = [], []
    for sign, phrase, word in TERM_RE.findall(text):
        term = " ".join((phrase or word).split())
        if word.startswith("-") and len(word) > 1:
            excluded.append(word[1:])
        elif term and term.lower() != "or" and term != "-":
            (excluded if sign else required).append(term)
    return required[:MAX_TERMS], excluded[:MAX_TERMS]
