"""A petition's parts, read in one query: its whereas clauses, demands, signatures by
province and keywords.

``prefetch_related`` reads them in four queries, and building those four querysets
costs more Python than the database spends answering them (about 1.5 ms each against
0.5 ms for the four together). The petition page and the API's petition read a
petition's parts on every request, so they read them here. What they get is what
``prefetch_related("clauses", "demands", "signature_counts", "keywords")`` would
give: ``petition.clauses.all()`` and the rest answer without a query, in the same
order (tests/petitions/test_parts.py holds the two equal).
"""

from django.conf import settings
from django.db import connections
from modeltranslation.utils import build_localized_fieldname, get_language

from .models import Demand, Keyword, Petition, SignatureCount, WhereasClause

LANGUAGES = [code for code, _ in settings.LANGUAGES]
# Every branch of the UNION fills the same columns: which part, its petition, two
# integers, the untranslated text, the text in each language and one more, and the
# text a part is sorted by: keywords by their name in the page's language (as
# modeltranslation orders Keyword by "name"), signatures by province.
INTEGERS = 2
TEXTS = 2 + len(LANGUAGES)
PARTS = {
    "clauses": WhereasClause,
    "demands": Demand,
    "signature_counts": SignatureCount,
    "keywords": Keyword,
}


def _branch(connection, name, model, integers, texts, sort, source, petition_column):
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)

    def column(field):
        return f"{table}.{quote(model._meta.get_field(field).column)}"

    def columns(fields, count, cast):
        return [*map(column, fields)] + [f"CAST(NULL AS {cast})"] * (count - len(fields))

    sort_cell = column(sort) if sort else "CAST(NULL AS text)"
    cells = [
        f"'{name}'",
        petition_column,
        *columns(integers, INTEGERS, "integer"),
        *columns(texts, TEXTS, "text"),
        sort_cell,
    ]
    return f"SELECT {', '.join(cells)} FROM {source}"


def _sql(connection, count):
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * count)
    branches = []
    for name in ("clauses", "demands"):
        model = PARTS[name]
        table = quote(model._meta.db_table)
        branches.append(
            _branch(
                connection,
                name,
                model,
                ["id", "position"],
                ["text", *[f"text_{code}" for code in LANGUAGES]],
                None,
                f"{table} WHERE {quote('petition_id')} IN ({placeholders})",
                quote("petition_id"),
            )  # fmt: skip
        )
    counts = quote(SignatureCount._meta.db_table)
    branches.append(
        _branch(
            connection,
            "signature_counts",
            SignatureCount,
            ["id", "count"],
            ["province"],
            "province",
            f"{counts} WHERE {quote('petition_id')} IN ({placeholders})",
            quote("petition_id"),
        )  # fmt: skip
    )
    through = Petition.keywords.through
    links = quote(through._meta.db_table)
    keywords = quote(Keyword._meta.db_table)
    link_petition = f"{links}.{quote(through._meta.get_field('petition').column)}"
    branches.append(
        _branch(
            connection,
            "keywords",
            Keyword,
            ["id"],
            ["name", *[f"name_{code}" for code in LANGUAGES], "slug"],
            build_localized_fieldname("name", get_language()),
            f"{keywords} JOIN {links} ON {links}.{quote(through._meta.get_field('keyword').column)}"
            f" = {keywords}.{quote('id')} WHERE {link_petition} IN ({placeholders})",
            link_petition,
        )  # fmt: skip
    )
    # Columns by number: 1 the part, 2 its petition, 3 its id, 4 its position, and last
    # the text it is sorted by (none for clauses and demands).
    sort_column = 3 + INTEGERS + TEXTS
    return " UNION ALL ".join(branches) + f" ORDER BY 1, 2, {sort_column}, 4, 3"


def _instance(name, row, using):
    model = PARTS[name]
    petition_id, numbers, texts = row[1], row[2 : 2 + INTEGERS], row[2 + INTEGERS : -1]
    if name in ("clauses", "demands"):
        names = ["id", "position", "text", *[f"text_{code}" for code in LANGUAGES]]
        values = [*numbers, *texts[: 1 + len(LANGUAGES)]]
    elif name == "signature_counts":
        names, values = ["id", "count", "province"], [*numbers, texts[0]]
    else:
        names = ["id", "name", *[f"name_{code}" for code in LANGUAGES], "slug"]
        values = [numbers[0], *texts[: 2 + len(LANGUAGES)]]
    if name != "keywords":
        names, values = [*names, "petition_id"], [*values, petition_id]
    # from_db takes the values in the order of the model's fields.
    data = dict(zip(names, values, strict=True))
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in data]
    return model.from_db(using, fields, [data[field] for field in fields])


def load_parts(petitions):
    """Give each petition its parts, as ``prefetch_related`` would, in one query."""
    petitions = [petition for petition in petitions if petition is not None]
    if not petitions:
        return
    using = petitions[0]._state.db or "default"
    connection = connections[using]
    by_id = {petition.pk: petition for petition in petitions}
    found = {pk: {name: [] for name in PARTS} for pk in by_id}
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection, len(by_id)), [*by_id] * len(PARTS))
        for row in cursor.fetchall():
            found[row[1]][row[0]].append(_instance(row[0], row, using))
    for pk, parts in found.items():
        petition = by_id[pk]
        cache = petition.__dict__.setdefault("_prefetched_objects_cache", {})
        for name, instances in parts.items():
            if name != "keywords":
                for instance in instances:
                    # As prefetch_related does: a part knows its petition without a query.
                    PARTS[name]._meta.get_field("petition").set_cached_value(instance, petition)
            # The shape prefetch_related leaves: the related manager's queryset, evaluated.
            queryset = getattr(petition, name).get_queryset()
            queryset._result_cache = instances
            queryset._prefetch_done = True
            cache[name] = queryset
