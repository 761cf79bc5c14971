"""What the public pages' Jinja2 templates call (the environment: config.templating)."""

from petitions.languages import localized

from . import languages, messages, petitions
from .active_filters import active_filters

FUNCTIONS = {
    "other_languages": languages.other_languages,
    "active_filters": active_filters,
    "listing_facts": petitions.listing_facts,
    "petitions_counted": messages.petitions_counted,
    "filters_active": messages.filters_active,
    "retry_in": messages.retry_in,
}
FILTERS = {
    # ``{{ petition|localized("lead_in") }}``: the text and the language it is in.
    "localized": localized,
    "localized_each": languages.localized_each,
    "lang_attr": languages.lang_attr,
    "paragraphs": languages.paragraphs,
    "blocks": languages.blocks,
    "linebreaksbr": languages.linebreaksbr,
    "ottawa_datetime": petitions.ottawa_datetime,
    "long_date": petitions.long_date,
    "highlight": petitions.highlight,
}
