"""The columns a bulk load writes, read from each model's ``_meta``.

Every concrete field of the model is a column, in the model's order, so a field added
to a model is never skipped nor shifted. Each one is either given by the generator,
left to the database (ids from the table's sequence, values computed after the load),
or left to its default: a field with a constant default, or one that may be null. A
field that is none of these stops the load at its first row, with the field's name.
"""

from django.db.models import NOT_PROVIDED


class Table:
    """One model's table: the columns a load writes, and rows made from values by column."""

    def __init__(self, model, left_to_database=()):
        self.model = model
        self.name = model._meta.db_table
        fields = [f for f in model._meta.concrete_fields if f.name not in left_to_database]
        self.columns = tuple(field.column for field in fields)
        self.required = frozenset(field.column for field in fields if _needs_a_value(field))
        # Computed once: field.get_default() costs more than making the row.
        self.defaults = {
            field.column: field.get_default()
            for field in fields
            if field.column not in self.required
        }
        self.checked_shape = frozenset()

    def row(self, values):
        """The row of ``values`` (by column), in the order of ``columns``, defaults filled."""
        shape = values.keys()
        if shape != self.checked_shape:
            self._check(shape)
        given = self.defaults | values
        return tuple(map(given.__getitem__, self.columns))

    def _check(self, shape):
        unknown = shape - set(self.columns)
        if unknown:
            raise ValueError(f"{self.name} has no column {', '.join(sorted(unknown))}.")
        missing = self.required - shape
        if missing:
            raise ValueError(
                f"{self.model.__name__}: no value for {', '.join(sorted(missing))}, which "
                "has no constant default: give it one in the model, or a value in "
                "demo/generator.py."
            )
        self.checked_shape = frozenset(shape)


def _needs_a_value(field):
    """A field the model cannot fill alone: no default and not nullable; or a default
    computed per row, or by the database, that a bulk load would not compute."""
    if field.db_default is not NOT_PROVIDED:
        return True
    if field.has_default():
        return callable(field.default)
    return not field.null
