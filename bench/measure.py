"""Server-side time and queries per page, measured in-process with Django's test client.

Run by bench/run.py with DATABASE_URL set: prints one JSON object.
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import pages  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(requests_per_page):
    # Not setup_test_environment(): it instruments every template render,
    # which costs list pages several milliseconds that production never pays.
    client = Client(HTTP_HOST="localhost")
    results = {}
    for name, addresses in pages().items():
        for address in addresses[:3]:
            client.get(address)  # warm caches, connections and templates
        timings, queries, statuses = [], [], set()
        for index in range(requests_per_page):
            address = addresses[index % len(addresses)]
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(address)
                timings.append((time.perf_counter() - started) * 1000)
            queries.append(len(captured))
            statuses.add(response.status_code)
        results[name] = {
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "queries": sorted(set(queries)),
            "statuses": sorted(statuses),
            "example": addresses[0],
        }
    return results


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))
