"""Who is asking, behind the TLS proxy or not, and what each client may ask of the site.

The client's address (``ops.clients``) is what login lockouts, the API throttle and
the page and export limits count by: behind the proxy, each visitor apart; without
it, a forged header changes nothing.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from ops.clients import client_address, client_key
from tests.conftest import page_text

PROJECT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.2"  # the TLS proxy in front, as the server sees it


def request(remote="192.0.2.1", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        # No proxy: the connection's address; the header is the client's to forge.
        (0, "192.0.2.1", "203.0.113.9", "192.0.2.1"),
        # One proxy: the address it appended, whatever the client wrote before it.
        (1, PROXY, "203.0.113.9", "203.0.113.9"),
        (1, PROXY, "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (1, PROXY, "1.2.3.4,203.0.113.9", "203.0.113.9"),
        (1, PROXY, None, PROXY),
        (1, PROXY, "not an address", PROXY),
        # Two proxies (a CDN, then the TLS proxy): second from the right.
        (2, PROXY, "1.2.3.4, 203.0.113.9, 198.51.100.20", "203.0.113.9"),
        (2, PROXY, "203.0.113.9", "203.0.113.9"),
        (1, PROXY, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_the_nearest_trusted_proxy_saw(
    settings, proxies, remote, forwarded, client
):
    settings.PROXY_COUNT = proxies
    assert client_address(request(remote, forwarded)) == client


def test_limits_count_an_ipv6_client_by_its_64_network(settings):
    assert client_key(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_key(request("2001:db8:1:2:bbbb::9")) == "2001:db8:1:2::/64"
    assert client_key(request("::ffff:192.0.2.1")) == "192.0.2.1"
    assert client_key(request("192.0.2.1")) == "192.0.2.1"


def production_settings(**env):
    """What the production settings module says, under this environment."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    base.update(DJANGO_SECRET_KEY=secrets.token_urlsafe(50), **env)
    code = "import config.settings as s; print(repr(getattr(s, 'SECURE_PROXY_SSL_HEADER', None)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=base, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_x_forwarded_proto_is_trusted_only_when_a_proxy_is_configured():
    assert production_settings() == "None"
    assert production_settings(DJANGO_PROXY_COUNT="0") == "None"
    assert production_settings(DJANGO_PROXY_COUNT="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_without_a_proxy_a_client_claiming_https_is_still_redirected(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/petitions/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/petitions/"


# --- Login lockouts


def failed_logins(client, times, username="clara"):
    for _ in range(times):
        response = client.post("/admin/login/", {"username": username, "password": "guess"})
    return response


@pytest.fixture
def clara(db, django_user_model):
    return django_user_model.objects.create_user(
        "clara", password="the right pass phrase", is_staff=True
    )


def test_behind_the_proxy_a_stranger_cannot_lock_a_clerk_out(clara, settings):
    settings.PROXY_COUNT = 1
    stranger = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert failed_logins(stranger, 5).status_code == 429
    # Writing another address first does not give the stranger a fresh count.
    forging = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert failed_logins(forging, 1).status_code == 429
    # Clara, from her own address through the same proxy, signs in.
    clerk = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.4")
    response = clerk.post(
        "/admin/login/", {"username": "clara", "password": "the right pass phrase"}
    )
    assert response.status_code == 302


def test_a_locked_out_login_is_told_when_to_try_again(clara):
    response = failed_logins(Client(), 5)
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert "too many login attempts" in response.content.decode()


# --- The API throttle, across server processes


THROTTLED_ELSEWHERE = """
import sys

import django
from django.test import Client, override_settings
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
from django.conf import settings

caches = {**settings.CACHES, "ratelimit": {**settings.CACHES["ratelimit"], "LOCATION": sys.argv[1]}}
with override_settings(CACHES=caches, API_ANONYMOUS_RATE="3/minute"):
    print(*[Client().get("/api/v1/schema/").status_code for _ in range(3)])
"""


def test_the_api_throttle_counts_the_requests_every_server_process_answered(client, settings):
    """gunicorn runs several processes: a client's requests count in all of them."""
    settings.API_ANONYMOUS_RATE = "3/minute"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    other_process = subprocess.run(
        [sys.executable, "-c", THROTTLED_ELSEWHERE, settings.CACHES["ratelimit"]["LOCATION"]],
        cwd=PROJECT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert other_process.stdout.split() == ["200", "200", "200"], other_process.stderr
    response = client.get("/api/v1/schema/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_behind_the_proxy_each_api_client_has_its_own_allowance(client, db, settings):
    settings.PROXY_COUNT = 1
    settings.API_ANONYMOUS_RATE = "2/minute"
    for visitor in ("203.0.113.9", "198.51.100.4", "192.0.2.77"):
        for _ in range(2):
            response = client.get(
                "/api/v1/sessions/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor
            )
            assert response.status_code == 200
    assert (
        client.get(
            "/api/v1/sessions/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9"
        ).status_code
        == 429
    )


# --- Pages


def test_a_client_past_the_page_rate_gets_a_429_page_saying_when_to_retry(
    client, samples, settings
):
    settings.PAGE_RATE = "3/minute"
    for url in ("/en/", "/en/petitions/", "/feeds/petitions/"):
        assert client.get(url).status_code == 200
    response = client.get("/en/petitions/e-2829/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    assert "Too many requests" in page_text(response)
    assert "default-src 'none'" in response["Content-Security-Policy"]
    french = client.get("/fr/petitions/e-2829/")
    assert french.status_code == 429
    assert 'lang="fr"' in french.content.decode()
    # Another client is served; so are the health check, the admin and the API,
    # which have limits of their own.
    assert client.get("/en/", REMOTE_ADDR="198.51.100.7").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/api/v1/sessions/").status_code == 200


def test_pages_served_from_the_cache_count_too(client, samples, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_RATE = "2/minute"
    assert client.get("/en/").status_code == 200
    assert client.get("/en/")["Cache-Status"] == "petition-record; hit"
    assert client.get("/en/").status_code == 429


def test_the_default_limits_let_a_reader_browse_freely(client, samples):
    for _ in range(3):
        for url in ("/en/", "/en/petitions/", "/en/petitions/e-2829/", "/en/search/?q=belarus"):
            assert client.get(url).status_code in (200, 302)
