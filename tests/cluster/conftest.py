"""Two app servers, a PostgreSQL primary and its streaming replica, and Redis, on loopback.

One cluster (``cluster.run.Cluster``) for the package, started once (about 20 s),
its replica replaying every change ``REPLICA_DELAY_SECONDS`` late, as a busy one
may: what a reader gets right after a save shows whether the servers wait for it.
Requests go to both servers' ports as a load balancer would send them: with the
public host name (``Host``) and the visitor's address appended to
``X-Forwarded-For``. Without PostgreSQL's server binaries or redis-server the tests
are skipped with the reason in the summary; ``--require-cluster`` (as CI runs) makes
that a failure.
"""

import http.cookies
import itertools
import re
import time

import pytest
import requests

from cluster.run import Cluster, missing_tools
from tests.conftest import rendered_form_data

# Low enough to reach in a test; the other limits out of the way.
API_RATE = 20
CLUSTER_SETTINGS = {"DJANGO_API_RATE": f"{API_RATE}/minute", "DJANGO_PAGE_RATE": "off"}
# The replica replays each change this late: a server that read a page from it right
# after a clerk's save would serve the old record.
REPLICA_DELAY_SECONDS = 3
# What the load balancer passes on as the host: the same for every server, so the
# servers share one copy of each page.
PUBLIC_HOST = "localhost"
TIMEOUT = 20

_addresses = (f"198.51.100.{n}" for n in itertools.count(1))


@pytest.fixture(scope="package")
def cluster(request):
    missing = missing_tools()
    if missing:
        if request.config.getoption("require_cluster"):
            pytest.fail(
                f"no {missing}, and --require-cluster says the cluster tests must run",
                pytrace=False,
            )
        pytest.skip(f"no {missing}: cluster test skipped")
    with Cluster(
        env=CLUSTER_SETTINGS, replica_delay=f"{REPLICA_DELAY_SECONDS}s", log=print
    ) as running:
        yield running


class Visitor:
    """One person at one address, their cookies kept whichever server answers.

    The servers run with the production settings, whose cookies are ``Secure``
    (sent back over HTTPS only), behind a TLS proxy this setup does without; so
    the cookies are kept here and sent back over plain HTTP all the same.
    """

    def __init__(self, cluster):
        self.cluster = cluster
        self.address = next(_addresses)
        self.cookies = {}

    def request(self, method, server, path, **options):
        headers = {"Host": PUBLIC_HOST, "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            server + path,
            headers=headers,
            allow_redirects=False,
            timeout=TIMEOUT,
            **options,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, server, path, **options):
        return self.request("GET", server, path, **options)

    def post(self, server, path, data, **options):
        return self.request("POST", server, path, data=data, **options)

    def form(self, server, path):
        """The values of the form on the page, as the browser would submit them."""
        page = self.get(server, path)
        assert page.status_code == 200, (path, page.status_code)
        return rendered_form_data(page)

    def log_in(self, server, username=Cluster.CLERK, password=Cluster.CLERK_PASSWORD):
        page = self.get(server, "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.post(
            server,
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )


@pytest.fixture
def visitor(cluster):
    return Visitor(cluster)


@pytest.fixture
def clerk(cluster):
    person = Visitor(cluster)
    assert person.log_in(cluster.servers[0]).status_code == 302
    return person


def until(condition, timeout=20):
    """Wait until ``condition()`` is true (returning it), at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"not so after {timeout} s")


def admin_id(clerk, server, changelist, query):
    """The id of the one object the admin's search finds."""
    page = clerk.get(server, f"{changelist}?q={query}")
    ids = set(re.findall(rf'href="{changelist}(\d+)/change/', page.text))
    assert len(ids) == 1, (query, ids)
    return ids.pop()
