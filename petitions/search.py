"""Searching petitions by their words.

On PostgreSQL each petition keeps two search vectors, one per official
language: the English texts stemmed as English, the French texts as French.
A query is read in web-search syntax ("quoted phrase", -word, or) in each
language, and a petition matches when one of its language versions does, so
that an exclusion holds within the version that matched. The vectors are
refreshed in SQL whenever a petition or one of its parts is saved
(petitions.vectors); a GIN index on each serves the match.

On SQLite, the embedded default, an FTS5 index (one row per petition: its
texts in both languages, and the names and numbers it is found by) is kept in
step by petitions.indexing; the same syntax is read into FTS5's, words are
stemmed (Porter) and accents folded.

On other databases a portable search finds the petitions containing every
word (or quoted phrase), minus those containing an excluded word. All ignore
accents: "petition" finds "pétition". Snippets quote the text stored with each
petition (``search_text_*``), never its parts.
"""

import re

from django.apps import apps
from django.db import connection, connections, router
from django.db.models import BooleanField, Expression, F, FloatField, Func, TextField, Value
from django.utils.translation import get_language

# PostgreSQL's English and French configurations, with accents stripped before
# stemming (migration 0003_accent_insensitive_search).
CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}
# Marks around the words ts_headline highlights: private-use characters, so
# the snippet can be escaped first and marked up after (see public.templating.petitions.highlight).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_STOP = "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel='{HIGHLIGHT_START}', StopSel='{HIGHLIGHT_STOP}', MaxWords=30, MinWords=12, "
    "MaxFragments=2, FragmentDelimiter=' … '"
)
# At most this many words of a query are used: enough for any real query,
# and a bound on the work one request can ask for.
MAX_TERMS = 12


def text_value(text):
    return Value(text, output_field=TextField())


# The SQLite full-text index (migration 0006) and the database that has it.
FTS_TABLE = "petitions_search"
FTS_VENDOR = "sqlite"


def full_text_available():
    return connection.vendor in ("postgresql", FTS_VENDOR)


def _postgresql():
    return connection.vendor == "postgresql"


def clean_query(text):
    """The query with at most MAX_TERMS words, spaces folded."""
    return " ".join(text.split()[:MAX_TERMS])


def ranking_available():
    """Whether matches can be listed by relevance (on SQLite they are listed newest first)."""
    return _postgresql()


def full_text_matches(queryset, text):
    """Petitions whose English or French version matches; on PostgreSQL, with their rank."""
    if not _postgresql():
        query = fts_query(text)
        if query is None:
            return queryset.none()
        return queryset.filter(FTSMatch(F("pk"), Value(query)))
    return queryset.filter(Matching(text)).annotate(rank=Rank(text))


class BothLanguages(Expression):
    """Each language's vector tested against the query read in that language, in SQL
    written once: as SearchQuery and SearchRank write it, without their tree of
    expressions, which took longer to build and compile than the search took to run."""

    part = joined = ""

    def __init__(self, text):
        super().__init__()
        self.text = text
        self.vectors = [F("search_vector_en"), F("search_vector_fr")]

    def get_source_expressions(self):
        return self.vectors

    def set_source_expressions(self, exprs):
        self.vectors = exprs

    def as_sql(self, compiler, connection):
        parts, params = [], []
        for vector, language in zip(self.vectors, ("en", "fr"), strict=True):
            vector_sql, vector_params = compiler.compile(vector)
            parts.append(self.part.format(vector=vector_sql))
            params += [*vector_params, CONFIGS[language], self.text]
        return self.joined.format(*parts), params


class Matching(BothLanguages):
    """The English or the French version matches."""

    output_field = BooleanField()
    part = "{vector} @@ websearch_to_tsquery(%s::regconfig, %s)"
    joined = "({} OR {})"


class Rank(BothLanguages):
    """How well the better matching version matches (ts_rank)."""

    output_field = FloatField()
    part = "ts_rank({vector}, websearch_to_tsquery(%s::regconfig, %s))"
    joined = "GREATEST({}, {})"


def reader_language():
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def snippets(ids, text):
    """{id: the passages of its text that match} for the petitions ``ids``, in the
    reader's language (else in the other, where a petition is written in that one
    only). One query, written here rather than built by the ORM: it is the same for
    every search but for its values, and building it cost more than running it."""
    if not ids:
        return {}
    language = reader_language()
    petitions = apps.get_model("petitions", "Petition")
    if _postgresql():
        other = "fr" if language == "en" else "en"
        sql = (
            f"SELECT id, ts_headline(%s::regconfig, COALESCE(NULLIF(search_text_{language}, ''), "
            f"search_text_{other}), websearch_to_tsquery(%s::regconfig, %s), %s) "
            f"FROM {petitions._meta.db_table} WHERE id = ANY(%s)"  # noqa: S608
        )
        params = [CONFIGS[language], CONFIGS[language], text, HEADLINE_OPTIONS, list(ids)]
    else:
        query = fts_query(text)
        if query is None:
            return {}
        marks = [HIGHLIGHT_START, HIGHLIGHT_STOP, " … ", FTS_SNIPPET_TOKENS]
        sql = (
            f"SELECT rowid, CASE WHEN text_{language} = '' "
            f"THEN snippet({FTS_TABLE}, -1, %s, %s, %s, %s) "
            f"ELSE snippet({FTS_TABLE}, {LANGUAGES.index(language)}, %s, %s, %s, %s) END "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"AND rowid IN ({', '.join(['%s'] * len(ids))})"  # noqa: S608
        )
        params = [*marks, *marks, query, *ids]
    with connections[router.db_for_read(petitions)].cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


# SQLite: FTS5's own syntax, written from the same web-search syntax.


def fts_query(text):
    """An FTS5 query for the words, "phrases", -exclusions and "or" of a search; None
    when nothing in it can be matched."""
    required, excluded, either = [], [], False
    for sign, phrase, word in TERM_RE.findall(text):
        term = phrase or word
        if word and word.lower() == "or":
            either = bool(required)
            continue
        if word.startswith("-") and len(word) > 1:
            sign, term = "-", word[1:]
        if not re.search(r"\w", term):
            continue
        quoted = '"' + term.replace('"', '""') + '"'
        if sign:
            excluded.append(quoted)
        elif either and required:
            required[-1] = f"({required[-1]} OR {quoted})"
            either = False
        else:
            required.append(quoted)
    if not required:
        return None
    return " AND ".join(required) + "".join(f" NOT {term}" for term in excluded)


class FTSMatch(Func):
    """``pk`` is among the petitions the FTS5 query matches (SQLite).

    Written ``+pk IN (…)``: the "+" keeps SQLite from looking the matches up by id and
    sorting them all; it walks the list's order index instead and stops at the page.
    """

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        pk, query = self.get_source_expressions()
        pk_sql, pk_params = compiler.compile(pk)
        query_sql, query_params = compiler.compile(query)
        sql = f"(+{pk_sql} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {query_sql}))"  # noqa: S608
        return sql, (*pk_params, *query_params)


# The languages' texts, in the order of the full-text index's columns (migration 0006).
LANGUAGES = ("en", "fr")
# Tokens FTS5's snippet() shows around the matches.
FTS_SNIPPET_TOKENS = 30


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
