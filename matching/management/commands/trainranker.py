"""Train the learned re-ranker from the decision log and say whether it takes over.

    python manage.py trainranker                 # RANKER_MIN_PROJECTS / RANKER_MIN_NDCG_GAIN
    python manage.py trainranker --min-projects 50 --min-gain 0.05

Prints held-out NDCG@5 and NDCG@10 of the learned order and of the hand
weights on the same held-out projects, writes a new ``RankerModel`` version,
and activates it only when the rule says so; otherwise says why and leaves
whatever orders lists now in charge. Either way the decision log records
it (``ranker_activate`` or ``ranker_keep``, by "trainranker").
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from matching.reranker import TrainingRule
from matching.services.rankers import ranker_train, training_rule


class Command(BaseCommand):
    help = "Train the learned re-ranker from the decision log; activate it only if it wins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--min-projects", type=int, default=None)
        parser.add_argument("--min-gain", type=float, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        rule = training_rule()
        if options["min_projects"] is not None or options["min_gain"] is not None:
            if (options["min_projects"] or 0) < 0:
                raise CommandError("--min-projects must not be negative")
            rule = TrainingRule(
                min_projects=(
                    rule.min_projects
                    if options["min_projects"] is None
                    else options["min_projects"]
                ),
                min_gain=rule.min_gain if options["min_gain"] is None else options["min_gain"],
            )
        model, result = ranker_train(rule=rule, actor_label="trainranker")
        out = self.stdout.write
        out(
            f"decision log: {result.projects} project(s) with decisions, "
            f"{result.informative_projects} with preference pairs, {result.pairs} pairs; "
            f"{result.folds} folds of held-out projects"
        )
        out(f"{'held-out order':<16} {'NDCG@5':>7} {'NDCG@10':>8}")
        out(f"{'hand weights':<16} {result.hand_ndcg5:>7.3f} {result.hand_ndcg10:>8.3f}")
        out(f"{'learned':<16} {result.learned_ndcg5:>7.3f} {result.learned_ndcg10:>8.3f}")
        weights = ", ".join(f"{k}={v:.3g}" for k, v in model.coefficients.items() if v > 0)
        out(f"coefficients: {weights or 'none'}")
        if result.activate:
            out(self.style.SUCCESS(f"{model.label} activated: {result.reason}"))
        else:
            out(f"{model.label} written, not activated: {result.reason}")
