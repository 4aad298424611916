from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.services import client_create


class Command(BaseCommand):
    help = "Create (or find) a client user in an organization and print its API token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--organization", required=True, help="The client company's name.")
        parser.add_argument("--password", default=None, help="Lets the user log in for a token.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            account = client_create(
                username=options["username"],
                organization_name=options["organization"],
                password=options["password"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(account.token)
