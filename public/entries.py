"""The entries of a petition list: each petition's markup, kept per record version.

A list page shows twenty to a hundred petitions, and reading each one's row (with
its subject, Member and response joined) and writing its markup took more of a
page's time than finding which petitions to list. An entry depends only on its
petition and what that refers to, the language, and the day (a response falls
overdue), so it is kept in the ``entries`` cache under those and the record's
version. A page then reads its petitions' ids, takes the entries kept, by this list
or any other (another page or sort, a search, a Member's page), and reads and
writes only the others, in one query. A search's passages depend on its words: they
come with the ids, never from the cache.
"""

import typing

from django.core.cache import caches
from django.template import engines
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language
from markupsafe import Markup

from petitions.models import Petition

# A new version of the record makes new keys: this only bounds what an unchanging
# record leaves in the cache.
ENTRY_SECONDS = 3600
TEMPLATE = "includes/petition_entry.html"


class Entry(typing.NamedTuple):
    number: str
    head: Markup
    facts: Markup
    # The passages that match a search, marked as ts_headline marks them.
    snippet: str | None = None


def rendered(petitions):
    """The entries of petitions at hand (``Petition.objects.listed()``), written now."""
    macros = engines["jinja2"].env.get_template(TEMPLATE).module
    return [
        Entry(petition.number, macros.head(petition), macros.facts(petition))
        for petition in petitions
    ]


def kept(rows, version):
    """The entries of (id, snippet) rows, in their order: from the cache, and the
    others read in one query, written and kept. A petition deleted since its id was
    read is left out."""
    store = caches["entries"]
    language, today = get_language(), timezone.localdate().isoformat()
    prefix = f"entry:{version}:{language}:{today}:{get_script_prefix()}:"
    keys = {pk: prefix + str(pk) for pk, _snippet in rows}
    found = store.get_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        petitions = list(Petition.objects.listed().filter(pk__in=missing))
        made = {
            keys[petition.pk]: (entry.number, str(entry.head), str(entry.facts))
            for petition, entry in zip(petitions, rendered(petitions), strict=True)
        }
        store.set_many(made, ENTRY_SECONDS)
        found.update(made)
    entries = []
    for pk, snippet in rows:
        if keys[pk] in found:
            number, head, facts = found[keys[pk]]
            entries.append(Entry(number, Markup(head), Markup(facts), snippet))  # noqa: S704 - kept markup
    return entries
