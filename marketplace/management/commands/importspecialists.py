"""python manage.py importspecialists PATH: load a roster file (CSV or JSON lines)."""

import sys
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from marketplace.roster_import import RejectedRow, RosterFileError
from marketplace.services.specialist_import import specialists_import


class Command(BaseCommand):
    help = (
        "Create or update specialists from a CSV or JSON-lines file, by email. Bad rows "
        "are reported on stderr with their line number and skipped; the last line on "
        "stdout sums up created, updated and rejected rows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a .csv, .jsonl or .ndjson file")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not draw a progress bar on stderr"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that validate rows and compute profile features (default: one per CPU)",
        )

    def handle(
        self, *args: Any, path: Path, no_progress: bool, workers: int | None, **options: Any
    ) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        # The raw stream: tqdm draws with carriage returns that OutputWrapper would break.
        stderr: IO[str] = getattr(self.stderr, "_out", sys.stderr)

        def report(row: RejectedRow) -> None:
            tqdm.write(f"line {row.line}: rejected: {row.reason}", file=stderr)

        try:
            summary = specialists_import(
                path=path,
                on_reject=report,
                progress=None if no_progress else stderr,
                workers=workers,
            )
        except RosterFileError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(summary.line())
