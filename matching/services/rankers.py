"""Writes for the learned re-ranker: train a version from the decision log, switch it on or off.

The model itself (labels, position rule, fitting, held-out figures, the
activation rule) is pure and lives in ``matching.reranker``; the log is read
by ``matching.selectors.decision_log_groups``.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.actors import Actor, actor_user
from matching.models import HAND_WEIGHTS, Decision, RankerModel
from matching.reranker import Evaluation, LinearRanker, TrainingRule, evaluate
from matching.selectors import active_ranker_model, decision_log_groups
from matching.services.reviews import decision_record

logger = logging.getLogger(__name__)


def training_rule() -> TrainingRule:
    return TrainingRule(
        min_projects=int(settings.RANKER_MIN_PROJECTS),
        min_gain=float(settings.RANKER_MIN_NDCG_GAIN),
    )


def ranker_train(
    *, rule: TrainingRule | None = None, actor_label: str = ""
) -> tuple[RankerModel, Evaluation]:
    """Train a new version from the log; it takes over only if the rule says so.

    Fitting runs outside any transaction (it reads, then computes); the new
    row, the switch and the decision that records either outcome are written
    in one. ``actor_label`` names who trained it in the log (the command).
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
            ranker_activate(model=model, actor=None, actor_label=actor_label)
        else:
            in_charge = active_ranker_model()
            decision_record(
                actor=None,
                actor_label=actor_label,
                action=Decision.Action.RANKER_KEEP,
                reason=_why(model),
                details={
                    **_version_details(model),
                    "in_charge": in_charge.label if in_charge is not None else HAND_WEIGHTS,
                },
            )
    return model, result


def _why(model: RankerModel) -> str:
    """The verdict it was trained with and its held-out figures, as the log's reason."""
    metrics = model.metrics or {}

    def figure(name: str) -> str:
        value = metrics.get(name)
        return f"{value:.3f}" if isinstance(value, int | float) else "?"

    return (
        f"{model.verdict or 'no verdict recorded'} (held-out NDCG@5: learned "
        f"{figure('learned_ndcg5')}, hand weights {figure('hand_ndcg5')}, over "
        f"{metrics.get('projects', '?')} project(s) with decisions)"
    )


def _version_details(model: RankerModel) -> dict[str, Any]:
    metrics = model.metrics or {}
    return {
        "version": model.version,
        "ranker": model.label,
        "passed_rule": model.passed_rule,
        "metrics": {k: metrics[k] for k in _LOGGED_METRICS if k in metrics},
    }


# The held-out figures a switch decision keeps with it.
_LOGGED_METRICS = ("projects", "hand_ndcg5", "learned_ndcg5", "hand_ndcg10", "learned_ndcg10")


@transaction.atomic
def ranker_activate(*, model: RankerModel, actor: Actor, actor_label: str = "") -> RankerModel:
    """Put this version in charge of ordering lists (the one active at a time).

    Writes one ``ranker_activate`` decision; putting in charge the version
    that already is changes nothing and writes none.
    """
    current = list(RankerModel.objects.select_for_update().filter(active=True))
    if [m.pk for m in current] == [model.pk]:
        return current[0]
    RankerModel.objects.filter(pk__in=[m.pk for m in current]).update(active=False)
    model.active = True
    model.activated_at = timezone.now()
    model.activated_by = actor_user(actor)
    model.save(update_fields=["active", "activated_at", "activated_by"])
    decision_record(
        actor=actor,
        actor_label=actor_label,
        action=Decision.Action.RANKER_ACTIVATE,
        reason=_why(model),
        details={
            **_version_details(model),
            "replaced": [m.label for m in current] or [HAND_WEIGHTS],
        },
    )
    return model


@transaction.atomic
def ranker_deactivate(*, actor: Actor, actor_label: str = "") -> int:
    """Hand the ordering back to the hand weights; returns how many versions were on.

    Writes one ``ranker_deactivate`` decision naming the version that was in
    charge; with the hand weights already in charge nothing changes and none is written.
    """
    current = list(RankerModel.objects.select_for_update().filter(active=True))
    if not current:
        return 0
    RankerModel.objects.filter(pk__in=[m.pk for m in current]).update(active=False)
    decision_record(
        actor=actor,
        actor_label=actor_label,
        action=Decision.Action.RANKER_DEACTIVATE,
        reason=f"{', '.join(m.label for m in current)} stopped ordering lists; "
        "the hand weights order new match runs",
        details={
            "version": current[0].version,
            "ranker": current[0].label,
            "versions": [m.version for m in current],
        },
    )
    return len(current)


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
