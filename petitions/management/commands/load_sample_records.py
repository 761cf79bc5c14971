from django.core.management import call_command
from django.core.management.base import BaseCommand

from clerks.history import record_first_versions
from petitions.models import Petition

SAMPLE_FIXTURES = ["e-2829", "samples"]


class Command(BaseCommand):
    help = "Load e-2829 and the made-up sample records into an empty database."

    def handle(self, *args, **options):
        if Petition.objects.exists():
            self.stdout.write("Petitions already present; sample records not loaded.")
            return
        call_command("loaddata", *SAMPLE_FIXTURES, verbosity=options["verbosity"])
        record_first_versions()
