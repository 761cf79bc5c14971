"""The settings of several app servers, read from the environment as each server starts."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SHOW = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "caches": {
        name: [c["BACKEND"], c.get("LOCATION"), c.get("KEY_PREFIX")]
        for name, c in s.CACHES.items()
    },
    "replicas": s.DATABASE_REPLICAS,
    "replica": s.DATABASES.get("replica1"),
    "img_src": s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "media": [s.MEDIA_URL, str(s.MEDIA_ROOT), s.STORAGES["default"]["BACKEND"]],
}, default=str))
"""


def start(tmp_path, *command, **variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "petitions.example.ca",
            # Never connected to: the settings are only read.
            "DATABASE_URL": "postgres://app@db.internal:5432/petitions",
            **variables,
        }
    )
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)


def settings_with(tmp_path, **variables):
    result = start(tmp_path, sys.executable, "-c", SHOW, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_one_machine_keeps_its_own_caches_and_reads_one_database(tmp_path):
    shown = settings_with(tmp_path)
    assert shown["caches"]["pages"][0] == "pagecache.store.BoundedMemoryCache"
    assert shown["caches"]["ratelimit"][0] == "ops.sharedcache.SharedFileCache"
    assert shown["caches"]["entries"][0] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["replicas"] == [] and shown["replica"] is None
    assert shown["img_src"] == ["'self'"]
    assert shown["media"][2] == "django.core.files.storage.FileSystemStorage"


def test_several_servers_share_redis_and_read_from_the_replicas(tmp_path):
    shown = settings_with(
        tmp_path,
        DJANGO_CACHE_URL="redis://cache.internal:6379/2",
        DATABASE_REPLICA_URLS="postgres://app@replica-a:5432/petitions, postgres://app@replica-b/petitions",
        DJANGO_MEDIA_ROOT="/srv/petitions/media",
        DJANGO_MEDIA_URL="https://media.example.ca/photos/",
    )
    for name in ("default", "pages", "ratelimit", "entries"):
        assert shown["caches"][name] == [
            "ops.rediscache.SharedRedisCache",
            "redis://cache.internal:6379/2",
            f"petition-record-{name}",
        ]
    assert shown["replicas"] == ["replica1", "replica2"]
    assert shown["replica"]["HOST"] == "replica-a"
    assert shown["replica"]["OPTIONS"]["connect_timeout"] == 2
    assert shown["img_src"] == ["'self'", "https://media.example.ca"]
    assert shown["media"][:2] == ["https://media.example.ca/photos/", "/srv/petitions/media"]


def test_check_deploy_is_clean_for_several_servers(tmp_path):
    result = start(
        tmp_path,
        sys.executable,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DJANGO_CACHE_URL="redis://cache.internal:6379/0",
        DATABASE_REPLICA_URLS="postgres://app@replica-a:5432/petitions",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_a_cache_that_is_not_redis_stops_the_server_naming_the_variable(tmp_path):
    result = start(tmp_path, sys.executable, "-c", SHOW, DJANGO_CACHE_URL="memcached://cache:11211")
    assert result.returncode != 0
    assert "DJANGO_CACHE_URL: write it as redis://host:6379/0" in result.stderr


def test_replicas_of_a_sqlite_database_are_refused(tmp_path):
    result = start(
        tmp_path,
        sys.executable,
        "-c",
        SHOW,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DATABASE_REPLICA_URLS=f"sqlite:///{tmp_path / 'copy.sqlite3'}",
    )
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS: replicas are PostgreSQL standbys" in result.stderr
