"""The benchmark: seed N petitions, time every kind of page, load-test under gunicorn.

    python bench/run.py --sizes 10000,100000 --databases postgresql,sqlite

For each database and size it builds a fresh database, loads e-2829, the samples
and made-up petitions (seed_demo), measures server-side time and queries per page
in-process, then serves the application with gunicorn (2 workers) and drives it
with wrk from a separate process: the petition page and a search, each as a ratio
to a minimal view served in turn with it, by requests/s and by CPU time a request
(the workers', PostgreSQL's and wrk's: bench/cpu_time.py), and the workers' resident
memory afterwards.
The table is printed and written to BENCHMARKS.md. It asserts no timings.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import cpu_time

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Recreated on every run; BENCH_NAME keeps two runs on one machine apart.
BENCH_NAME = os.environ.get("BENCH_NAME", "petitions_bench")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{BENCH_NAME}"
SQLITE_PATH = Path(f"/tmp/{BENCH_NAME}.sqlite3")
SQLITE_LIMIT = 100_000
SAMPLE_RECORDS = 5  # e-2829 and the made-up samples loaded before seed_demo
WARM_UP_SECONDS = 2  # each path, before the load test measures it
MINIMAL_PATH = "/bench/minimal/"  # bench/urls.py
MARK_START, MARK_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def environment(database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback, as `make serve` runs it.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": PG_URL if database == "postgresql" else f"sqlite:///{SQLITE_PATH}",
    }
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def fresh_database(database, env):
    if database == "postgresql":
        for statement in (
            f'DROP DATABASE IF EXISTS "{BENCH_NAME}"',
            f'CREATE DATABASE "{BENCH_NAME}"',
        ):
            subprocess.run(
                ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", statement], check=True
            )
    else:
        SQLITE_PATH.unlink(missing_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_sample_records", "-v0")


def seed(env, size):
    started = time.monotonic()
    manage(env, "seed_demo", "--petitions", str(size - SAMPLE_RECORDS))
    return time.monotonic() - started


def measure_in_process(env, requests):
    """Every request rendered afresh: the page cache is off for this part."""
    out = subprocess.run(
        [PYTHON, "-m", "bench.measure", str(requests)],
        cwd=ROOT, env={**env, "DJANGO_PAGE_CACHE_SECONDS": "0"},
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, timeout=60):
    """Until a worker answers (the port opens before the workers have booted)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/minimal/", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def wrk(url, seconds, connections, serving=()):
    """Requests/s of one wrk run, and the CPU milliseconds per request spent by the
    ``serving`` processes and wrk."""
    before = cpu_time.snapshot(serving)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    after = cpu_time.snapshot(serving)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": round(rate, 1),
        "cpu_ms": cpu_time.spent(before, after) * 1000 / max(requests, 1),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def resident_memory_mb(master_pid):
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return round(max(sizes), 1) if sizes else None


def serve(env, port):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "bench.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "--config", "config/gunicorn.py"],
        # wrk's one address stands for many readers: no per-client limits.
        cwd=ROOT, env={**env, "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "1",
                       "DJANGO_PAGE_RATE": "off", "DJANGO_API_RATE": "off"},
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def load_test(env, petition_url, search_url, seconds, connections, rounds):
    """Requests/s with the page cache on (as deployed), then with every page rendered.

    A shared machine's speed swings by half within a minute, so each page's run is
    compared with the minimal view's runs just before and just after it (their mean:
    a drift between the two cancels), ``rounds`` times, and the table gives the
    median of those ratios with their range.
    """
    results = {}
    for cache_seconds, label in (("600", ""), ("0", ", page cache off")):
        port = free_port()
        server = serve({**env, "DJANGO_PAGE_CACHE_SECONDS": cache_seconds}, port)
        try:
            wait_for(port)
            base = f"http://127.0.0.1:{port}"
            pages = (("petition page", petition_url), ("search", search_url))
            # Each worker's first requests import and compile what the pages use: the
            # minimal view, measured first, was understated by up to half without this.
            for path in (MINIMAL_PATH, petition_url, search_url):
                wrk(base + path, WARM_UP_SECONDS, connections)
            # The workers, and the database connections they opened while warming up.
            serving = cpu_time.serving_processes(server.pid, database_name(env))
            minimal = [wrk(base + MINIMAL_PATH, seconds, connections, serving)]
            runs = {name: [] for name, _path in pages}
            for _ in range(rounds):
                for name, path in pages:
                    page = wrk(base + path, seconds, connections, serving)
                    minimal.append(wrk(base + MINIMAL_PATH, seconds, connections, serving))
                    runs[name].append((page, minimal[-2], minimal[-1]))
            results["minimal view" + label] = summary([(run, run, run) for run in minimal])
            for name, _path in pages:
                results[name + label] = summary(runs[name])
            results["worker memory MB" + label] = resident_memory_mb(server.pid)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    return results


