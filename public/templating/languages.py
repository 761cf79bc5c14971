"""The language switch and texts marked with the language they are written in."""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language_info
from markupsafe import Markup, escape

from petitions import languages
from responses.models import paragraphs as response_paragraphs


def localized_each(instances, field):
    """Pairs of (instance, its localized field), for a list of clauses or demands."""
    language = languages.current_language()
    return [(instance, languages.localized(instance, field, language)) for instance in instances]


def lang_attr(text):
    """` lang="en"` on an element whose text is not in the page's language."""
    if isinstance(text, languages.LocalizedText) and text.is_other_language:
        return format_html(' lang="{}"', text.lang)
    return ""


def paragraphs(text):
    """A response's text as its paragraphs."""
    return response_paragraphs(str(text))


def blocks(text):
    """A text's paragraphs, split at blank lines; the lines within each kept."""
    text = str(text or "").replace("\r\n", "\n")
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def linebreaksbr(text):
    """Django's filter of that name for Jinja2: the text escaped (markup kept as it
    is), each line break a ``<br>``. A quarter of the time Django's takes through its
    string-filter wrapper, and a petition page writes one for each of its parts."""
    escaped = str(escape(text)).replace("\r\n", "\n").replace("\r", "\n")
    return Markup(escaped.replace("\n", "<br>"))  # noqa: S704 - escaped above


def other_languages(request):
    """This page in each other language: the language prefix swapped, query string kept."""
    current = languages.current_language()
    path = request.get_full_path() if request else "/"
    links = []
    for code, _ in settings.LANGUAGES:
        if code == current:
            continue
        prefix = f"/{current}/"
        url = f"/{code}/" + path[len(prefix) :] if path.startswith(prefix) else f"/{code}/"
        links.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return links
