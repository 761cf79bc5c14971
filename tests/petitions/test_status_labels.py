"""The status a page prints is the status's label in the page's language, as Django's
generated get_status_display gives it (the model's own is a faster lookup)."""

import pytest
from django.utils import translation

from petitions.choices import Status
from petitions.models import Petition


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_status_is_printed_with_its_label(language):
    field = Petition._meta.get_field("status")
    with translation.override(language):
        for status in Status.values:
            petition = Petition(status=status)
            assert petition.get_status_display() == Petition._get_FIELD_display(petition, field)
    with translation.override("fr"):
        assert Petition(status=Status.CLOSED).get_status_display() == "Fermée"
