from django.core.management.base import BaseCommand

from petitions import indexing
from petitions.models import Petition

BATCH_SIZE = 5_000


class Command(BaseCommand):
    help = (
        "Recompute every petition's search data, in batches: what it asks and the text "
        "a search quotes, its search vectors (PostgreSQL) or its row of the full-text "
        "index (SQLite). After a bulk load or a change to what is searched."
    )

    def handle(self, *args, **options):
        last, done = 0, 0
        while True:
            batch = list(
                Petition.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH_SIZE]
            )
            if not batch:
                break
            indexing.refresh(Petition.objects.filter(pk__in=batch))
            last, done = batch[-1], done + len(batch)
        if options["verbosity"]:
            self.stdout.write(f"Search data refreshed for {done} petitions.")
