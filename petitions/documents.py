"""A petition's texts as lists and search show them, computed once when it is saved.

Pure functions of the texts: no model, no query. ``petitions.indexing`` stores what
they return with the petition (``asks_*``, ``search_text_*``), so a list shows what
each petition asks, and a search highlights its matches, without reading its parts.
"""

import re

# What a list entry shows of a petition: about a sentence.
ASKS_WORDS = 40
# The request inside a prayer that has no list of requests: what follows the call.
CALL_RE = re.compile(
    r"\b(?:call(?:s|ing)? (?:up)?on|requests?|urges?|asks?|pray|humbly pray)\b"
    r".*?\bto\s+(?P<request>\S.*)$"
    # In French, "de" then an infinitive: "prions la ministre de la Santé de financer".
    r"|\b(?:demandons|prions|prient|demandent|exhortons|sollicitons)\b"
    r".*?\b(?:de |d[’'])(?P<request_fr>\w+(?:er|ir|re|oir)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)


def shortened(text, words=ASKS_WORDS):
    """``text`` cut on a word boundary after ``words`` words, with an ellipsis."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"


def what_it_asks(prayer, requests, marked=False):
    """What a petition asks: its first request, else the request its prayer ends with.

    ``prayer`` is the prayer's text (paragraphs separated by a blank line), ``requests``
    the requests' texts in order; ``marked`` when they are items marked as printed
    ("(i) …"), conditions of the prayer's request rather than requests of their own.
    Empty when there is neither.
    """
    if requests and not marked:
        first = requests[0].split("\n")[0].strip()
        return _capitalized(shortened(first))
    paragraphs = [p.strip() for p in (prayer or "").split("\n\n") if p.strip()]
    if not paragraphs:
        return ""
    last = paragraphs[-1]
    match = CALL_RE.search(last)
    if match:
        request = match["request"] or match["request_fr"]
        if request and len(request.split()) >= 2:
            return _capitalized(shortened(request))
    return shortened(last)


def _capitalized(text):
    return text[:1].upper() + text[1:]


def search_text(*blocks):
    """The readable text searched and quoted in snippets: the blocks given, in order,
    one paragraph each (empty ones left out)."""
    return "\n\n".join(block.strip() for block in blocks if block and block.strip())
