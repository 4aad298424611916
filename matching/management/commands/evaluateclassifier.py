"""Evaluate the brief role classifier on held-out hand-written briefs and by cross-validation.

Exits non-zero when (a), held-out accuracy with the briefs' checklists, is below
--min-accuracy, so CI can gate on it.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.classifier.corpus_io import DEFAULT_CORPUS_PATH
from matching.classifier.text_model import DEFAULT_SEED
from matching.classifier.training import evaluate


class Command(BaseCommand):
    help = (
        "Report accuracy on held-out hand-written briefs (with and without checklists), "
        "CV over hand-written briefs, the confusion matrix and the worst mistakes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--worst", type=int, default=10)
        parser.add_argument("--min-accuracy", type=float, default=0.95)

    def handle(self, *args: Any, **options: Any) -> None:
        report = evaluate(options["corpus"], seed=options["seed"])
        self.stdout.write(report.format(worst=options["worst"]))
        if report.accuracy < options["min_accuracy"]:
            # CommandError makes manage.py exit non-zero, which is what CI gates on.
            raise CommandError(
                f"held-out accuracy (a) {report.accuracy:.4f} is below --min-accuracy "
                f"{options['min_accuracy']}"
            )
