"""The cache several app servers share: Redis, counting atomically, forgetting when down.

Against a redis-server of the test's own on a free loopback port (never a Redis
others use); skipped with the reason when redis-server is not installed, and a
failure under ``--require-cluster`` (as CI runs).
"""

import shutil
import socket
import subprocess
import time

import pytest
import redis

from ops import ratelimit, rediscache
from ops.rediscache import SharedRedisCache


class RedisServer:
    def __init__(self, folder):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait()
            self.process = None


@pytest.fixture
def redis_server(request, tmp_path):
    if not shutil.which("redis-server"):
        if request.config.getoption("require_cluster"):
            pytest.fail("no redis-server, and --require-cluster says it must be tested")
        pytest.skip("no redis-server: shared cache test skipped")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_outage_left_over():
    rediscache.outages.reset()
    yield
    rediscache.outages.reset()


def shared(server, prefix):
    return SharedRedisCache(server.url, {"KEY_PREFIX": prefix})


def test_two_servers_share_one_count_and_keep_its_expiry(redis_server):
    first, second = shared(redis_server, "limits"), shared(redis_server, "limits")
    assert first.add("k", 0, timeout=60)
    assert not second.add("k", 0, timeout=60)
    assert first.incr("k") == 1
    assert second.incr("k", 5) == 6
    assert second.decr("k") == 5
    assert first.get_many(["k", "missing"]) == {"k": 5}
    ttl = redis.Redis.from_url(redis_server.url).ttl(first.make_key("k"))
    assert 0 < ttl <= 60
    # A counter that lapsed is not brought back without an expiry.
    with pytest.raises(ValueError):
        first.incr("missing")
    assert not first.has_key("missing")


def test_clear_deletes_this_caches_keys_and_nothing_else(redis_server):
    pages, limits = shared(redis_server, "pages"), shared(redis_server, "limits")
    pages.set_many({f"page{n}": "<html>" for n in range(1500)}, timeout=60)
    limits.set("count", 3, timeout=60)
    other = redis.Redis.from_url(redis_server.url)
    other.set("another-site", "kept")
    pages.clear()
    assert pages.get("page1") is None and pages.get("page1499") is None
    assert limits.get("count") == 3
    assert other.get("another-site") == b"kept"


def test_rate_limits_count_requests_to_every_server(redis_server, settings):
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "ops.rediscache.SharedRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "limits",
        },
    }
    start = 1_200_000.0
    assert ratelimit.hit("api", "a", "2/minute", now=start) is None
    assert ratelimit.hit("api", "a", "2/minute", now=start + 1) is None
    assert ratelimit.hit("api", "a", "2/minute", now=start + 2) == 58
    # Another server's process, its own connection to the same Redis: same count.
    other = shared(redis_server, "limits")
    key = f"rate:api:a:60:{int((start + 1) // 6)}"
    assert other.get(key) == 2


def test_while_redis_is_down_the_cache_forgets_and_asks_again_later(
    redis_server, monkeypatch, caplog
):
    monkeypatch.setattr(rediscache, "RETRY_SECONDS", 0.3)
    cache = shared(redis_server, "pages")
    cache.set("page", "<html>", timeout=60)
    redis_server.stop()

    started = time.monotonic()
    assert cache.get("page", "absent") == "absent"
    cache.set("page", "<html>", timeout=60)
    assert cache.add("k", 0) is False
    assert cache.get_many(["k"]) == {}
    assert cache.touch("k") is False
    with pytest.raises(ValueError):
        cache.incr("k")
    assert cache.ping() is False
    assert time.monotonic() - started < 2  # refused at once, not a timeout per call
    assert caplog.text.count("Shared cache unavailable") == 1

    redis_server.start()
    assert cache.get("page") is None  # still skipped: not asked again yet
    time.sleep(0.35)
    cache.set("page", "<html>", timeout=60)
    assert cache.get("page") == "<html>"
    assert "Shared cache reachable again" in caplog.text


def test_limits_let_requests_through_while_redis_is_down(redis_server, settings):
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "ops.rediscache.SharedRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "limits",
        },
    }
    redis_server.stop()
    for _ in range(3):
        assert ratelimit.hit("api", "a", "1/minute") is None
        assert ratelimit.Slots("export:a", 1).take()


def test_ping_ends_an_outage_as_soon_as_redis_answers(redis_server):
    cache = shared(redis_server, "default")
    redis_server.stop()
    assert cache.get("k", "absent") == "absent"
    assert not rediscache.outages.available(cache.server)
    redis_server.start()
    assert cache.ping()
    assert rediscache.outages.available(cache.server)
