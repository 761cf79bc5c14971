from django.core.management.base import BaseCommand

from ops.backup import back_up, default_path


class Command(BaseCommand):
    help = "Back up the whole database to a file (default: backups/<vendor>-<UTC time>)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="where to write the backup")

    def handle(self, *args, path=None, **options):
        written = back_up(path or default_path())
        self.stdout.write(f"Backed up to {written}")
