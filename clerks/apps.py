from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClerksConfig(AppConfig):
    name = "clerks"
    verbose_name = _("Clerks' workflow")

    def ready(self):
        from django.contrib import admin

        from . import petition_admin, response_admin  # noqa: F401 (they register the admins)
        from .history import register_history

        register_history()
        # The admin speaks as the House's record, not as "Django administration".
        admin.site.site_header = _("House of Commons petitions: the record")
        admin.site.site_title = _("Petition record")
        admin.site.index_title = _("Keeping the record")
