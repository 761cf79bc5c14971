import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max

from demo.generator import COLUMNS, Ids, PetitionFactory
from demo.loaders import foreign_keys_checked_at_the_end, load, next_ids, reset_sequences
from demo.reference import ensure_reference_data
from pagecache.models import bump
from petitions.models import Petition
from petitions.search import refresh_search_vectors

# The day the made-up records are dated against, so runs are repeatable.
DEMO_TODAY = dt.date(2026, 11, 1)


class Command(BaseCommand):
    help = "Add N made-up petitions (with clauses, demands, responses, signatures) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--petitions", type=int, required=True, help="How many to add.")
        parser.add_argument("--seed", type=int, default=2829, help="Random seed (default 2829).")
        parser.add_argument("--batch", type=int, default=5_000, help="Petitions per batch.")

    def handle(self, *args, petitions, seed, batch, **options):
        if petitions < 1:
            raise CommandError("--petitions must be at least 1.")
        started = time.monotonic()
        with transaction.atomic():
            reference = ensure_reference_data(seed)
            serials = self._used_serials(reference["sessions"])
            first_e = (Petition.objects.aggregate(m=Max("e_number"))["m"] or 0) + 1
            factory = PetitionFactory(
                seed, reference, Ids(next_ids()), first_e, serials, DEMO_TODAY
            )
            try:
                batches = factory.batches(petitions, batch)
            except ValueError as error:
                raise CommandError(str(error)) from error
            done = 0
            with foreign_keys_checked_at_the_end():
                for rows in batches:
                    load(rows)
                    ids = [row[0] for row in rows["petitions_petition"]]
                    # Bulk rows send no signals: fill their search vectors here.
                    refresh_search_vectors(Petition.objects.filter(pk__range=(ids[0], ids[-1])))
                    done += len(ids)
                    if options["verbosity"] > 1:
                        self.stdout.write(f"{done} petitions…")
            reset_sequences()
            # Rows loaded in bulk send no signals: say the record changed.
            bump()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE " + ", ".join(f'"{table}"' for table in COLUMNS))
        seconds = time.monotonic() - started
        self.stdout.write(f"Added {done} petitions in {seconds:.1f} s ({done / seconds:,.0f}/s).")

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
