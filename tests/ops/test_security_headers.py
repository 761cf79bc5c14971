"""Every kind of page carries the security headers, and nothing on it needs inline code.

To cover a new page, add its address to PUBLIC_PAGES or ADMIN_PAGES.
"""

import re

import pytest
from django.test import Client

from petitions.models import Petition

PUBLIC_PAGES = [
    "/en/",
    "/en/petitions/",
    "/en/petitions/?page=2",
    "/en/petitions/e-2829/",
    "/en/petitions/441-90001/",
    "/en/search/?q=belarus",
    "/en/search/?q=e-99999",
    "/en/members/jordan-sample/",
    "/en/subjects/health/",
    "/en/sessions/432/",
    "/healthz",
    "/static/css/site.css",
    "/no-such-page/",
    "/en/petitions/not-a-number/",
]

ADMIN_PAGES = [
    "/admin/",
    "/admin/petitions/petition/",
    "/admin/petitions/petition/add/",
    "/admin/petitions/petition/{e2829}/change/",
    "/admin/responses/governmentresponse/",
    "/admin/auth/user/",
]

INLINE_CODE = [
    re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I),  # a script without src
    re.compile(r"<style\b", re.I),
    re.compile(r"<[^>]+\sstyle=", re.I),
    re.compile(r"<[^>]+\son[a-z]+=", re.I),  # onclick= and the like
    re.compile(r"javascript:", re.I),
]


def assert_secure(response):
    csp = response["Content-Security-Policy"]
    for directive in ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    # Static files, served by WhiteNoise once collected, need no framing headers.
    if response["Content-Type"].startswith("text/html"):
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        body = b"".join(response).decode() if response.streaming else response.content.decode()
        for pattern in INLINE_CODE:
            assert not pattern.search(body), f"inline code a strict CSP would block: {pattern}"


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_reader_gets_the_security_headers_on_every_public_page(client, samples, url):
    response = client.get(url)
    assert response.status_code in (200, 301, 302, 404)
    assert_secure(response)


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_clerk_admin_pages_work_under_the_strict_policy_and_are_not_cached(
    clerk_client, samples, url
):
    response = clerk_client.get(url.format(e2829=Petition.objects.get(e_number=2829).pk))
    assert response.status_code == 200
    assert_secure(response)
    assert response["Cache-Control"] == "no-store"


def test_admin_login_page_is_secured_for_anonymous_visitors(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_secure(response)
    assert response["Cache-Control"] == "no-store"


def test_server_error_page_is_secured(samples, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("public.views.HomeView.get_context_data", broken)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "a bug" not in response.content.decode()
    assert_secure(response)