def summary(runs):
    """A path's runs, each with the minimal view's runs before and after it: median
    requests/s, and its ratios to the mean of those two (median, lowest, highest);
    median CPU ms per request, and the minimal view's CPU per request over it."""
    ratios = sorted(
        page["rps"] / statistics.mean([before["rps"], after["rps"]]) for page, before, after in runs
    )
    cpu_ratios = [
        statistics.mean([before["cpu_ms"], after["cpu_ms"]]) / page["cpu_ms"]
        for page, before, after in runs
        if page["cpu_ms"]
    ]
    return {
        "rps": round(statistics.median(page["rps"] for page, _before, _after in runs), 1),
        "ratio": round(statistics.median(ratios), 2),
        "ratio_range": (round(ratios[0], 2), round(ratios[-1], 2)),
        "cpu_ms": round(statistics.median(page["cpu_ms"] for page, _b, _a in runs), 2),
        "cpu_ratio": round(statistics.median(cpu_ratios), 2) if cpu_ratios else None,
        "non_2xx": sum(page["non_2xx"] for page, _before, _after in runs),
    }


def database_name(env):
    """The PostgreSQL database the server reads, or None (SQLite)."""
    url = env["DATABASE_URL"]
    return url.rsplit("/", 1)[1] if url.startswith("postgres") else None


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_gib = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_gib:.0f} GiB, Python {platform.python_version()}"
    )


def database_version(database, env):
    if database == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"],
        capture_output=True, text=True,
    )  # fmt: skip
    return f"PostgreSQL {out.stdout.strip()}"


def table(runs):
    lines = []
    for run in runs:
        lines += [
            f"### {run['database']}, {run['size']:,} petitions",
            "",
            f"Seeded in {run['seed_seconds']:.0f} s. {run['database_version']}.",
            "",
            "| page | p50 ms | p95 ms | queries | status | example |",
            "| --- | ---: | ---: | --- | --- | --- |",
        ]
        for name, row in run["pages"].items():
            queries = ", ".join(map(str, row["queries"]))
            statuses = ", ".join(map(str, row["statuses"]))
            lines.append(
                f"| {name} | {row['p50_ms']} | {row['p95_ms']} | {queries} | {statuses} "
                f"| `{row['example']}` |"
            )
        load = run.get("load")
        if load:
            lines += [
                "",
                "| under load (gunicorn, 2 workers; wrk) | requests/s, median "
                "| ratio to the minimal view, median (range) "
                "| CPU ms a request (minimal view's over it) | non-2xx/3xx |",
                "| --- | ---: | ---: | ---: | ---: |",
            ]
            for name, row in load.items():
                if name.startswith("worker memory"):
                    continue
                low, high = row["ratio_range"]
                cpu_ratio = "–" if row["cpu_ratio"] is None else f"{row['cpu_ratio']:.2f}"
                lines.append(
                    f"| {name} | {row['rps']} | {row['ratio']:.2f} ({low:.2f}–{high:.2f}) "
                    f"| {row['cpu_ms']:.2f} ({cpu_ratio}) | {row['non_2xx']} |"
                )
            memory = max(v for k, v in load.items() if k.startswith("worker memory") and v)
            lines += ["", f"Largest worker resident memory after the runs: {memory} MB."]
        lines.append("")
    return "\n".join(lines)


def write_report(runs, args):
    header = (
        f"{MARK_START}\n## Benchmark\n\n"
        f"`make bench` on {dt.date.today().isoformat()}: {machine()}. "
        f"{args.requests} requests per page in-process (server-side time, Django test client, "
        f"page cache off: every page rendered afresh); under load, wrk at "
        f"{args.connections} connections, each page's run of {args.load_seconds} s between "
        f"two of the minimal view and compared with their mean, {args.rounds} rounds "
        f"(each path first warmed "
        f"{WARM_UP_SECONDS} s), with the production settings "
        f"(page cache on, so repeated requests for one address are served from it), then "
        f"again with the page cache off (every request rendered). CPU a request: the "
        f"gunicorn workers', their PostgreSQL connections' and wrk's CPU time over the "
        f"requests served; on an idle machine, bound by CPU, throughput tends to its "
        f"ratio.\n\n"
    )
    report = header + table(runs) + MARK_END
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    if MARK_START in text:
        text = re.sub(
            re.escape(MARK_START) + ".*?" + re.escape(MARK_END), lambda _: report, text, flags=re.S
        )
    else:
        text = text.rstrip("\n") + "\n\n" + report + "\n"
    path.write_text(text)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--requests", type=int, default=200, help="per page, in-process")
    parser.add_argument("--load-seconds", type=int, default=2, help="per path and round")
    parser.add_argument(
        "--rounds", type=int, default=7, help="of each page between minimal views, under load"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-report", action="store_true", help="print only; leave BENCHMARKS.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    runs = []
    for database in args.databases.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            if database == "sqlite" and size > SQLITE_LIMIT:
                continue
            env = environment(database)
            print(f"== {database}, {size:,} petitions", flush=True)
            fresh_database(database, env)
            run = {"database": database, "size": size, "seed_seconds": seed(env, size)}
            run["database_version"] = database_version(database, env)
            run["pages"] = measure_in_process(env, args.requests)
            run["load"] = load_test(
                env,
                run["pages"]["petition page"]["example"],
                run["pages"]["search, common word"]["example"],
                args.load_seconds,
                args.connections,
                args.rounds,
            )
            runs.append(run)
            print(table([run]), flush=True)
    if not args.no_report:
        write_report(runs, args)


if __name__ == "__main__":
    main()
