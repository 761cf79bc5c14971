"""The Jinja2 environment of the public pages: Django's essentials, then the filters
and functions each face of the record gives its templates.

Jinja2 renders a petition page in a fraction of the time Django's template language
took (two thirds of the page's time); the admin and the API's documentation page keep
Django's. Templates mark strings ``_("…")``, which ``makemessages`` reads in them;
a message with a plural is written in Python, where it reads them.
"""

import functools

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.template import defaulttags
from django.template.defaultfilters import capfirst
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import trans_real
from jinja2 import ChainableUndefined, Environment
from markupsafe import Markup

import figures.display
import public.templating
from petitions.addresses import address
from petitions.languages import current_language


def environment(**options):
    # A missing value, or an attribute of one, prints as nothing, in development too.
    env = Environment(
        extensions=["jinja2.ext.i18n"], **{**options, "undefined": ChainableUndefined}
    )
    env.install_gettext_callables(trusted(translation.gettext), translation.ngettext)
    env.globals.update(
        url=address,
        static=static,
        language_code=current_language,
        querystring=querystring,
        cached=cached,
        **public.templating.FUNCTIONS,
        **figures.display.FUNCTIONS,
    )
    env.filters.update(
        capfirst=capfirst,
        intcomma=intcomma,
        **public.templating.FILTERS,
        **figures.display.FILTERS,
    )
    env.tests.update(figures.display.TESTS)
    return env


def page_catalogue(request):
    """The page language's catalogue, looked up once a page: ``_("…")`` then reads it
    directly, where Django's ``gettext`` finds the active language at each of the
    eighty strings of a petition page (and Jinja2's own ``_`` calls ``gettext``)."""
    lookup = _trusted_strings(trans_real.catalog()).__getitem__
    return {"_": lookup, "gettext": lookup}


# One per catalogue (so per language), kept for the process's life as Django keeps
# the catalogues themselves.
@functools.cache
def _trusted_strings(catalogue):
    return TrustedStrings(catalogue.gettext)


class TrustedStrings(dict):
    """A catalogue's translations, each made trusted markup when first asked for."""

    def __init__(self, gettext):
        super().__init__()
        self.gettext = gettext

    def __missing__(self, message):
        translated = self[message] = Markup(self.gettext(message))
        return translated


def trusted(gettext):
    """The catalogue's strings are ours, as Django's ``{% blocktranslate %}`` trusts
    them: only the values given by ``|format(…)`` are escaped."""
    return lambda message: Markup(gettext(message))


def querystring(request, **changes):
    """Django's ``{% querystring %}``: the page's query string with ``changes`` made."""
    return defaulttags.querystring(None, request.GET, **changes)


def cached(seconds, name, *vary_on, caller):
    """``{% call cached(600, "name", version) %}…{% endcall %}``: the block's markup,
    kept in the cache as Django's ``{% cache %}`` keeps it."""
    key = make_template_fragment_key(name, vary_on)
    markup = cache.get(key)
    if markup is None:
        markup = caller()
        cache.set(key, markup, seconds)
    return markup
