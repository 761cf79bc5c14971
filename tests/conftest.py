import html
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from petitions.models import Petition

# Published petition pages, kept as the House's site shows them.
PAGES = Path(__file__).resolve().parent / "pages"
SEED_PAGE = PAGES / "e-2829.txt"


@pytest.fixture
def e2829(db):
    call_command("loaddata", "e-2829", verbosity=0)
    return Petition.objects.get(e_number=2829)


@pytest.fixture
def samples(e2829):
    call_command("loaddata", "samples", verbosity=0)


def page_text(response):
    """The text a reader sees: tags dropped, entities decoded, spaces folded."""
    body = response.content.decode()
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())
