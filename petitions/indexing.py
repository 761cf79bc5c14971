"""Each petition's derived search data, kept in step with its record.

Whenever a petition or anything it shows is saved or deleted (petitions.signals), this
recomputes, from the record: what it asks and the text a search quotes, in each
language (``asks_*``, ``search_text_*``, petitions.documents); its search vectors on
PostgreSQL; its row of the full-text index on SQLite (FTS5). Bulk loads (demo/) write
the same data themselves, with these functions (``documents``, ``fts_terms``) and the
vectors' SQL (petitions.vectors).
"""

from django.db import connection, connections

from . import documents, search, vectors
from .choices import PartStyle
from .models import Petition
from .numbers import format_e_number

LANGUAGES = ("en", "fr")
BATCH_SIZE = 500
STORED = ["asks_en", "asks_fr", "search_text_en", "search_text_fr"]


def refresh(petitions, texts_stored=False):
    """Recompute the derived search data of a queryset of petitions, in batches.

    ``texts_stored``: what they ask and their search texts are already right (a bulk
    load wrote them); only the index and the vectors are brought in step.
    """
    ids = list(petitions.order_by().values_list("pk", flat=True))
    parts = () if texts_stored else ("clauses", "demands")
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        rows = list(
            Petition.objects.filter(pk__in=batch)
            .select_related("subject", "response")
            .prefetch_related(*parts, "keywords")
            .only(
                "e_number",
                "petition_no",
                "demand_style",
                "initiator_name",
                "initiator_city",
                "subject__name_en",
                "subject__name_fr",
                "response__text_en",
                "response__text_fr",
                "response__sessional_paper",
                *(f"{field}_{lang}" for lang in LANGUAGES for field in TEXT_FIELDS),
                *(("search_text_en", "search_text_fr") if texts_stored else ()),
            )  # fmt: skip
        )
        if not texts_stored:
            for petition in rows:
                for language in LANGUAGES:
                    asks, text = texts(petition, language)
                    setattr(petition, f"asks_{language}", asks)
                    setattr(petition, f"search_text_{language}", text)
            Petition.objects.bulk_update(rows, STORED)
        if connection.vendor == search.FTS_VENDOR:
            write_fts_rows(batch, [fts_row(petition) for petition in rows])
        vectors.refresh_search_vectors(batch)


# The petition's own texts, in each language, that documents are made of.
TEXT_FIELDS = ("grievance_intro", "lead_in", "closing", "addressee_name")


def texts(petition, language):
    """(what it asks, the text a search quotes), in one language; "" where unwritten."""

    def written(instance, field):
        return getattr(instance, f"{field}_{language}", None) or ""

    clauses = [written(part, "text") for part in petition.clauses.all()]
    requests = [written(part, "text") for part in petition.demands.all()]
    response = written(petition.response, "text") if petition.has_response else ""
    asks = documents.what_it_asks(
        written(petition, "lead_in"),
        [request for request in requests if request],
        marked=petition.demand_style == PartStyle.MARKED,
    )
    text = documents.search_text(
        written(petition, "grievance_intro"),
        *clauses,
        written(petition, "lead_in"),
        *requests,
        written(petition, "closing"),
        response,
    )
    return asks, text


def numbers(e_number, petition_no):
    """Every form of a petition's numbers, as people type them: e2829 2829 432-00158."""
    forms = []
    if e_number:
        forms += [format_e_number(e_number), f"e{e_number}", str(e_number)]
    if petition_no:
        forms += [petition_no, petition_no.replace("-", "")]
    return forms


def fts_row(petition):
    """The petition's row of the SQLite index: its texts in each language, then the
    names and numbers it is found by."""
    terms = fts_terms(
        numbers(petition.e_number, petition.petition_no),
        petition.response.sessional_paper if petition.has_response else "",
        petition.initiator_name,
        petition.initiator_city,
        [getattr(petition.subject, f"name_{lang}") for lang in LANGUAGES],
        [getattr(petition, f"addressee_name_{lang}") for lang in LANGUAGES],
        [
            getattr(keyword, f"name_{lang}")
            for keyword in petition.keywords.all()
            for lang in LANGUAGES
        ],
    )
    return (petition.pk, petition.search_text_en, petition.search_text_fr, terms)


def fts_terms(
    numbers, sessional_paper, initiator_name, initiator_city, subjects, addressees, keywords
):
    """The names and numbers a petition is found by, in one text (bulk loads call this
    with the values they write)."""
    terms = [
        *numbers,
        sessional_paper,
        initiator_name,
        initiator_city,
        *subjects,
        *addressees,
        *keywords,
    ]
    return " ".join(term for term in terms if term)


def write_fts_rows(ids, rows):
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {search.FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608
            ids,
        )
        cursor.executemany(
            f"INSERT INTO {search.FTS_TABLE} (rowid, text_en, text_fr, terms) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)",
            rows,
        )


def forget_the_missing(using="default", **kwargs):
    """Drop the SQLite index's rows of petitions that are no longer there."""
    connection = connections[using]
    if connection.vendor != search.FTS_VENDOR:
        return
    if search.FTS_TABLE not in connection.introspection.table_names():
        return  # migrated back to before the index
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {search.FTS_TABLE} "  # noqa: S608
            "WHERE rowid NOT IN (SELECT id FROM petitions_petition)"
        )


def forget(petition_ids):
    """Drop deleted petitions from the SQLite index."""
    if connection.vendor == search.FTS_VENDOR and petition_ids:
        write_fts_rows(list(petition_ids), [])
