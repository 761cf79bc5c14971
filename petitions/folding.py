"""Accent- and case-insensitive matching for the portable search.

``field__folded__contains=fold(term)`` finds "pétition" from "petition" and
"PÉTITION". On SQLite the folding is a Python function registered on each
connection; on PostgreSQL it is the unaccent extension (migration
0003_accent_insensitive_search), though PostgreSQL normally uses full-text search.
"""

import unicodedata

from django.db.models import CharField, TextField, Transform


def fold(text):
    """Lowercase without accents: "Pétition À" -> "petition a"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Folded(Transform):
    lookup_name = "folded"
    # Other databases: case only.
    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="PETITION_FOLD", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="UNACCENT(LOWER(%(expressions)s))", **extra
        )


def _fold_or_null(text):
    return None if text is None else fold(str(text))


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created: SQLite connections learn PETITION_FOLD."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("PETITION_FOLD", 1, _fold_or_null, deterministic=True)


CharField.register_lookup(Folded)
TextField.register_lookup(Folded)
