"""The site as several machines run it, on this one: `make cluster`.

On loopback, in a temporary folder it removes when done:

- a PostgreSQL primary and a streaming replica (a second cluster made from the
  first with ``pg_basebackup -R``), each on its own port;
- Redis, without persistence, as the shared cache;
- two gunicorn instances (``app1``, ``app2``) on two ports, each with the production
  settings and the same secret key, database, replica, cache and media folder, as
  two app servers behind a load balancer would have (``DJANGO_PROXY_COUNT=1``: the
  client is the address the balancer appends to ``X-Forwarded-For``), with the
  diagnostic headers on (``X-Served-By``, ``X-Database-Alias``).

The primary holds the sample records (``load_sample_records``) and a clerk account
(``clerk``, password in ``Cluster.CLERK_PASSWORD``).

    python -m cluster.run                 # start, print the addresses, stop on Ctrl-C
    python -m cluster.run --loadtest 30s  # wrk through one port, then both; the ratio

PostgreSQL's binaries are taken from ``PG_BIN`` or the newest
``/usr/lib/postgresql/*/bin``; as root (CI), they run as the ``postgres`` user,
since PostgreSQL refuses to run as root. The tests in ``tests/cluster/`` start one
with ``Cluster`` and stop its parts to see what readers get.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
DATABASE = "petitions"
START_TIMEOUT = 60


def postgres_bin():
    """The folder of PostgreSQL's server binaries, or None."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def missing_tools():
    """What this machine lacks to run a cluster, as a sentence; empty when nothing."""
    missing = []
    pg = postgres_bin()
    if pg is None or not all(
        (pg / name).exists() for name in ("initdb", "pg_ctl", "pg_basebackup")
    ):
        missing.append("PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup)")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        missing.append("runuser (to run PostgreSQL as the postgres user)")
    if not GUNICORN.exists():
        missing.append(f"gunicorn in {GUNICORN.parent} (make install)")
    return ", ".join(missing)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    CLERK = "clerk"
    CLERK_PASSWORD = "cluster-clerk-" + "x7Kq" * 4

    def __init__(self, servers=2, workers=2, threads=4, env=None, replica_delay=None, log=print):
        self.server_count = servers
        # Replay each change this late on the replica (recovery_min_apply_delay,
        # "2s"): a page read from it right after a save would show the old record.
        self.replica_delay = replica_delay
        self.workers = workers
        self.threads = threads
        self.extra_env = dict(env or {})
        self.log = log
        self.pg = postgres_bin()
        self.as_postgres = os.geteuid() == 0
        self.folder = None
        self.processes = {}
        self.ports = {}
        self.secret_key = secrets.token_urlsafe(50)

    # --- addresses ----------------------------------------------------------------

    @property
    def servers(self):
        """The base URL of each app server: http://127.0.0.1:PORT."""
        return [
            f"http://127.0.0.1:{self.ports[f'app{n}']}" for n in range(1, self.server_count + 1)
        ]

    def database_url(self, part="primary"):
        return f"postgres://postgres@127.0.0.1:{self.ports[part]}/{DATABASE}"

    @property
    def cache_url(self):
        return f"redis://127.0.0.1:{self.ports['redis']}/0"

    def environment(self, **more):
        """The settings every app server (and manage.py) runs with."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": self.database_url("primary"),
            "DATABASE_REPLICA_URLS": self.database_url("replica"),
            "DJANGO_CACHE_URL": self.cache_url,
            "DJANGO_SECRET_KEY": self.secret_key,
            "DJANGO_DEBUG": "",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_PROXY_COUNT": "1",
            "DJANGO_DIAGNOSTIC_HEADERS": "1",
            "DJANGO_MEDIA_ROOT": str(self.folder / "media"),
            "DJANGO_RATE_LIMIT_FILE": str(self.folder / "ratelimits.sqlite3"),
            "WEB_CONCURRENCY": str(self.workers),
            "GUNICORN_THREADS": str(self.threads),
            **self.extra_env,
            **more,
        }

    # --- the whole --------------------------------------------------------------------

    def start(self):
        problem = missing_tools()
        if problem:
            raise RuntimeError(f"Cannot start a cluster: missing {problem}")
        self.folder = Path(tempfile.mkdtemp(prefix="petition-cluster-"))
        self.folder.chmod(0o755)  # the postgres user reaches its folders inside
        for part in (
            "primary",
            "replica",
            "redis",
            *(f"app{n}" for n in range(1, self.server_count + 1)),
        ):
            self.ports[part] = free_port()
        (self.folder / "media").mkdir()
        try:
            started = time.monotonic()
            self.start_primary()
            self.prepare_database()
            self.make_replica()
            self.start_replica()
            self.start_redis()
            self.manage("collectstatic", "--noinput", "--verbosity", "0")
            for number in range(1, self.server_count + 1):
                self.start_server(number)
            for base in self.servers:
                self.wait_healthy(base, replica="ok", cache="ok")
            self.log(f"Cluster up in {time.monotonic() - started:.0f} s: {', '.join(self.servers)}")
        except BaseException:
            self.show_logs()
            self.stop()
            raise
        return self

    def stop(self):
        for name in [name for name in self.processes if name.startswith("app")]:
            self.stop_process(name)
        self.stop_redis()
        for part in ("replica", "primary"):
            if self.folder and (self.folder / part / "postmaster.pid").exists():
                self.pg_ctl(part, "stop", "-m", "immediate")
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- PostgreSQL -----------------------------------------------------------------

    def run_pg(self, binary, *args, check=True, capture=False):
        command = [str(self.pg / binary), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command,
            cwd=self.folder,
            check=check,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.PIPE if capture else None,
            text=True,
        )

    def pg_folder(self, part):
        folder = self.folder / part
        folder.mkdir(mode=0o700, exist_ok=True)
        if self.as_postgres:
            shutil.chown(folder, "postgres", "postgres")
        return folder

    def pg_ctl(self, part, action, *args):
        options = (
            f"-p {self.ports[part]} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.folder / 'sockets'} "
            # A throwaway cluster: speed over durability.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c shared_buffers=32MB -c max_connections=100"
        )
        if part == "replica" and self.replica_delay:
            options += f" -c recovery_min_apply_delay={self.replica_delay}"
        log = self.folder / "pglog" / f"{part}.log"
        extra = ["-o", options, "-l", str(log), "-w"] if action == "start" else []
        return self.run_pg(
            "pg_ctl", action, "-D", str(self.folder / part), *extra, *args, check=action != "stop"
        )

    def start_primary(self):
        self.pg_folder("sockets")
        self.pg_folder("pglog")
        self.run_pg(
            "initdb",
            "-D",
            str(self.pg_folder("primary")),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        )
        self.pg_ctl("primary", "start")

    def prepare_database(self):
        self.run_pg(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.ports["primary"]),
            "-U",
            "postgres",
            DATABASE,
        )
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_sample_records")
        self.manage(
            "create_account",
            "clerk",
            self.CLERK,
            "--no-input",
            env={"DJANGO_ACCOUNT_PASSWORD": self.CLERK_PASSWORD},
        )

    def make_replica(self):
        folder = self.pg_folder("replica")
        self.run_pg(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.ports["primary"]),
            "-U",
            "postgres",
            "-D",
            str(folder),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
        )

    def start_replica(self):
        self.pg_ctl("replica", "start")

    def stop_replica(self):
        """Stop the replica now (the way a crash or a network cut looks to the servers)."""
        self.pg_ctl("replica", "stop", "-m", "immediate")

    # --- Redis ----------------------------------------------------------------------

    def start_redis(self):
        folder = self.folder / "redis"
        folder.mkdir(exist_ok=True)
        self.processes["redis"] = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.ports["redis"]),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
                "--maxmemory",
                "64mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ],
            stdout=open(self.folder / "redis.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(
                    ("127.0.0.1", self.ports["redis"]), timeout=1
                ) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("Redis did not start")

    def stop_redis(self):
        self.stop_process("redis")

    # --- the app servers --------------------------------------------------------------

    def manage(self, *args, env=None):
        subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.environment(**(env or {})),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_server(self, number):
        name = f"app{number}"
        env = self.environment(
            GUNICORN_BIND=f"127.0.0.1:{self.ports[name]}", DJANGO_SERVER_NAME=name
        )
        self.processes[name] = subprocess.Popen(
            [str(GUNICORN), "--config", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=open(self.folder / f"{name}.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )

    def health(self, base):
        """The server's /healthz as (status, report)."""
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=10) as answer:
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def wait_healthy(self, base, timeout=START_TIMEOUT, **expected):
        """Until /healthz answers 200 with the expected parts (replica="ok", ...)."""
        deadline = time.monotonic() + timeout
        report = None
        while time.monotonic() < deadline:
            try:
                status, report = self.health(base)
                if status == 200 and all(report.get(k) == v for k, v in expected.items()):
                    return report
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{base} not healthy ({expected}) after {timeout} s: {report}")

    def stop_process(self, name):
        process = self.processes.pop(name, None)
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def show_logs(self, lines=20):
        if not self.folder:
            return
        for log in sorted([*self.folder.glob("*.log"), *self.folder.glob("pglog/*.log")]):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            self.log(f"--- {log.name}\n" + "\n".join(tail))


