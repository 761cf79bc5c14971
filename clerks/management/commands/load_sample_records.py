from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from clerks.history import record_first_versions
from clerks.importing import import_page
from petitions.models import Petition

# Real pages of the House's site, and records made up for shapes none of them shows
# (an open petition, one closed upon dissolution, sub-items under a request, the
# older "THAT …" paper form); each made-up record says so on its page.
REAL_PAGES = settings.BASE_DIR / "fixtures" / "pages"
MADE_UP_FIXTURE = "samples"


class Command(BaseCommand):
    help = (
        "Load the sample records into an empty database: the real petition pages of "
        "fixtures/pages/ (e-2829 first) and the made-up records of fixtures/samples.json."
    )

    def handle(self, *args, **options):
        if Petition.objects.exists():
            self.stdout.write("Petitions already present; sample records not loaded.")
            return
        call_command("loaddata", MADE_UP_FIXTURE, verbosity=options["verbosity"])
        record_first_versions()
        pages = sorted(
            REAL_PAGES.glob("*.txt"), key=lambda path: (path.name != "e-2829.txt", path.name)
        )
        for path in pages:
            result = import_page(path.read_text(encoding="utf-8"))
            if options["verbosity"] > 1:
                self.stdout.write(f"{path.name}: {result.petition.number}")
        self.stdout.write(f"Loaded {len(pages)} published pages and the made-up samples.")
