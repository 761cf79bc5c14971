"""Which official language a text is shown in, and French grammar for headings.

modeltranslation falls back to the other language when a translation is
missing, which hides the language actually shown; a page must mark such text
with its own ``lang`` attribute (WCAG 3.1.2), so it reads the columns itself.
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, gettext, override, pgettext

# French articles a stored name may start with; a name without one is
# masculine singular, as the House writes "Réponse du ministre ...".
FRENCH_ARTICLE = re.compile(r"^(?P<article>la |l'|l’|les )(?P<rest>.+)$", re.IGNORECASE)
FRENCH_CONTRACTIONS = {
    # preposition: (masculine "le", feminine "la", elided "l'", plural "les")
    "à": {"le": "au ", "la ": "à la ", "l'": "à l'", "l’": "à l’", "les ": "aux "},
    "de": {"le": "du ", "la ": "de la ", "l'": "de l'", "l’": "de l’", "les ": "des "},
}


def current_language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@dataclass(frozen=True)
class LocalizedText:
    """A text with the language it is written in and the language it was asked for
    in, the page's: a page marks dozens of texts, and reading the active language
    again for each cost more than the marking."""

    text: str
    lang: str
    asked: str

    def __str__(self):
        return self.text

    @property
    def is_other_language(self):
        """True when the page's language has no version and this is the other one."""
        return bool(self.text) and self.lang != self.asked


# Each language, then the others: the order a text is looked for in. Read from the
# settings once; a page localizes forty texts.
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]
LOOKUP_ORDER = {
    language: (language, *(code for code in LANGUAGE_CODES if code != language))
    for language in LANGUAGE_CODES
}


def localized(instance, field, language=None):
    """The field in the page's language (or ``language``) if written, else in the other
    official language."""
    language = language or current_language()
    for code in LOOKUP_ORDER.get(language) or (language, *LANGUAGE_CODES):
        value = getattr(instance, f"{field}_{code}", None)
        if value:
            return LocalizedText(value, code, language)
    return LocalizedText("", language, language)


def with_preposition(preposition, name):
    """A French name after "à" or "de", contracted: "au ministre", "de la ministre"."""
    match = FRENCH_ARTICLE.match(name)
    forms = FRENCH_CONTRACTIONS[preposition]
    if match is None:
        return forms["le"] + name
    article = match["article"].lower()
    return forms[article] + match["rest"]


def in_page_language(instance, field):
    """The field's text in the page's language only: "" when that version is not written."""
    return getattr(instance, f"{field}_{current_language()}", None) or ""


def addressee_heading(petition):
    """ "Petition to the Government of Canada" / "Pétition au gouvernement du Canada".

    A line the page printed otherwise ("PETITION TO THE HOUSE OF COMMONS IN PARLIAMENT
    ASSEMBLED") is kept as printed, in its language.
    """
    language = current_language()
    printed = in_page_language(petition, "addressee_line")
    if printed:
        return LocalizedText(printed, language, language)
    name = localized(petition, "addressee_name", language)
    if petition.addressee_kind in NAMELESS_ADDRESSEES or not name.text:
        line = written_addressee_line(petition.addressee_kind, "", language)
        return LocalizedText(line, language, language)
    line = written_addressee_line(petition.addressee_kind, name.text, name.lang)
    return LocalizedText(line, name.lang, language)


def written_addressee_line(kind, name, language):
    """The addressee line this site writes, in ``language`` (the name written in it)."""
    messages = _messages(language)
    if kind in NAMELESS_ADDRESSEES:
        return messages[kind]
    # In French the article contracts with the preposition ("au ministre", "à la ministre").
    text = with_preposition("à", name) if language == "fr" else name
    return messages["named"] % {"name": text}


# The headings' and lines' messages in a language, looked up once: a page writes them
# in a language not always its own, and switching the active language for one
# lookup costs more than the lookup.
@functools.lru_cache(maxsize=8)
def _messages(language):
    with override(language):
        return {
            "house": pgettext("petition heading", "Petition to the House of Commons"),
            "government": pgettext("petition heading", "Petition to the Government of Canada"),
            "named": pgettext("petition heading", "Petition to the %(name)s"),
            "caucus": gettext("%(caucus)s Caucus"),
            "response": pgettext("response heading", "Response by the %(name)s"),
        }


# Addressed by their name alone: the House of Commons and the Government of Canada.
NAMELESS_ADDRESSEES = ("house", "government")


def other_language_shown(petition):
    """The other language's code when part of the petition's text (its response's
    included) is written only in it.

    Reads the parts and the response as the page loaded them: no query of its own.
    """
    language = current_language()
    texts = [
        (petition, field) for field in ("addressee_name", "grievance_intro", "lead_in", "closing")
    ]
    texts += [(part, "text") for part in petition.clauses.all()]
    texts += [(part, "text") for part in petition.demands.all()]
    if petition.has_response:
        texts += [(petition.response, field) for field in ("office", "text")]
    for instance, field in texts:
        # Most texts are written in the page's language: only the others are looked up.
        if not getattr(instance, f"{field}_{language}", None):
            text = localized(instance, field, language)
            if text.text:
                return text.lang
    return ""


# A Member without a caucus: the page prints the word alone, not "… Caucus".
INDEPENDENT = {"independent", "indépendant", "indépendante"}


def caucus_line(member):
    """ "Liberal Caucus" / "Caucus Libéral", in the caucus name's language."""
    caucus = localized(member, "caucus")
    if not caucus.text or caucus.text.lower() in INDEPENDENT:
        return caucus
    line = _messages(caucus.lang)["caucus"] % {"caucus": caucus.text}
    return LocalizedText(line, caucus.lang, caucus.asked)


def response_heading(response):
    """ "Response by the Minister of Foreign Affairs" / "Réponse du ministre ..."."""
    office = localized(response, "office")
    text = with_preposition("de", office.text) if office.lang == "fr" else office.text
    heading = _messages(office.lang)["response"] % {"name": text}
    return LocalizedText(heading, office.lang, office.asked)
