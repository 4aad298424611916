"""Train the brief role classifier and write its versioned artifact."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from matching.classifier.corpus_io import DEFAULT_CORPUS_PATH
from matching.classifier.text_model import ARTIFACT_PATH, DEFAULT_SEED
from matching.classifier.training import format_cv, train


class Command(BaseCommand):
    help = "Train the AI-vs-ML role classifier from the labelled corpus and save the artifact."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
        parser.add_argument("--out", default=str(ARTIFACT_PATH))
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        result = train(options["corpus"], options["out"], seed=options["seed"])
        self.stdout.write(f"version: {result.version}")
        self.stdout.write(f"artifact: {result.artifact_path} ({result.n_briefs} briefs)")
        self.stdout.write(format_cv(result.cv))
