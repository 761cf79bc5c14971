"""A page prints a field's value as its label in the page's language: the models'
``get_FOO_display`` (a table made once per field) gives what Django's own gives."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from petitions.choices import Status
from petitions.models import Member, Petition

FIELDS_WITH_CHOICES = [
    (model, field)
    for app in ("petitions", "responses")
    for model in apps.get_app_config(app).get_models()
    for field in model._meta.concrete_fields
    if field.choices and not model.__name__.startswith("Historical")
]


def test_every_field_with_choices_is_covered():
    assert {f"{model.__name__}.{field.name}" for model, field in FIELDS_WITH_CHOICES} >= {
        "Petition.status",
        "Petition.kind",
        "Member.province",
        "SignatureCount.province",
        "GovernmentResponse.signer_capacity",
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("model", "field"), FIELDS_WITH_CHOICES, ids=lambda item: getattr(item, "name", "")
)
def test_each_value_is_printed_with_djangos_label(language, model, field):
    with translation.override(language):
        for value, _label in field.flatchoices:
            instance = model(**{field.attname: value})
            shown = getattr(instance, f"get_{field.name}_display")()
            assert shown == models.Model._get_FIELD_display(instance, field)
            assert isinstance(shown, str)


def test_labels_follow_the_language_of_each_page():
    petition = Petition(status=Status.CLOSED)
    with translation.override("en"):
        assert petition.get_status_display() == "Closed"
    with translation.override("fr"):
        assert petition.get_status_display() == "Fermée"
    with translation.override("en"):
        assert Member(province="QC").get_province_display() == "Quebec"
    with translation.override("fr"):
        assert Member(province="QC").get_province_display() == "Québec"


def test_a_value_outside_the_choices_is_printed_as_stored():
    assert Petition(status="withdrawn").get_status_display() == "withdrawn"
