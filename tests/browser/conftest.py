"""Chromium, driven by Playwright, against the application on a live test server.

One browser for the whole browser suite, a fresh context and page per test. Without
Chromium (or axe-core, for the accessibility checks) the tests are skipped with
the reason shown in the summary; ``--require-browser`` (as CI runs) makes that an
error instead.
"""

import importlib
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = settings.BASE_DIR / "screenshots"
# Waits are short: every page comes from a local server.
TIMEOUT_MS = 10_000


def unavailable(request, missing):
    if request.config.getoption("require_browser"):
        pytest.fail(
            f"{missing}, and --require-browser says the browser tests must run", pytrace=False
        )
    pytest.skip(f"{missing}: browser test skipped")


@pytest.fixture(scope="package")
def browser(request):
    if not CHROMIUM.exists():
        unavailable(request, f"no Chromium at {CHROMIUM}")
    # Playwright's sync API keeps an event loop running in this thread, which
    # Django takes for async code; the tests' own ORM calls are synchronous.
    # Allowed only while the browser runs: this fixture ends with the package.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # With that loop running, Django opened its own connections for these
            # tests; closed here, they cannot keep the test database from being dropped.
            connections.close_all()


class BrowserErrors(list):
    """Errors the page reported: a script failure, or the CSP refusing something."""

    def listen(self, page):
        page.on("pageerror", lambda error: self.append(str(error)))
        page.on(
            "console",
            lambda message: message.type == "error" and self.append(message.text),
        )


def open_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A page under the site's real Content-Security-Policy; any error it logs fails the test."""
    context, page = open_page(browser, live_server, viewport={"width": 1280, "height": 900})
    errors = BrowserErrors()
    errors.listen(page)
    yield page
    context.close()
    assert not errors, f"the browser reported errors: {errors}"


@pytest.fixture
def axe_page(request, browser, live_server):
    """A page that axe-core can be injected into: only these bypass the CSP."""
    if not AXE_SCRIPT.exists():
        unavailable(request, f"no axe-core at {AXE_SCRIPT} (make browser-deps)")
    context, page = open_page(
        browser, live_server, bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


CLERK_PASSWORD = "a-clerk-password-for-tests"


@pytest.fixture
def clerk_account(db):
    """A staff account in the Clerks group, as `manage.py create_account clerk` makes."""
    user = get_user_model().objects.create_user(
        "clara-clerk", "clara@example.org", CLERK_PASSWORD, is_staff=True
    )
    user.groups.add(clerks_group())
    return user


def clerks_group():
    """The Clerks group as migrated. The live server's tests empty the database
    after each (they commit, so nothing rolls back), and only the first sees it."""
    roles = importlib.import_module("clerks.migrations.0002_roles").ROLES
    group, created = Group.objects.get_or_create(name="Clerks")
    if created:
        for app_label, codename in roles["Clerks"]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def log_in(page, user, password=CLERK_PASSWORD):
    """Through the admin's login form, as a person does."""
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
