from django.core.management.base import BaseCommand

from petitions.models import Petition
from petitions.search import full_text_available, refresh_search_vectors

BATCH_SIZE = 5_000


class Command(BaseCommand):
    help = (
        "Recompute every petition's search vectors (PostgreSQL), in batches: after a bulk "
        "load or a change to what is searched."
    )

    def handle(self, *args, **options):
        if not full_text_available():
            self.stdout.write("Full-text search needs PostgreSQL; nothing to do.")
            return
        last, done = 0, 0
        while True:
            batch = list(
                Petition.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH_SIZE]
            )
            if not batch:
                break
            refresh_search_vectors(Petition.objects.filter(pk__in=batch))
            last, done = batch[-1], done + len(batch)
        self.stdout.write(f"Search vectors refreshed for {done} petitions.")