# --- the load test through one port and through both ----------------------------------

RESULT = re.compile(r"requests: (\d+) in ([\d.]+) s, (\d+) requests/s")
LATENCY = re.compile(r"latency: p50 ([\d.]+) ms, p90 ([\d.]+) ms, p99 ([\d.]+) ms")


def load_test(cluster, duration, connections, rounds=1):
    """wrk over the load test's mix, through the first server's port, then through all.

    The same connections in both runs, split evenly between the ports in the second,
    with the public host as a load balancer passes it on (so every server shares
    one copy of each page). Prints a row per run and the ratio; fails on any error.
    """
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    paths = cluster.folder / "paths"
    listing = subprocess.run(
        [str(PYTHON), "loadtest/paths.py"],
        cwd=ROOT,
        env=cluster.environment(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    paths.write_text(
        "\n".join(line for line in listing.splitlines() if line.startswith("/")) + "\n"
    )

    def wrk(bases):
        load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
        started = time.strftime("%H:%M:%S", time.gmtime())
        runs = [
            subprocess.Popen(
                ["wrk", "--threads", str(max(1, 2 // len(bases)))]
                + ["--connections", str(connections // len(bases)), "--duration", duration]
                + ["--timeout", "10s", "--latency", "--header", "Host: localhost"]
                + ["--script", "loadtest/mix.lua", base, "--", str(paths)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            for base in bases
        ]
        outputs = [run.communicate()[0] for run in runs]
        if any(run.returncode for run in runs):
            print("\n".join(outputs))
            sys.exit("the load test saw errors")
        results = [RESULT.search(out).groups() for out in outputs]
        latencies = ["/".join(LATENCY.search(out).groups()) for out in outputs]
        rate = sum(int(result[2]) for result in results)
        print(
            f"| {started} | {len(bases)} | {load} | {sum(int(r[0]) for r in results):,} "
            f"| {rate:,} | {'; '.join(latencies)} ms | 0 |"
        )
        return rate

    print(
        f"{connections} connections for {duration}, "
        f"{cluster.server_count} servers of {cluster.workers} workers × {cluster.threads} threads"
    )
    print(
        "| started (UTC) | ports | load before (1, 5, 15 min) | requests | requests/s "
        "| p50/p90/p99 per port | errors |"
    )
    print("| --- | ---: | --- | ---: | ---: | --- | --- |")
    ratios = []
    for _ in range(rounds):
        one = wrk(cluster.servers[:1])
        both = wrk(cluster.servers)
        ratios.append(both / one)
    print(f"ratio of requests/s, both ports to one: {', '.join(f'{r:.2f}' for r in ratios)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--loadtest", metavar="DURATION", help="wrk through one port, then both")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="load test rounds (one, then both)")
    parser.add_argument(
        "--replica-delay", metavar="TIME", help="replay changes this late on the replica (2s)"
    )
    args = parser.parse_args()
    env = {"DJANGO_PAGE_RATE": "off", "DJANGO_API_RATE": "off"} if args.loadtest else {}
    cluster = Cluster(
        servers=args.servers, workers=args.workers, env=env, replica_delay=args.replica_delay
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with cluster:
        if args.loadtest:
            load_test(cluster, args.loadtest, args.connections, args.rounds)
            return
        print(
            f"Primary {cluster.database_url('primary')}\n"
            f"Replica {cluster.database_url('replica')}\n"
            f"Cache   {cluster.cache_url}\n"
            f"Servers {'  '.join(cluster.servers)}\n"
            f"Clerk   {cluster.CLERK} / {cluster.CLERK_PASSWORD}\n"
            f"Files   {cluster.folder}\n"
            "Ctrl-C stops everything and removes the folder."
        )
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    main()
