import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clerks.roles import ROLE_GROUPS, ROLE_HELP

PASSWORD_VARIABLE = "DJANGO_ACCOUNT_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff account for a clerk or a reviewer. The password is asked twice, "
        f"or read from {PASSWORD_VARIABLE} with --no-input."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", choices=sorted(ROLE_GROUPS), help=str(ROLE_HELP))
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Read the password from the {PASSWORD_VARIABLE} environment variable.",
        )

    def handle(self, *args, role, username, email, interactive, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"An account named “{username}” already exists.")
        user = User(username=username, email=email, is_staff=True)
        password = self.ask_password() if interactive else os.environ.get(PASSWORD_VARIABLE)
        if not password:
            raise CommandError(f"No password: set {PASSWORD_VARIABLE} or answer the prompt.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        self.stdout.write(f"Created {role} account “{username}”.")

    def ask_password(self):
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
