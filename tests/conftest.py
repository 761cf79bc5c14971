import html
import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from clerks.history import record_first_versions
from petitions.models import Petition

# Hostile-input tests (hypothesis, schemathesis) draw the same examples on every run,
# so a failure is the code's or the schema's, never the luck of the draw; a failure
# prints what to replay. HYPOTHESIS_PROFILE=explore draws afresh, to look for new ones.
hypothesis_settings.register_profile("deterministic", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

# Made-up pages in the published format, for the importer's tests.
PAGES = Path(__file__).resolve().parent / "pages"
# Real pages of the House's site, as published: the sample records of `make run`.
REAL_PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SEED_PAGE = REAL_PAGES / "e-2829.txt"


@pytest.fixture(autouse=True, scope="session")
def jinja2_pages_report_their_context():
    """The test client sees the templates and context of Django's own template language
    only (``response.context``); the public pages' Jinja2 templates report theirs too."""
    render = jinja2_backend.Template.render

    def reporting_render(self, context=None, request=None):
        context = {} if context is None else context
        markup = render(self, context, request)
        template_rendered.send(sender=self, template=self.template, context=context)
        return markup

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2_backend.Template, "render", reporting_render)
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no throttle counts and no cached pages."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request to a /fr/ page leaves French active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def e2829(db):
    call_command("loaddata", "e-2829", verbosity=0)
    record_first_versions()
    return Petition.objects.get(e_number=2829)


@pytest.fixture
def samples(e2829):
    call_command("loaddata", "samples", verbosity=0)
    record_first_versions()


def page_text(response):
    """The text a reader sees: tags dropped, entities decoded, spaces folded."""
    body = response.content.decode()
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


def rendered_form_data(response):
    """The values the change form would submit as rendered (inputs, selects, textareas)."""
    body = response.content.decode()
    form = body[re.search(r'<form\b[^>]*id="\w+_form"', body).start() :]
    data = {}
    for match in re.finditer(r"<input\b[^>]*>", form):
        tag = match.group(0)
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        kind = re.search(r'type="([^"]+)"', tag)
        kind = kind.group(1) if kind else "text"
        if kind in ("submit", "button", "file"):
            continue
        if kind == "checkbox" and "checked" not in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = (
            html.unescape(value.group(1)) if value else ("on" if kind == "checkbox" else "")
        )
    for match in re.finditer(r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[match.group(1)] = html.unescape(match.group(2)).lstrip("\n")
    for match in re.finditer(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        selected = re.findall(r'<option value="([^"]*)"[^>]*selected', match.group(2))
        if selected:
            data[match.group(1)] = html.unescape(selected[0])
    return data


def pytest_unconfigure(config):
    folder = getattr(settings, "RATE_LIMIT_FOLDER", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_addoption(parser):
    parser.addoption(
        "--require-browser",
        action="store_true",
        help="fail, rather than skip, the browser tests when Chromium or axe-core is missing",
    )
    parser.addoption(
        "--require-cluster",
        action="store_true",
        help="fail, rather than skip, the cluster tests when PostgreSQL's or Redis's "
        "server binaries are missing",
    )
