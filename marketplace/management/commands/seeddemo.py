from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from marketplace.demo import demo_seed


class Command(BaseCommand):
    help = "Load the demo roster, a demo client and a staff login (local use only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--size", type=int, default=None, help="Specialists on the roster (default: all)."
        )
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Printed for you.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = demo_seed(roster_size=options["size"])
        url = options["url"].rstrip("/")
        self.stdout.write(
            f"Demo roster: {result.specialists} specialists.\n"
            f"Client token (organization 'Demo Co'): {result.client_token}\n"
            f"Staff admin: {url}/admin/  user 'staff', password '{result.staff_password}'\n"
            f"Try:\n  curl -H 'Authorization: Token {result.client_token}' {url}/api/v1/projects/\n"
            f"API docs: {url}/api/docs/"
        )
