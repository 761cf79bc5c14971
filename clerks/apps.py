from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClerksConfig(AppConfig):
    name = "clerks"
    verbose_name = _("Clerks' workflow")

    def ready(self):
        from .history import register_history

        register_history()
