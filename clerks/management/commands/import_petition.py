from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clerks.importing import RecordError, import_page
from clerks.published_page import PageError


class Command(BaseCommand):
    help = (
        "Create or update petitions from the text of their published pages (English or "
        "French), one file per page. Each page is saved whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        failures = 0
        for path in files:
            try:
                result = import_page(path.read_text(encoding="utf-8"))
            except OSError as error:
                failures += 1
                self.stderr.write(f"{path}: {error.strerror}")
            except UnicodeDecodeError:
                failures += 1
                self.stderr.write(f"{path}: not UTF-8 text")
            except (PageError, RecordError) as error:
                failures += 1
                self.stderr.write(f"{path}: {error}")
            else:
                action = "created" if result.created else "updated"
                self.stdout.write(f"{path}: {result.petition.number} {action} ({result.language})")
        if failures:
            raise CommandError(f"{failures} of {len(files)} pages not imported.")
