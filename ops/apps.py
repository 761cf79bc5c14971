from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from .request_id import forget_request_id

        request_finished.connect(forget_request_id, dispatch_uid="ops.forget_request_id")
