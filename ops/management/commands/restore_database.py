from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops.backup import restore
from pagecache.models import bump


class Command(BaseCommand):
    help = "Replace every record in the database with those of a backup file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by backup_database")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, path, interactive, **options):
        if interactive:
            answer = input(
                f"Every record in {connection.settings_dict['NAME']} will be replaced by "
                f"those in {path}. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        restore(path)
        # Pages cached from the record before the restore must not be served again.
        bump()
        self.stdout.write(f"Restored from {path}")
