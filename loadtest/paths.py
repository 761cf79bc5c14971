"""Print the request mix for the load test, one path a line, from the database's records.

A path listed twice is requested twice as often.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.utils import translation  # noqa: E402

from petitions.models import Member, Petition, Subject  # noqa: E402

SEARCHES = ["belarus", "health care", "plastic", "rail", "e-2829", "432-00158", "nothing-matches"]

paths = []
for language in ("en", "fr"):
    with translation.override(language):
        paths += [f"/{language}/", f"/{language}/", f"/{language}/petitions/"]
        paths += [f"/{language}/search/?q={query.replace(' ', '+')}" for query in SEARCHES]
        paths += [petition.get_absolute_url() for petition in Petition.objects.all()] * 2
        paths += [member.get_absolute_url() for member in Member.objects.all()]
        paths += [subject.get_absolute_url() for subject in Subject.objects.all()]
paths += ["/api/v1/petitions/", "/api/v1/petitions/e-2829/"]
print("\n".join(paths))
