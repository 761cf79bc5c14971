"""The roles a staff account is given: the groups created by migration 0002_roles."""

from django.utils.translation import gettext_lazy as _

ROLE_GROUPS = {"clerk": "Clerks", "reviewer": "Reviewers"}
ROLE_HELP = _("clerk: adds and changes the record; reviewer: reads it.")
