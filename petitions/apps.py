from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from . import indexing, signals  # noqa: F401
        from .folding import register_sqlite_function

        connection_created.connect(register_sqlite_function)
        # A flush empties the tables but not SQLite's full-text index; migrate follows.
        post_migrate.connect(indexing.forget_the_missing, sender=self)
