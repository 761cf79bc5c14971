"""A lookup by one value whose query is compiled once per database connection.

Building and compiling the petition page's query (five tables joined, about ninety
columns) costs about 1.2 ms of Python on every request: four times what PostgreSQL
spends answering it. Its SQL differs only in the number asked for, so it is compiled
the first time a connection runs it and run again with each new number. A row becomes
the instance Django's ``ModelIterable`` makes (the petition made as petitions.instances
makes one, its related records by Django's populators; tests/petitions/test_compiled.py
holds the two equal).
"""

import threading
from dataclasses import dataclass
from functools import cached_property

from django.db import connections, router
from django.db.models.query import get_related_populators

from .instances import loaded


@dataclass(frozen=True)
class _Compiled:
    connection: object
    sql: str
    converters: dict
    init_list: list
    fields: slice
    related_populators: list


class CompiledLookup:
    """``queryset().get(field=value)`` for a unique field, its SQL compiled once per
    connection; None where no row has the value.

    ``queryset`` is a callable, so the queryset is built when first needed rather
    than at import; it may select related rows but not annotate.
    """

    def __init__(self, queryset, field):
        self.queryset = queryset
        self.field = field
        # Compiled per thread and database, as Django keeps connections: what is
        # compiled refers to its connection, and goes when its thread does.
        self._local = threading.local()

    @cached_property
    def model(self):
        return self.queryset().model

    @cached_property
    def model_field(self):
        return self.model._meta.get_field(self.field)

    def get(self, value):
        """The instance whose field equals ``value``, or None."""
        using = router.db_for_read(self.model)
        connection = connections[using]
        compiled = self._compiled(connection, using, value)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, [self.model_field.get_db_prep_value(value, connection)])
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for position, (converters, expression) in compiled.converters.items():
            for convert in converters:
                row[position] = convert(row[position], expression, connection)
        values = dict(zip(compiled.init_list, row[compiled.fields], strict=True))
        instance = loaded(self.model, using, values)
        for populator in compiled.related_populators:
            populator.populate(row, instance)
        return instance

    def _compiled(self, connection, using, value):
        by_database = self._local.__dict__.setdefault("by_database", {})
        compiled = by_database.get(using)
        if compiled is None or compiled.connection is not connection:
            compiled = by_database[using] = self._compile(connection, using, value)
        return compiled

    def _compile(self, connection, using, value):
        queryset = self.queryset().filter(**{self.field: value})
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        if not self.model_field.unique:
            raise ValueError(f"{self.field} does not name one row: it is not unique.")
        if len(params) != 1 or compiler.annotation_col_map:
            raise ValueError("The query may take no value but the field's, and no annotation.")
        select, klass_info = compiler.select, compiler.klass_info
        columns = klass_info["select_fields"]
        fields = slice(columns[0], columns[-1] + 1)
        return _Compiled(
            connection=connection,
            sql=sql,
            converters=compiler.get_converters([column[0] for column in select]),
            init_list=[column[0].target.attname for column in select[fields]],
            fields=fields,
            related_populators=get_related_populators(klass_info, select, using),
        )
