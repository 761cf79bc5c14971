"""The CPU time a load test spends: the gunicorn workers', the PostgreSQL backends'
serving them, and wrk's own.

On an idle machine throughput is bound by CPU, so a page's CPU time per request,
against the minimal view's, is the ratio its throughput tends to; unlike requests/s it
changes little when the machine is shared (a busy neighbour slows both alike). Read
from /proc (Linux) and, for wrk, from this process's finished children.
"""

import os
import resource
import subprocess
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def serving_processes(server_pid, database):
    """The server's workers and the PostgreSQL backends connected to ``database``."""
    workers = _pgrep("-P", str(server_pid))
    # A backend's title: "postgres: 15/main: postgres <database> 127.0.0.1(port) idle".
    backends = _pgrep("-f", f"postgres: .* {database} ") if database else []
    return workers + backends


def snapshot(pids):
    """Each process's CPU seconds so far, and this process's finished children's."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return times, children.ru_utime + children.ru_stime


def spent(before, after):
    """CPU seconds between two snapshots; a process that started between them counts
    from zero, one that ended is not counted."""
    (times_before, children_before), (times_after, children_after) = before, after
    processes = sum(seconds - times_before.get(pid, 0.0) for pid, seconds in times_after.items())
    return processes + children_after - children_before


def _pgrep(*args):
    return subprocess.run(["pgrep", *args], capture_output=True, text=True).stdout.split()
