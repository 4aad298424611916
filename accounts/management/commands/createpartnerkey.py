from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accounts.services import partner_key_create


class Command(BaseCommand):
    help = "Create a partner (or reuse it) and print a new API key, shown this once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partner_name")
        parser.add_argument("--key-name", default="default", help="A label for this key.")

    def handle(self, *args: Any, **options: Any) -> None:
        partner_key = partner_key_create(
            partner_name=options["partner_name"], key_name=options["key_name"]
        )
        self.stdout.write(partner_key.key)
