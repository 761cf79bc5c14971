"""Time the statistics page's figures on the database DATABASE_URL names, as it stands.

    DJANGO_DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME \\
        .venv/bin/python bench/statistics_page.py

Builds the figures five times (each a fresh read of the record), times each query
of the build, then the page itself with its figures built and from the cache.
Seed the database first (``manage.py seed_demo --petitions N``); right after a bulk
load, run ``VACUUM ANALYZE`` (as autovacuum soon does) so the counts are read from
the indexes alone. It asserts no timings.
"""

import os
import statistics as stats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from figures import statistics  # noqa: E402
from petitions.models import Petition  # noqa: E402
from responses.models import GovernmentResponse  # noqa: E402


def main():
    print(
        connection.vendor,
        f"{Petition.objects.count():,} petitions,",
        f"{GovernmentResponse.objects.count():,} responses",
    )
    times = []
    for _ in range(5):
        started = time.perf_counter()
        statistics.build()
        times.append(time.perf_counter() - started)
    print("build (s):", " ".join(f"{t:.2f}" for t in times), f"median {stats.median(times):.2f}")
    for name in ["petitions_per_session", "responses_figures", "most_signed"]:
        started = time.perf_counter()
        getattr(statistics, name)()
        print(f"  {name}: {time.perf_counter() - started:.3f} s")
    caches["default"].clear()
    client = Client()
    for label in ["page, figures built", "page, figures from the cache"]:
        started = time.perf_counter()
        response = client.get("/en/statistics/", HTTP_HOST="localhost")
        print(f"{label}: {time.perf_counter() - started:.3f} s, status {response.status_code}")


if __name__ == "__main__":
    main()
