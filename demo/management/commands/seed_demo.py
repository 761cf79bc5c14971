import datetime as dt
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max

from demo.generator import PETITIONS, PetitionFactory
from demo.loaders import analyze, insert_rows, remove_petitions, reserve_petition_ids
from demo.reference import ensure_reference_data
from demo.staging import StagingSchema
from pagecache.models import bump
from petitions.models import Petition
from petitions.search import FTS_VENDOR

# The day the made-up records are dated against, so runs are repeatable.
DEMO_TODAY = dt.date(2026, 11, 1)
# SQLite keeps a batch's pages in memory until it commits: written out before, they
# would lock readers out until then.
BATCH_CACHE_KIB = 256 * 1024


@contextmanager
def sqlite_cache(kib):
    """SQLite's page cache at ``kib`` KiB inside the block (other databases: unchanged)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {before}")


class Command(BaseCommand):
    help = "Add N made-up petitions (with clauses, demands, responses, signatures) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--petitions", type=int, required=True, help="How many to add.")
        parser.add_argument("--seed", type=int, default=2829, help="Random seed (default 2829).")
        parser.add_argument("--batch", type=int, default=5_000, help="Petitions per batch.")
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="PostgreSQL connections moving batches in while rows are made (default 2).",
        )

    def handle(self, *args, petitions, seed, batch, workers, **options):
        if petitions < 1 or batch < 1 or workers < 1:
            raise CommandError("--petitions, --batch and --workers must be at least 1.")
        if connection.in_atomic_block and connection.vendor == "postgresql":
            raise CommandError("seed_demo commits batch by batch: run it outside a transaction.")
        self.verbose = options["verbosity"] > 1
        self.phases = []
        self.done = 0
        started = time.monotonic()
        factory = self._factory(seed)
        try:
            counts = factory.session_counts(petitions)
        except ValueError as error:
            raise CommandError(str(error)) from error
        first = reserve_petition_ids(petitions)
        batches = self._counted(factory.batches(counts, first, batch))
        try:
            if connection.vendor == "postgresql":
                self._load_through_staging(batches, workers)
            else:
                self._load_directly(batches)
            # Rows loaded in bulk send no signals: say the record changed.
            bump()
        except BaseException:
            remove_petitions(first, first + petitions - 1)
            raise
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Added {self.done} petitions in {seconds:.1f} s ({self.done / seconds:,.0f}/s)."
        )
        if self.verbose:
            for name, phase_seconds in self.phases:
                self.stdout.write(f"  {name}: {phase_seconds:.1f} s")

    def _load_directly(self, batches):
        """Insert and commit batch after batch, with their rows of SQLite's full-text index."""
        with self._phase("generation and load"), sqlite_cache(BATCH_CACHE_KIB):
            for rows in batches:
                with transaction.atomic():
                    insert_rows(rows)

    def _load_through_staging(self, batches, workers):
        """PostgreSQL: stage batches while workers fill their vectors and commit them."""
        with StagingSchema(workers) as staging:
            with self._phase("generation and staging"):
                for rows in batches:
                    staging.load(rows)
            with self._phase("the last batches moved"):
                staging.finish()
        on = f"on {workers} connections"
        self.phases.append((f"petitions with their vectors, {on}", sum(staging.petition_seconds)))
        self.phases.append((f"their parts, {on}", sum(staging.part_seconds)))
        with self._phase("analyze"):
            analyze()

    def _factory(self, seed):
        """The generator, after the rows it refers to."""
        reference = ensure_reference_data(seed)
        serials = self._used_serials(reference["sessions"])
        first_e = (Petition.objects.aggregate(m=Max("e_number"))["m"] or 0) + 1
        return PetitionFactory(
            seed,
            reference,
            first_e,
            serials,
            DEMO_TODAY,
            index_rows=connection.vendor == FTS_VENDOR,
        )

    def _used_serials(self, sessions):
        """The serials taken in each session, so new Petition Nos. fill the gaps."""
        codes = {session["code"]: session["id"] for session in sessions}
        used = {}
        for petition_no in Petition.objects.filter(petition_no__isnull=False).values_list(
            "petition_no", flat=True
        ):
            code, serial = petition_no.split("-")
            if code in codes:
                used.setdefault(codes[code], set()).add(int(serial))
        return used

    def _counted(self, batches):
        for rows in batches:
            yield rows
            self.done += len(rows[PETITIONS])
            if self.verbose:
                self.stdout.write(f"{self.done} petitions…")

    @contextmanager
    def _phase(self, name):
        started = time.monotonic()
        yield
        self.phases.append((name, time.monotonic() - started))
