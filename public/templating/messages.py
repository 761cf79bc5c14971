"""Messages of the pages that have a plural form: ``makemessages`` reads plurals in
Python only, not in the templates."""

from django.utils.translation import ngettext


def petitions_counted(count):
    return ngettext("%(counter)s petition", "%(counter)s petitions", count) % {"counter": count}


def filters_active(count):
    return ngettext("%(counter)s active", "%(counter)s active", count) % {"counter": count}


def retry_in(seconds):
    return ngettext(
        "This address has asked for many pages in a short time. Please try again in "
        "%(seconds)s second.",
        "This address has asked for many pages in a short time. Please try again in "
        "%(seconds)s seconds.",
        seconds,
    ) % {"seconds": seconds}
