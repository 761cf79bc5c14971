"""Every change to a petition and its parts is kept (django-simple-history).

The historical models are registered here, once modeltranslation has added the
English and French columns (``lead_in_en``, ``text_fr``...), so that history
keeps both languages. They live in this app: ``clerks.HistoricalPetition``...
"""

from collections import defaultdict
from dataclasses import dataclass, field

import simple_history
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# The models whose every version is kept, as "app_label.ModelName".
TRACKED_MODELS = [
    "petitions.Petition",
    "petitions.WhereasClause",
    "petitions.Demand",
    "petitions.SignatureCount",
    "responses.GovernmentResponse",
]


# Derived from the record, rebuilt on every save: not part of its history.
DERIVED = [
    "search_vector_en",
    "search_vector_fr",
    "asks_en",
    "asks_fr",
    "search_text_en",
    "search_text_fr",
    "response_late",
    "sponsor_name",
]
NOT_KEPT = {"petitions.Petition": DERIVED}


def register_history():
    for label in TRACKED_MODELS:
        model = apps.get_model(label)
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            simple_history.register(model, app="clerks", excluded_fields=NOT_KEPT.get(label, []))


def record_first_versions():
    """Give every tracked row without history a first version.

    Fixtures are loaded raw, bypassing the signals that keep history; without a
    first version, the first change to such a row would not show its old values.
    """
    for label in TRACKED_MODELS:
        model = apps.get_model(label)
        known = model.history.values_list("id", flat=True)
        rows = list(model._default_manager.exclude(pk__in=known))
        model.history.bulk_history_create(rows, default_change_reason="Loaded from a fixture")


@dataclass
class Change:
    field: str
    old: object
    new: object
    related_model: type | None = None


@dataclass
class Entry:
    """One saved version: who, when, what, and the fields it changed."""

    kind: str
    record: object
    label: str
    action: str
    changes: list = field(default_factory=list)

    @property
    def date(self):
        return self.record.history_date

    @property
    def user(self):
        return self.record.history_user


# The parts of a petition shown in its history, by the key used in restore URLs.
PARTS = {
    "petition": ("petitions.Petition", "id"),
    "clause": ("petitions.WhereasClause", "petition_id"),
    "demand": ("petitions.Demand", "petition_id"),
    "signatures": ("petitions.SignatureCount", "petition_id"),
    "response": ("responses.GovernmentResponse", "petition_id"),
}
ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
# Stamped by the database or kept in step by modeltranslation: no news to a reader.
UNSHOWN_FIELDS = {
    "updated_at",
    "created_at",
    "text",
    "lead_in",
    "addressee_name",
    "office",
    *DERIVED,
}


def history_model(kind):
    return apps.get_model(PARTS[kind][0]).history.model


def petition_history(petition):
    """Every version of the petition and its parts, newest first, with what changed.

    One query per kind of part, whatever the number of versions.
    """
    entries = []
    for kind, (_label, key) in PARTS.items():
        records = (
            history_model(kind)
            .objects.filter(**{key: petition.pk})
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        previous = {}
        for record in records:
            before = previous.get(record.id)
            entry = Entry(kind, record, part_label(kind, record), ACTIONS[record.history_type])
            if before is not None and record.history_type == "~":
                entry.changes = changes(before, record)
            previous[record.id] = record
            entries.append(entry)
    entries.sort(key=lambda entry: (entry.date, entry.record.history_id), reverse=True)
    name_related_rows(entries)
    return entries


def name_related_rows(entries):
    """Show a session, subject or Member by name: one query per related model."""
    wanted = defaultdict(set)
    for entry in entries:
        for change in entry.changes:
            if change.related_model:
                wanted[change.related_model].update({change.old, change.new} - {None})
    rows = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}
    for entry in entries:
        for change in entry.changes:
            if change.related_model:
                named = rows[change.related_model]
                change.old = str(named.get(change.old, change.old or "—"))
                change.new = str(named.get(change.new, change.new or "—"))


def restore_version(petition, kind, history_id):
    """Bring back one version of the petition or of one of its parts.

    Raises ValidationError when that version no longer fits the record (a clause's
    position since taken, a response without the matching status...); nothing is
    saved then.
    """
    if kind not in PARTS:
        raise Http404
    record = history_model(kind).objects.filter(history_id=history_id).first()
    if record is None or getattr(record, PARTS[kind][1]) != petition.pk:
        raise Http404
    instance = record.instance
    # Still in the record: an update, not a new row (matters to unique checks).
    instance._state.adding = not type(instance)._default_manager.filter(pk=instance.pk).exists()
    instance._change_reason = f"Restored the version of {record.history_date:%Y-%m-%d %H:%M}"
    with transaction.atomic():
        # One change to a petition at a time: an admin save holds this lock too.
        type(petition).objects.select_for_update().filter(pk=petition.pk).first()
        instance.full_clean()
        instance.save()
        restored = type(petition).objects.get(pk=petition.pk)
        has_response = (
            apps.get_model("responses.GovernmentResponse")
            .objects.filter(petition=restored)
            .exists()
        )
        if restored.status not in restored.expected_statuses(has_response=has_response):
            raise ValidationError(
                _("That version does not agree with the petition's status and response.")
            )
    return instance


def part_label(kind, record):
    model = apps.get_model(PARTS[kind][0])
    name = capfirst(model._meta.verbose_name)
    if kind in ("clause", "demand"):
        return f"{name} {record.position}"
    if kind == "signatures":
        return f"{name}: {record.province}"
    return str(name)


def changes(before, after):
    found = []
    for model_field in after.instance_type._meta.concrete_fields:
        name = model_field.attname
        if model_field.primary_key or model_field.name in UNSHOWN_FIELDS:
            continue
        label = str(field_label(model_field))
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            if model_field.is_relation:
                found.append(Change(label, old, new, model_field.related_model))
            else:
                found.append(Change(label, shown(model_field, old), shown(model_field, new)))
    return found


def field_label(model_field):
    # modeltranslation already names the language: "Prayer lead-in [en]".
    return capfirst(model_field.verbose_name)


def shown(model_field, value):
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    return value
