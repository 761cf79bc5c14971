"""A petition read by its compiled lookup is the petition the ORM reads.

The petition page and the API's petition read a petition through
petitions.compiled.CompiledLookup, its SQL compiled once per connection, instead of
``Petition.objects.with_page_relations().get(...)``. For every shape of record
(e-petition and paper, with and without a presenter, response, Petition No.,
dates, texts in one language), by e-number and by Petition No., in English and in
French, both give the same petition, with the same values, the same related records
and the same deferred columns; a number that names no petition gives None.
"""

import datetime

import pytest
from django.utils import timezone, translation

from petitions.compiled import CompiledLookup
from petitions.models import Member, ParliamentSession, Petition, Subject
from petitions.numbers import parse_number
from petitions.page_record import FOR_PAGE, petition_address, petition_for_page

RELATIONS = ("subject", "session", "sponsor", "presenter", "response")


def as_read(petition):
    """Every loaded value of the petition and of each record it refers to."""

    def values(instance):
        if instance is None:
            return None
        deferred = instance.get_deferred_fields()
        return {
            field.attname: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields
            if field.attname not in deferred
        } | {
            "deferred": deferred,
            "db": instance._state.db,
            "adding": instance._state.adding,
            "relations cached": set(instance._state.fields_cache),
            # All else the instance holds.
            "attributes": {key: value for key, value in vars(instance).items() if key != "_state"},
        }

    return {
        "petition": values(petition),
        **{name: values(getattr(petition, name, None)) for name in RELATIONS},
    }


@pytest.fixture
def bare(db):
    """An e-petition open for signature: no presenter, response or Petition No."""
    return Petition.objects.create(
        kind="electronic",
        e_number=7001,
        session=ParliamentSession.objects.get_by_code("441"),
        subject=Subject.objects.create(slug="housing", name_fr="Logement"),
        status="open",
        opened_at=timezone.make_aware(datetime.datetime(2024, 5, 1, 9, 30)),
        scheduled_close_at=timezone.make_aware(datetime.datetime(2024, 8, 29, 9, 30)),
        sponsor=Member.objects.create(name="Sam Sample", slug="sam-sample"),
        lead_in_fr="Nous, soussignés, prions le gouvernement :",
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_petition_reads_as_the_orm_reads_it(samples, bare, language):
    petitions = list(Petition.objects.order_by("pk"))
    assert len(petitions) >= 6
    with translation.override(language):
        for petition in petitions:
            for lookup, field in (
                (FOR_PAGE.by_e_number, "e_number"),
                (FOR_PAGE.by_petition_no, "petition_no"),
            ):
                value = getattr(petition, field)
                if value is None:
                    continue
                expected = Petition.objects.with_page_relations().get(**{field: value})
                read = lookup.get(value)
                assert read == expected
                assert as_read(read) == as_read(expected)


def test_a_petition_read_for_its_address_has_only_its_numbers(samples, django_assert_num_queries):
    for petition in Petition.objects.all():
        number = parse_number(petition.number)
        with django_assert_num_queries(1):
            read = petition_address(number)
            assert read.get_absolute_url() == petition.get_absolute_url()
        expected = Petition.objects.only("e_number", "petition_no").get(pk=petition.pk)
        assert as_read(read)["petition"] == as_read(expected)["petition"]


def test_the_related_records_come_with_the_petition(e2829, django_assert_num_queries):
    with django_assert_num_queries(1):
        petition = FOR_PAGE.by_e_number.get(2829)
        assert petition.subject.name_en
        assert petition.sponsor.name
        assert petition.presenter.name
        assert petition.response.tabled_on
        assert str(petition.session)


def test_a_number_that_names_no_petition_reads_none(e2829, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert FOR_PAGE.by_e_number.get(9999) is None
    with django_assert_num_queries(1):
        assert FOR_PAGE.by_petition_no.get("432-99999") is None


def test_the_page_record_brings_its_parts_in_one_more_query(e2829, django_assert_num_queries):
    with django_assert_num_queries(2):
        petition = petition_for_page(parse_number("e2829"))
        assert len(petition.clauses.all()) > 0
        assert len(petition.demands.all()) > 0


def test_a_lookup_on_a_field_that_is_not_unique_is_refused(e2829):
    with pytest.raises(ValueError, match="not unique"):
        CompiledLookup(Petition.objects.all, "status").get("responded")
