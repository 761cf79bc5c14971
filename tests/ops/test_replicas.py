"""Which database a read goes to, and when a replica may serve it.

The replica's answers are played here (its record version, or a failure to
connect); the cluster tests (tests/cluster/) run the same code against a real
streaming replica.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import RequestFactory

from ops import replicas as replica_module
from ops import routing
from ops.replicas import Replicas
from pagecache.models import bump, changed_at, current_version
from petitions.models import Petition
from responses.models import GovernmentResponse


class PlayedReplica:
    """What the replica answers when asked for its record version."""

    def __init__(self, version):
        self.version = version
        self.asked = 0

    def __call__(self, using=None):
        assert using == "replica1"
        self.asked += 1
        if isinstance(self.version, Exception):
            raise self.version
        return self.version


@pytest.fixture
def replica(monkeypatch):
    played = PlayedReplica(None)
    monkeypatch.setattr(replica_module, "current_version", played)
    # No "replica1" connection exists here: the one a failure closes is a stand-in.
    monkeypatch.setattr(replica_module, "connections", {"replica1": Connection()})
    return played


class Connection:
    def close(self):
        pass


@pytest.fixture
def checks(monkeypatch, settings):
    settings.REPLICA_MAX_LAG_SECONDS = 10
    monkeypatch.setattr(replica_module, "RECHECK_SECONDS", 0)
    return Replicas()


def version_made(seconds_ago, number=7):
    return f"{number}.{int((time.time() - seconds_ago) * 1_000_000)}"


def test_a_replica_holding_the_current_version_serves_and_is_not_asked_again(checks, replica):
    current = version_made(1)
    replica.version = current
    assert checks.ready("replica1", current)
    assert checks.ready("replica1", current)
    assert replica.asked == 1  # trusted for CHECK_SECONDS


def test_a_replica_behind_the_primary_does_not_serve_until_it_has_the_change(checks, replica):
    older, current = version_made(5, 6), version_made(1, 7)
    replica.version = older
    assert not checks.ready("replica1", current)
    assert checks.state("replica1").behind == pytest.approx(1, abs=0.5)
    assert not checks.state("replica1").lagging
    replica.version = current  # replayed
    assert checks.ready("replica1", current)


def test_a_replica_lacking_a_change_older_than_the_bound_is_lagging_and_left_alone(
    checks, replica, caplog
):
    older, current = version_made(60, 6), version_made(12, 7)
    replica.version = older
    assert not checks.ready("replica1", current)
    state = checks.state("replica1")
    assert state.lagging and state.describe()["state"] == "lagging"
    assert "Replica replica1 lags" in caplog.text
    asked = replica.asked
    replica.version = current
    assert not checks.ready("replica1", current)  # skipped for CHECK_SECONDS
    assert replica.asked == asked


def test_a_replica_ahead_of_the_request_is_not_lagging(checks, replica):
    """A save committed after the request read the primary's version: not a lag."""
    read, replayed = version_made(3600, 6), version_made(0, 7)
    replica.version = replayed
    assert not checks.ready("replica1", read)
    assert not checks.state("replica1").lagging


def test_a_replica_that_does_not_answer_is_skipped_for_a_while(checks, replica, caplog):
    replica.version = OperationalError("connection refused\nIs the server running?")
    assert not checks.ready("replica1", version_made(1))
    assert checks.state("replica1").describe() == {
        "state": "unavailable",
        "error": "connection refused",
    }
    asked = replica.asked
    assert not checks.ready("replica1", version_made(1))
    assert replica.asked == asked
    assert caplog.text.count("Replica replica1 unavailable") == 1


def test_the_version_tells_when_the_record_changed():
    assert changed_at("12.1700000000000000") == 1_700_000_000.0
    assert changed_at("0") is None


# --- the router ---------------------------------------------------------------


def anonymous_request(path="/en/petitions/", method="get"):
    request = getattr(RequestFactory(), method)(path)
    request.user = AnonymousUser()
    return request


@pytest.fixture
def with_replica(settings, monkeypatch):
    settings.DATABASE_REPLICAS = ["replica1"]
    ready = []
    monkeypatch.setattr(
        routing.replicas, "ready", lambda alias, version: ready.append(version) or True
    )
    return ready


def reads_for(request):
    reads = routing.RequestReads(request)
    token = routing._reads.set(reads)
    return reads, token


def test_without_a_request_every_read_is_the_primarys():
    router = routing.PrimaryReplicaRouter()
    assert router.db_for_read(Petition) is None
    assert router.db_for_write(Petition) == "default"
    assert router.allow_migrate("default", "petitions") is None


def test_an_anonymous_reader_reads_the_record_from_a_ready_replica(db, with_replica):
    router = routing.PrimaryReplicaRouter()
    request = anonymous_request()
    request.record_version = "7.123"  # read by the page cache: no query needed
    reads, token = reads_for(request)
    try:
        assert router.db_for_read(Petition) == "replica1"
        assert router.db_for_read(GovernmentResponse) == "replica1"
        # Not the record: sessions, accounts, lockouts, the version are the primary's.
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(get_user_model()) == "default"
        assert router.db_for_write(Petition) == "default"
    finally:
        routing._reads.reset(token)
    assert with_replica == ["7.123"]


def test_the_replica_is_checked_against_the_primarys_version_when_the_page_cache_did_not_read_it(
    db, with_replica, django_assert_num_queries
):
    bump()
    reads, token = reads_for(anonymous_request())
    try:
        with django_assert_num_queries(1):
            assert routing.PrimaryReplicaRouter().db_for_read(Petition) == "replica1"
    finally:
        routing._reads.reset(token)
    assert with_replica == [current_version()]


def test_a_signed_in_clerk_reads_everything_from_the_primary(db, with_replica):
    request = anonymous_request()
    request.user = get_user_model().objects.create_user("clerk", password="pw")
    reads, token = reads_for(request)
    try:
        assert routing.PrimaryReplicaRouter().db_for_read(Petition) == "default"
    finally:
        routing._reads.reset(token)
    assert with_replica == []


@pytest.mark.parametrize(
    ("method", "path", "may"),
    [
        ("get", "/en/petitions/", True),
        ("head", "/en/petitions/e-2829/", True),
        ("get", "/api/v1/petitions/", True),
        ("post", "/en/petitions/", False),
        ("get", "/admin/petitions/petition/", False),
        ("get", "/admin/login/", False),
    ],
)
def test_only_anonymous_reads_outside_the_admin_may_use_a_replica(method, path, may):
    assert routing.may_use_replica(anonymous_request(path, method)) is may


def test_without_replicas_pages_run_as_before(client, samples, settings, django_assert_num_queries):
    """No replica configured: the router and the middleware add nothing (see test_query_counts)."""
    settings.DIAGNOSTIC_HEADERS = True
    with django_assert_num_queries(3):
        response = client.get("/en/")
    assert response["X-Database-Alias"] == "default"
    assert response["X-Served-By"].startswith(f"{settings.SERVER_NAME} pid=")


def test_diagnostic_headers_are_off_by_default(client, samples):
    response = client.get("/en/")
    assert "X-Database-Alias" not in response and "X-Served-By" not in response
