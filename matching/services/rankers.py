"""Writes for the learned re-ranker: train a version from the decision log, switch it on or off.

The model itself (labels, position rule, fitting, held-out figures, the
activation rule) is pure and lives in ``matching.reranker``; the log is read
by ``matching.selectors.decision_log_groups``.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.actors import Actor, actor_user
from matching.models import HAND_WEIGHTS, RankerModel
from matching.reranker import Evaluation, LinearRanker, TrainingRule, evaluate
from matching.selectors import active_ranker_model, decision_log_groups

logger = logging.getLogger(__name__)


def training_rule() -> TrainingRule:
    return TrainingRule(
        min_projects=int(settings.RANKER_MIN_PROJECTS),
        min_gain=float(settings.RANKER_MIN_NDCG_GAIN),
    )


def ranker_train(*, rule: TrainingRule | None = None) -> tuple[RankerModel, Evaluation]:
    """Train a new version from the log; it takes over only if the rule says so.

    Fitting runs outside any transaction (it reads, then computes); the new
    row and the switch are written in one.
    """
    result = evaluate(decision_log_groups(), rule or training_rule())
    with transaction.atomic():
        latest = RankerModel.objects.select_for_update().order_by("-version").first()
        version = (latest.version if latest is not None else 0) + 1
        model = RankerModel.objects.create(
            version=version,
            coefficients=dict(result.ranker.coefficients),
            metrics=result.metrics(),
            verdict=result.reason,
            passed_rule=result.activate,
        )
        if result.activate:
            ranker_activate(model=model, actor=None)
    return model, result


@transaction.atomic
def ranker_activate(*, model: RankerModel, actor: Actor) -> RankerModel:
    """Put this version in charge of ordering lists (the one active at a time)."""
    RankerModel.objects.select_for_update().filter(active=True).exclude(pk=model.pk).update(
        active=False
    )
    model.active = True
    model.activated_at = timezone.now()
    model.activated_by = actor_user(actor)
    model.save(update_fields=["active", "activated_at", "activated_by"])
    return model


@transaction.atomic
def ranker_deactivate() -> int:
    """Hand the ordering back to the hand weights; returns how many versions were on."""
    return RankerModel.objects.select_for_update().filter(active=True).update(active=False)


@dataclass(frozen=True)
class InCharge:
    """The ranker that orders a run's list, and what the run records of it."""

    ranker: LinearRanker | None
    model: RankerModel | None

    @property
    def run_fields(self) -> dict[str, object]:
        return {
            "ranker": self.model.label if self.model is not None else HAND_WEIGHTS,
            "ranker_model": self.model,
        }


def ranker_in_charge() -> InCharge:
    """The active learned version, or the hand weights when none is on (or it is unusable)."""
    model = active_ranker_model()
    if model is None:
        return InCharge(ranker=None, model=None)
    try:
        coefficients = {str(k): float(v) for k, v in dict(model.coefficients).items()}
        return InCharge(ranker=LinearRanker(coefficients=coefficients), model=model)
    except (TypeError, ValueError):
        logger.warning("ranker %s has unusable coefficients; hand weights order", model.label)
        return InCharge(ranker=None, model=None)
