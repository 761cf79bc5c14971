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

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from django.db import connections
from modeltranslation.utils import build_localized_fieldname, get_language

from .instances import loaded
from .languages import LANGUAGE_CODES
from .models import Petition


@dataclass(frozen=True)
class Part:
    """One kind of part: the petition's accessor, the fields read into the query's
    integer and text columns, and the field it is sorted by before its position."""

    name: str
    integers: tuple
    texts: tuple
    sort: str | None = None

    @cached_property
    def relation(self):
        """Petition's field or relation: a ManyToManyField, or the ForeignKey's reverse."""
        return Petition._meta.get_field(self.name)

    @cached_property
    def model(self):
        return self.relation.related_model

    def sort_field(self, language):
        if self.sort is None:
            return None
        # A translated name sorts in the page's language, as modeltranslation orders it.
        localized = build_localized_fieldname(self.sort, language)
        names = {field.name for field in self.model._meta.concrete_fields}
        return localized if localized in names else self.sort


def _translated(field):
    return (field, *(f"{field}_{code}" for code in LANGUAGE_CODES))


PARTS = {
    part.name: part
    for part in [
        Part("clauses", ("id", "position"), _translated("text")),
        Part("demands", ("id", "position"), _translated("text")),
        Part("signature_counts", ("id", "count"), ("province",), sort="province"),
        Part("keywords", ("id",), (*_translated("name"), "slug"), sort="name"),
    ]
}
# Every branch of the UNION fills the same columns: the part's name, its petition,
# the integers, the texts, and the text it is sorted by.
INTEGERS = max(len(part.integers) for part in PARTS.values())
TEXTS = max(len(part.texts) for part in PARTS.values())


def _branch(connection, part, placeholders, language):
    quote = connection.ops.quote_name
    table = quote(part.model._meta.db_table)

    def column(field):
        return f"{table}.{quote(part.model._meta.get_field(field).column)}"

    def padded(fields, width, cast):
        return [*map(column, fields)] + [f"CAST(NULL AS {cast})"] * (width - len(fields))

    field = part.relation
    if field.many_to_many:
        links = quote(field.remote_field.through._meta.db_table)
        petition = f"{links}.{quote(field.m2m_column_name())}"
        source = (
            f"{table} JOIN {links} ON {links}.{quote(field.m2m_reverse_name())}"
            f" = {table}.{quote(part.model._meta.pk.column)}"
        )
    else:
        petition, source = f"{table}.{quote(field.field.column)}", table
    sort = part.sort_field(language)
    cells = [
        f"'{part.name}'",
        petition,
        *padded(part.integers, INTEGERS, "integer"),
        *padded(part.texts, TEXTS, "text"),
        column(sort) if sort else "CAST(NULL AS text)",
    ]
    return f"SELECT {', '.join(cells)} FROM {source} WHERE {petition} IN ({placeholders})"


@lru_cache(maxsize=32)
def _sql(alias, count, language):
    """The query for ``count`` petitions, sorted for ``language`` (the page's)."""
    connection = connections[alias]
    placeholders = ", ".join(["%s"] * count)
    branches = [_branch(connection, part, placeholders, language) for part in PARTS.values()]
    # By part, petition, sort text, position (the second integer), then id.
    return " UNION ALL ".join(branches) + f" ORDER BY 1, 2, {3 + INTEGERS + TEXTS}, 4, 3"


def _instance(part, row, using):
    values = dict(zip(part.integers, row[2 : 2 + INTEGERS], strict=False))
    values.update(zip(part.texts, row[2 + INTEGERS : 2 + INTEGERS + TEXTS], strict=False))
    if not part.relation.many_to_many:
        values[part.relation.field.attname] = row[1]
    return loaded(part.model, using, values)


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
        sql = _sql(connection.alias, len(by_id), get_language())
        cursor.execute(sql, [*by_id] * len(PARTS))
        for row in cursor.fetchall():
            found[row[1]][row[0]].append(_instance(PARTS[row[0]], row, using))
    for pk, parts in found.items():
        petition = by_id[pk]
        prefetched = petition.__dict__.setdefault("_prefetched_objects_cache", {})
        for name, instances in parts.items():
            relation = PARTS[name].relation
            if not relation.many_to_many:
                for instance in instances:
                    # As prefetch_related does: a part knows its petition without a query.
                    relation.field.set_cached_value(instance, petition)
            prefetched[name] = _evaluated(PARTS[name], petition, instances, using)


@cache
def _unfiltered(name, using):
    """A part's queryset without its petition's filter, made once per part and database:
    the related manager builds it afresh for each petition (modeltranslation makes a new
    queryset class each time), which cost more than the parts' query itself."""
    return PARTS[name].model._default_manager.using(using)


@cache
def _petition_lookup(name):
    """The filter the related manager defers (its ``core_filters``), without making a
    manager for each petition: (lookup, whether it takes the petition's id rather
    than the petition)."""
    relation = PARTS[name].relation
    if relation.many_to_many:
        return f"{relation.related_query_name()}__{Petition._meta.pk.name}", True
    return relation.field.name, False


def _evaluated(part, petition, instances, using):
    """The related manager's queryset, evaluated: the shape prefetch_related leaves.

    Its filter by the petition is deferred, as the related manager defers it, so a
    queryset chained from it (``petition.clauses.filter(...)``) reads only this
    petition's parts.
    """
    queryset = _unfiltered(part.name, using)._chain()
    queryset._add_hints(instance=petition)
    lookup, by_id = _petition_lookup(part.name)
    queryset._deferred_filter = (False, (), {lookup: petition.pk if by_id else petition})
    if not part.relation.many_to_many:
        queryset._known_related_objects = {part.relation.field: {petition.pk: petition}}
    queryset._result_cache = instances
    queryset._prefetch_done = True
    return queryset
