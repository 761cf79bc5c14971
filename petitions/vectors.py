"""PostgreSQL's search vectors, built in SQL from the record (petitions.search reads
them)."""

import functools

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connections, router
from django.db.models import OuterRef, Subquery, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, Replace
from django.db.models.query import QuerySet
from django.db.models.sql import UpdateQuery

from .models import Demand, Keyword, Petition, Subject, WhereasClause
from .search import CONFIGS, text_value


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
        text_value(""),
        output_field=TextField(),
    )


def _related(model, field, **link):
    """One field of the petition's subject, or of its response through the petition
    (a subquery)."""
    return Coalesce(
        Subquery(model.objects.filter(**link).values(field)[:1]),
        text_value(""),
        output_field=TextField(),
    )


def _numbers():
    """Every form of the petition's numbers: e2829 2829 432-00158 43200158."""
    e_number = Coalesce(Cast("e_number", TextField()), text_value(""), output_field=TextField())
    petition_no = Coalesce("petition_no", text_value(""), output_field=TextField())
    return Concat(
        text_value("e"),
        e_number,
        text_value(" "),
        e_number,
        text_value(" "),
        petition_no,
        text_value(" "),
        Replace(petition_no, text_value("-"), text_value("")),
        output_field=TextField(),
    )


def _text(field):
    return Coalesce(field, text_value(""), output_field=TextField())


def search_vector(language):
    """The weighted vector of one language version of a petition.

    A: numbers (the response's sessional paper's too), subject and keywords;
    B: the text, from the grievances to the closing paragraphs; C: the response;
    D: the initiator and the addressee.
    """
    config = CONFIGS[language]
    return (
        SearchVector(
            _numbers(),
            _related(Petition, "response__sessional_paper", pk=OuterRef("pk")),
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
            _related(Petition, f"response__text_{language}", pk=OuterRef("pk")),
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


def refresh_search_vectors(ids):
    """Recompute the vectors of the petitions with these ids, in one UPDATE."""
    using = router.db_for_write(Petition)
    if connections[using].vendor != "postgresql" or not ids:
        return
    sql, params = _compiled_update(using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, list(ids)])


@functools.cache
def _compiled_update(using):
    """The UPDATE of the vectors, its SQL compiled once per database, the ids its last
    parameter. Building and compiling the vectors' expressions costs tens of milliseconds
    of Python, far more than PostgreSQL spends on a petition, and every save of a
    petition or of one of its parts asks for it."""
    ids = []
    query = (
        QuerySet(Petition)
        .filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
        .query.chain(UpdateQuery)
    )
    query.add_update_values(
        {f"search_vector_{language}": search_vector(language) for language in ("en", "fr")}
    )
    sql, params = query.get_compiler(using).as_sql()
    if not params or params[-1] is not ids:
        raise RuntimeError("The ids are not the UPDATE's last parameter.")
    return sql, params[:-1]
