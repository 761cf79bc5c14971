"""The site plus one address, /export.csv, a CSV that fails after two lines.

Served by gunicorn in tests/ops/test_faults.py, to show what a client of the real
server sees when the database fails mid-export: the site's own middleware and
export response, a generator that raises as a lost database connection does.
"""

import os

import django
from django.db import OperationalError
from django.urls import path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

from api.exports import ExportResponse  # noqa: E402
from config.urls import urlpatterns as site_urlpatterns  # noqa: E402


def rows_until_the_connection_is_lost():
    yield b'"e-90002","open"\r\n'
    raise OperationalError("server closed the connection unexpectedly")


def export(request):
    first = [b'"number","status"\r\n', b'"e-2829","responded"\r\n']
    return ExportResponse(first, rows_until_the_connection_is_lost(), content_type="text/csv")


# The site, and this one address besides.
urlpatterns = [path("export.csv", export), *site_urlpatterns]
settings.ROOT_URLCONF = __name__
application = get_wsgi_application()
