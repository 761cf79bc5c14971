"""Production settings pass Django's deployment checklist and speak HTTPS behind a proxy."""

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

from ops.request_id import RequestIdFilter

PROJECT = Path(__file__).resolve().parents[2]


def test_operator_finds_check_deploy_clean_under_production_settings(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="petitions.example.ca",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_real_key(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_SECRET_KEY="short")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def production_without_a_key(*command):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, *command], cwd=PROJECT, env=env, capture_output=True, text=True
    )


def test_production_server_refuses_to_start_without_a_key():
    result = production_without_a_key("-c", "import config.wsgi")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_commands_that_sign_nothing_run_without_a_key():
    result = production_without_a_key("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_plain_http_is_redirected_to_https_but_health_checks_are_not(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/petitions/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/petitions/"
    assert client.get("/healthz").status_code == 200


def test_https_from_the_proxy_is_served_with_hsts(client, db, settings):
    # As config/settings.py sets them behind the proxy (DJANGO_PROXY_COUNT=1).
    settings.PROXY_COUNT = 1
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/petitions/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_session_and_csrf_cookies_are_https_only(client, django_user_model):
    django_user_model.objects.create_superuser("clerk", "clerk@example.org", "pw")
    assert client.get("/admin/login/").cookies["csrftoken"]["secure"] is True
    response = client.post("/admin/login/", {"username": "clerk", "password": "pw"})
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"] is True


def test_each_response_and_its_log_lines_carry_one_request_id(client, db):
    lines = []
    handler = logging.Handler()
    handler.addFilter(RequestIdFilter())
    handler.emit = lambda record: lines.append((record.request_id, record.getMessage()))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/no-such-page/")
    finally:
        logger.removeHandler(handler)
    request_id = response["X-Request-ID"]
    assert (request_id, "Not Found: /no-such-page/") in lines


def test_request_id_from_the_proxy_is_kept_when_plain_and_replaced_when_not(client, db):
    assert client.get("/", headers={"X-Request-ID": "lb-7f3a"})["X-Request-ID"] == "lb-7f3a"
    forged = client.get("/", headers={"X-Request-ID": "x\nERROR forged line"})["X-Request-ID"]
    assert forged != "x\nERROR forged line" and len(forged) == 32
