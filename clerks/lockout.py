"""What a locked-out login gets: django-axes' 429, saying when to try again."""

from axes.helpers import get_cool_off, get_lockout_message
from django.conf import settings
from django.http import HttpResponse


def lockout_response(request, original_response=None, credentials=None):
    """axes' own answer (the message, 429), with ``Retry-After`` in seconds.

    Each failed attempt during a lockout starts the cool-off again
    (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT``, on by default), so when this
    answer is given the whole cool-off lies ahead.
    """
    response = HttpResponse(get_lockout_message(), status=settings.AXES_HTTP_RESPONSE_CODE)
    cool_off = get_cool_off(request)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
