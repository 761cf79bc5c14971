"""An instance made from a row without __init__ is the instance from_db makes.

petitions.instances.loaded makes the petition page's petition and parts. For every
model read that way it takes the fast path, and what it makes holds the same values,
deferred fields and state as ``from_db``'s; a model whose ``__init__`` has a
listener of its own is made by ``from_db``, so the listener runs.
"""

import pytest
from django.db.models import signals

from petitions import instances
from petitions.instances import loaded
from petitions.models import Petition, Subject
from petitions.parts import PARTS


def held(instance):
    return {key: value for key, value in vars(instance).items() if key != "_state"} | {
        "state": (instance._state.db, instance._state.adding, instance._state.fields_cache),
        "deferred": instance.get_deferred_fields(),
    }


@pytest.mark.parametrize("model", [Petition, *(part.model for part in PARTS.values())])
def test_the_models_read_for_a_petition_page_take_the_fast_path(model):
    assert instances._made_by_its_fields(model)


@pytest.mark.django_db
def test_an_instance_holds_what_from_db_gives_it(e2829):
    read = Petition.objects.get(pk=e2829.pk)
    row = {name: value for name, value in vars(read).items() if name != "_state"}
    # Every field, then some deferred.
    for chosen in (set(row), {"id", "e_number", "status", "lead_in_en", "session_id"}):
        names = [field.attname for field in Petition._meta.concrete_fields]
        names = [name for name in names if name in chosen]
        made = loaded(Petition, "default", {name: row[name] for name in names})
        expected = Petition.from_db("default", names, [row[name] for name in names])
        assert held(made) == held(expected)
        assert made.number == "e-2829"


@pytest.mark.django_db
def test_a_model_whose_init_is_listened_to_is_made_by_from_db(e2829):
    heard = []

    def listen(sender, instance, **kwargs):
        heard.append(instance)

    signals.post_init.connect(listen, sender=Subject)
    instances._made_by_its_fields.cache_clear()
    try:
        subject = loaded(Subject, "default", {"id": e2829.subject_id, "slug": "s"})
        assert heard == [subject]
        assert subject.get_deferred_fields() >= {"name_en"}
    finally:
        signals.post_init.disconnect(listen, sender=Subject)
        instances._made_by_its_fields.cache_clear()
