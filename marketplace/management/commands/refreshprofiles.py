"""python manage.py refreshprofiles: recompute stored profile readings after an upgrade."""

import sys
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from marketplace.services.profile_refresh import profiles_refresh, stale_profiles
from marketplace.services.specialist_import import default_workers
from matching.relevance.features import FEATURES_VERSION


class Command(BaseCommand):
    help = (
        "Recompute the text features (concepts, quotes, term counts) of every specialist "
        "whose features an older release computed, and re-rank the open projects whose "
        "candidates' concepts moved. Run once after a release that changes FEATURES_VERSION; "
        "safe to run again (it then finds nothing to do) and to interrupt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-progress", action="store_true", help="do not draw a progress bar on stderr"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that read the profiles (default: one per CPU)",
        )

    def handle(self, *args: Any, no_progress: bool, workers: int | None, **options: Any) -> None:
        stale = stale_profiles().count()
        self.stdout.write(f"{stale} profile(s) not read by features version {FEATURES_VERSION}")
        if not stale:
            return
        stderr: IO[str] = getattr(self.stderr, "_out", sys.stderr)
        with tqdm(total=stale, unit="rows", file=stderr, disable=no_progress) as bar:

            def advance(rows: int) -> None:
                bar.update(rows)

            summary = profiles_refresh(
                workers=default_workers() if workers is None else max(1, workers),
                on_batch=advance,
            )
        self.stdout.write(summary.line())
