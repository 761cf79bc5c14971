"""Limits are counted once for all the servers: no client multiplies them by adding servers."""

import pytest

from cluster.run import Cluster
from tests.cluster.conftest import API_RATE, Visitor

pytestmark = pytest.mark.cluster


def test_the_api_limit_counts_requests_to_both_servers(cluster, visitor):
    first, second = cluster.servers
    for number in range(API_RATE):
        server = (first, second)[number % 2]
        answer = visitor.get(server, "/api/v1/petitions/e-2829/")
        assert answer.status_code == 200, (number, answer.status_code)
    for server in (first, second):
        refused = visitor.get(server, "/api/v1/petitions/e-2829/")
        assert refused.status_code == 429
        assert 0 < int(refused.headers["Retry-After"]) <= 60
    # Another client has its own allowance, on either server.
    assert Visitor(cluster).get(second, "/api/v1/petitions/e-2829/").status_code == 200


def test_a_login_locked_out_on_one_server_is_locked_out_on_the_other(cluster, visitor):
    first, second = cluster.servers
    for _ in range(4):
        answer = visitor.log_in(first, password="not the password")
        assert answer.status_code == 200
        assert "Please enter the correct username and password" in answer.text
    # The fifth failure, on the other server, is the one that locks.
    assert visitor.log_in(second, password="not the password").status_code == 429
    # Locked on both, even with the right password.
    for server in (first, second):
        locked = visitor.log_in(server, password=Cluster.CLERK_PASSWORD)
        assert locked.status_code == 429
        assert int(locked.headers["Retry-After"]) > 0
    # The lockout is for this address: the clerk, elsewhere, still signs in.
    assert Visitor(cluster).log_in(second).status_code == 302
