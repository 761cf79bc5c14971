"""The replica or Redis stops: pages are still served, from the primary, without the cache.

Neither is the record: the primary is. While the replica is down, anonymous pages
are read from the primary; while Redis is down, pages are rendered every time and
the limits are not counted. Neither ever gives a reader a 500, and each server
goes back to using the part when it returns.
"""

import uuid

import pytest

from ops import rediscache
from ops import replicas as replica_checks
from tests.cluster.conftest import Visitor, admin_id, until
from tests.conftest import page_text

pytestmark = pytest.mark.cluster

PAGES = ["/en/", "/en/petitions/", "/en/petitions/e-2829/", "/fr/petitions/e-2829/"]
API = "/api/v1/petitions/e-2829/"
# Each server asks a failed part again after this long; a little more for a busy machine.
RECOVERY_SECONDS = max(replica_checks.CHECK_SECONDS, rediscache.RETRY_SECONDS) * 3


@pytest.fixture
def replica_stopped(cluster):
    cluster.stop_replica()
    yield
    cluster.start_replica()
    for server in cluster.servers:
        cluster.wait_healthy(server, replica="ok")


@pytest.fixture
def redis_stopped(cluster):
    cluster.stop_redis()
    yield
    if "redis" not in cluster.processes:
        cluster.start_redis()
    for server in cluster.servers:
        cluster.wait_healthy(server, cache="ok")


def test_with_the_replica_stopped_every_page_comes_from_the_primary(
    cluster, replica_stopped, visitor
):
    # At once, before the servers have noticed: a page read from the dead replica is
    # made again from the primary.
    for round_number in range(3):
        for server in cluster.servers:
            page = visitor.get(server, f"/en/search/?q=rail+{uuid.uuid4().hex[:6]}")
            assert page.status_code == 200, (round_number, server, page.status_code)
            assert page.headers["X-Database-Alias"] == "default"
            for path in [*PAGES, API]:
                assert visitor.get(server, path).status_code in (200, 304), path
    for server in cluster.servers:
        status, report = cluster.health(server)
        assert status == 200
        assert report["database"] == "ok"
        assert report["replica"] == "unavailable"
        assert report["replicas"]["replica1"]["state"] == "unavailable"


def test_a_clerks_save_while_the_replica_is_down_is_seen_by_readers(
    cluster, replica_stopped, clerk, visitor
):
    first, second = cluster.servers
    petition = admin_id(clerk, first, "/admin/petitions/petition/", "2829")
    change = f"/admin/petitions/petition/{petition}/change/"
    form = clerk.form(first, change)
    form["lead_in_en"] = lead_in = (
        f"We, the undersigned, while the replica rests {uuid.uuid4().hex[:6]}:"
    )
    assert clerk.post(first, change, form).status_code == 302
    page = visitor.get(second, "/en/petitions/e-2829/")
    assert page.status_code == 200
    assert lead_in in page_text(page)


def test_the_replica_back_serves_again(cluster, visitor):
    """After the tests above restarted it (the fixture), each server uses it again."""

    def read_from_replica(server):
        page = visitor.get(server, f"/en/search/?q=rail+{uuid.uuid4().hex[:6]}")
        return page.status_code == 200 and page.headers["X-Database-Alias"] == "replica1"

    for server in cluster.servers:
        until(lambda server=server: read_from_replica(server), RECOVERY_SECONDS)


def test_with_redis_stopped_pages_are_served_uncached_and_limits_not_counted(
    cluster, redis_stopped, visitor
):
    for server in cluster.servers:
        for path in PAGES:
            for _ in range(2):
                page = visitor.get(server, path)
                assert page.status_code == 200, (server, path, page.status_code)
                # Caching is off: every request is made afresh.
                assert "hit" not in page.headers.get("Cache-Status", ""), path
        status, report = cluster.health(server)
        assert status == 200
        assert report["cache"] == "unavailable"
        assert report["database"] == "ok"
    # The API's limit lets requests through rather than fail (logged by the servers).
    for number in range(25):
        answer = visitor.get(cluster.servers[number % 2], API)
        assert answer.status_code == 200, (number, answer.status_code)


def test_with_redis_stopped_a_clerk_still_signs_in_and_saves(cluster, redis_stopped):
    first, second = cluster.servers
    clerk = Visitor(cluster)
    assert clerk.log_in(second).status_code == 302
    petition = admin_id(clerk, first, "/admin/petitions/petition/", "2829")
    change = f"/admin/petitions/petition/{petition}/change/"
    saved = clerk.post(first, change, clerk.form(first, change))
    assert saved.status_code == 302


def test_redis_back_the_servers_cache_and_count_again(cluster, visitor):
    """After the tests above restarted it (the fixture), pages are kept and served again."""
    page = f"/en/search/?q=health+{uuid.uuid4().hex[:6]}"
    first, second = cluster.servers
    assert visitor.get(first, page).status_code == 200
    until(
        lambda: "hit" in visitor.get(second, page).headers.get("Cache-Status", ""),
        RECOVERY_SECONDS,
    )
