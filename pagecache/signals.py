"""Every save or delete in the public record invalidates the cached pages."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import bump

# The apps whose rows the public pages, feeds and API show.
RECORD_APPS = ("petitions", "responses")


def record_changed(sender, **kwargs):
    bump()


def connect():
    for label in RECORD_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(record_changed, sender=model, dispatch_uid=f"pagecache-save-{model}")
            post_delete.connect(
                record_changed, sender=model, dispatch_uid=f"pagecache-delete-{model}"
            )
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    record_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"pagecache-m2m-{model}-{field.name}",
                )
