"""Texts as the record keeps them: printable characters, lines ended one way, bounded.

Pasted text brings characters no page prints: a vertical tab (Word's Shift+Enter),
control characters, Windows line endings. They are cleaned out of every text a clerk
or an import writes (``CleanTextsMixin``), so that the pages, feeds and exports
never meet them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Longer than any real petition's text or response (e-2829's response: 7,800 characters).
MAX_TEXT_LENGTH = 50_000

LINE_BREAKS_RE = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# C0 and C1 control characters but tab and line feed, and the Unicode non-characters.
CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def clean_text(value, multiline=True):
    """``value`` without control characters; line breaks as "\\n", or spaces on one line."""
    value = CONTROLS_RE.sub("", LINE_BREAKS_RE.sub("\n", value))
    if not multiline:
        value = value.replace("\n", " ").replace("\t", " ")
    return value


class CleanTextsMixin:
    """For a model: every text field is cleaned before it is validated, and a text
    field without a max_length is bounded by MAX_TEXT_LENGTH."""

    def clean_fields(self, exclude=None):
        errors = {}
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str):
                continue
            value = clean_text(value, multiline=isinstance(field, models.TextField))
            setattr(self, field.attname, value)
            if len(value) > MAX_TEXT_LENGTH:
                errors[field.name] = _(
                    "At most %(limit)s characters (this text has %(length)s)."
                ) % {"limit": f"{MAX_TEXT_LENGTH:,}", "length": f"{len(value):,}"}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
