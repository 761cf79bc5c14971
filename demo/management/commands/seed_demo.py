import datetime as dt
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max

from demo.generator import Ids, PetitionFactory
from demo.loaders import (
    analyze,
    drop_foreign_keys,
    drop_plain_indexes,
    insert_rows,
    next_ids,
    reset_sequences,
    run_all,
)
from demo.reference import ensure_reference_data
from demo.staging import StagingSchema
from pagecache.models import bump
from petitions import indexing
from petitions.models import Petition

# The day the made-up records are dated against, so runs are repeatable.
DEMO_TODAY = dt.date(2026, 11, 1)
# Building indexes over a million rows wants more than the default 64 MB.
INDEX_MEMORY = "512MB"


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
            help="PostgreSQL connections filling search vectors while rows are made (default 2).",
        )

    def handle(self, *args, petitions, seed, batch, workers, **options):
        if petitions < 1 or batch < 1 or workers < 1:
            raise CommandError("--petitions, --batch and --workers must be at least 1.")
        self.verbose = options["verbosity"] > 1
        self.phases = []
        self.done = 0
        started = time.monotonic()
        if connection.vendor == "postgresql":
            self._load_through_staging(petitions, seed, batch, workers)
        else:
            self._load_directly(petitions, seed, batch)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Added {self.done} petitions in {seconds:.1f} s ({self.done / seconds:,.0f}/s)."
        )
        if self.verbose:
            for name, phase_seconds in self.phases:
                self.stdout.write(f"  {name}: {phase_seconds:.1f} s")

    def _load_directly(self, petitions, seed, batch):
        """Insert batch after batch in one transaction, then index them (SQLite's FTS5)."""
        with transaction.atomic():
            factory = self._factory(seed)
            first = factory.ids.next["petitions_petition"]
            with self._phase("generation and load"):
                for rows in self._batches(factory, petitions, batch):
                    insert_rows(rows)
            with self._phase("full-text index"):
                indexing.refresh(Petition.objects.filter(pk__gte=first), texts_stored=True)
            # Rows loaded in bulk send no signals: say the record changed.
            bump()

    def _load_through_staging(self, petitions, seed, batch, workers):
        """PostgreSQL: stage and fill vectors in parallel, then move in one transaction."""
        with StagingSchema(workers) as staging, transaction.atomic():
            factory = self._factory(seed)
            staging.copy_reference_rows()
            with self._phase("generation and load into staging"):
                for rows in self._batches(factory, petitions, batch):
                    staging.load(rows)
            foreign_keys = drop_foreign_keys()
            # Building an index anew over the whole table pays when the load is most of it.
            indexes = drop_plain_indexes() if self.done >= Petition.objects.count() else []
            # The workers use both cores for the rest of the vectors; moving the
            # other tables meanwhile shortens what is left once they are done.
            with self._phase("other tables moved, while vectors are filled"):
                staging.move_parts()
            with self._phase("petitions moved as their vectors are filled"):
                staging.move_petitions()
            self.phases.append(
                (
                    f"search vectors, work in all on {workers} connections",
                    sum(staging.vector_seconds),
                )
            )
            with self._phase("indexes"):
                run_all([f"SET LOCAL maintenance_work_mem = '{INDEX_MEMORY}'", *indexes])
            with self._phase("constraints"):
                run_all(foreign_keys)
            reset_sequences()
            # Rows loaded in bulk send no signals: say the record changed.
            bump()
        with self._phase("analyze"):
            analyze()

    def _factory(self, seed):
        """The generator, after the rows it refers to (in the caller's transaction)."""
        reference = ensure_reference_data(seed)
        serials = self._used_serials(reference["sessions"])
        first_e = (Petition.objects.aggregate(m=Max("e_number"))["m"] or 0) + 1
        return PetitionFactory(seed, reference, Ids(next_ids()), first_e, serials, DEMO_TODAY)

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

    def _batches(self, factory, petitions, size):
        """The factory's batches, counted; an error before the first when too many are asked."""
        try:
            batches = factory.batches(petitions, size)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for rows in batches:
            yield rows
            self.done += len(rows["petitions_petition"])
            if self.verbose:
                self.stdout.write(f"{self.done} petitions…")

    @contextmanager
    def _phase(self, name):
        started = time.monotonic()
        yield
        self.phases.append((name, time.monotonic() - started))
