"""Model instances made from a database row as Django makes an unpickled one: the
fields' values set directly, without ``__init__``.

``Model.from_db`` runs ``__init__`` (modeltranslation's wrapper, then Django's, which
sets each field through its descriptor and sends ``pre_init`` and ``post_init``) for
the same instance in about five times the time; the petition page makes twenty of
them a request. A model whose ``__init__`` is listened to by anything but
modeltranslation (whose receiver only removes a mark its wrapper leaves) is made by
``from_db`` as before.
"""

import functools

from django.db.models import signals
from django.db.models.base import ModelState
from modeltranslation.translator import delete_mt_init


def loaded(model, using, values):
    """An instance of ``model`` read from database ``using``, its fields (by attname)
    those of ``values``; the fields not given are deferred, as ``from_db`` leaves them."""
    if not _made_by_its_fields(model):
        # from_db takes the values in the order of the model's fields.
        names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
        return model.from_db(using, names, [values[name] for name in names])
    instance = model.__new__(model)
    instance.__dict__.update(values)
    state = instance._state = ModelState()
    state.adding, state.db = False, using
    return instance


@functools.cache
def _made_by_its_fields(model):
    """Whether ``__init__`` does nothing for ``model`` but set its fields' values.

    Asked once per model, when its first row is read: receivers are connected as
    models and apps load, before any row is."""
    sync_receivers, async_receivers = signals.post_init._live_receivers(model)
    return not signals.pre_init.has_listeners(model) and all(
        receiver is delete_mt_init for receiver in [*sync_receivers, *async_receivers]
    )
