"""seed_demo timed, while a reader on another connection counts the petitions.

    DATABASE_URL=... DJANGO_DEBUG=1 python bench/seed.py --petitions 100000

Runs ``manage.py seed_demo`` against the database of DATABASE_URL and, meanwhile,
``SELECT count(*) FROM petitions_petition`` every half second on a connection of its
own. Prints the load's time and phases, the machine's load, and the reader's longest
wait: the tables stay readable during the load when that wait stays short and the
counts rise batch by batch. It asserts nothing.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_EVERY = 0.5  # seconds between two counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petitions", type=int, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import OperationalError, connection

    load_before = os.getloadavg()
    started = time.monotonic()
    load = subprocess.Popen(
        [sys.executable, "manage.py", "seed_demo", "--petitions", str(args.petitions), "-v2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    waits, counts, refused = [], [], 0
    while load.poll() is None:
        asked = time.monotonic()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM petitions_petition")
                counts.append(cursor.fetchone()[0])
        except OperationalError:  # SQLite: locked for longer than its timeout
            refused += 1
        waits.append(time.monotonic() - asked)
        time.sleep(READ_EVERY)
    seconds = time.monotonic() - started
    output = load.stdout.read()
    if load.returncode:
        sys.exit(f"seed_demo failed ({load.returncode}):\n{output}")
    print("\n".join(line for line in output.splitlines() if not line.endswith("petitions…")))
    print(
        f"{args.petitions:,} petitions on {connection.vendor}: {seconds:.1f} s in all; "
        f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after.\n"
        f"A reader counted the petitions {len(waits)} times meanwhile: longest wait "
        f"{max(waits) * 1000:.0f} ms, {refused} refused, {len(set(counts))} different "
        f"counts from {min(counts, default=0):,} to {max(counts, default=0):,}."
    )


if __name__ == "__main__":
    main()
