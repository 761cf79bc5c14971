from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """The record drawn: the statistics page and the petition page's chart.

    Reads the domain apps (petitions, responses) and the record's version
    (pagecache); none of them imports this app.
    """

    name = "figures"
    verbose_name = _("Figures")
