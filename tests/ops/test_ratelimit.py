"""What one client may ask of the site: the counting itself, and the store it shares."""

import time

import pytest

from ops import ratelimit
from ops.apps import rate_limit_file_is_writable
from ops.ratelimit import Rate, hit, parse_rate
from ops.sharedcache import SharedFileCache


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("120/minute", Rate(120, 60)),
        ("5/second", Rate(5, 1)),
        (" 60 / hours ", Rate(60, 3600)),
        ("1000/day", Rate(1000, 86400)),
        ("off", None),
        ("", None),
        (None, None),
    ],
)
def test_rates_read_as_written_in_the_settings(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["120", "0/minute", "-1/minute", "12/fortnight", "²/minute"])
def test_a_malformed_rate_is_refused_with_the_reason(text):
    with pytest.raises(ValueError, match="120/minute"):
        parse_rate(text)


def test_a_client_gets_its_limit_then_waits_until_the_oldest_requests_leave_the_window(db):
    start = 1_200_000.0  # a bucket's start (a minute is ten buckets of 6 s)
    for second in (0, 7, 14):
        assert hit("t", "a", "3/minute", now=start + second) is None
    # Refused until the first request is a minute old.
    assert hit("t", "a", "3/minute", now=start + 20) == 40
    assert hit("t", "a", "3/minute", now=start + 59) == 1
    # Refusals are not counted: once the first has left, the client is served.
    assert hit("t", "a", "3/minute", now=start + 60) is None
    assert hit("t", "a", "3/minute", now=start + 61) == 5  # the second leaves at 66 s
    # Other clients and other scopes count apart.
    assert hit("t", "b", "3/minute", now=start + 10) is None
    assert hit("other", "a", "3/minute", now=start + 10) is None


def test_no_burst_across_a_windows_edge():
    """Requests at the end of one minute still count at the start of the next."""
    start = 1_200_000.0
    for _ in range(5):
        assert hit("t", "a", "5/minute", now=start + 59) is None
    assert hit("t", "a", "5/minute", now=start + 61) is not None


def test_no_limit_when_off():
    for _ in range(1000):
        assert hit("t", "a", "off") is None


def test_slots_are_taken_given_back_and_lapse_when_not_renewed(monkeypatch):
    mine = ratelimit.Slots("export:a", 2)
    assert mine.take() and mine.take()
    assert not mine.take()
    mine.give_back()
    assert mine.take()
    assert ratelimit.Slots("export:b", 2).take()
    assert ratelimit.Slots("export:a", None).take()  # no limit
    # A process that died mid-export never gives its slot back: it lapses.
    monkeypatch.setattr(ratelimit, "SLOT_LEASE_SECONDS", 0.2)
    lapsing = ratelimit.Slots("export:c", 1)
    assert lapsing.take() and not lapsing.take()
    time.sleep(0.3)
    assert lapsing.take()


def test_two_processes_share_one_count(tmp_path):
    """Each gunicorn worker opens the file itself: one's count is the other's."""
    path = tmp_path / "counts.sqlite3"
    first, second = SharedFileCache(path, {}), SharedFileCache(path, {})
    assert first.add("k", 0, timeout=60)
    assert not second.add("k", 0, timeout=60)
    assert first.incr("k") == 1
    assert second.incr("k") == 2
    assert first.get("k") == 2
    assert second.get_many(["k", "missing"]) == {"k": 2}
    second.set("value", {"any": ["thing"]}, timeout=60)
    assert first.get("value") == {"any": ["thing"]}
    assert first.touch("value", timeout=60) and first.has_key("value")
    assert first.delete("value") and not second.has_key("value")
    with pytest.raises(ValueError):
        second.incr("missing")


def test_expired_values_are_gone(tmp_path):
    cache = SharedFileCache(tmp_path / "counts.sqlite3", {})
    cache.set("k", 5, timeout=-1)
    assert cache.get("k") is None
    assert cache.add("k", 1, timeout=60)
    assert cache.get("k") == 1
    cache.clear()
    assert cache.get("k") is None


def test_a_store_that_cannot_be_written_lets_requests_through(
    settings, tmp_path, caplog, monkeypatch
):
    monkeypatch.setattr(ratelimit, "_last_warning", [0.0])
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "ops.sharedcache.SharedFileCache",
            "LOCATION": str(tmp_path / "no-such-folder" / "counts.sqlite3"),
        },
    }
    assert hit("t", "a", "1/minute") is None
    assert hit("t", "a", "1/minute") is None
    assert "Rate limit not counted" in caplog.text
    assert caplog.text.count("Rate limit not counted") == 1  # not once a request
    assert [w.id for w in rate_limit_file_is_writable()] == ["ops.W001"]
