"""Cross-validation on held-out projects, and the rule that lets a model take over.

Each project is one group (the list the desk last decided on). The groups
are split into folds of whole projects; for each fold a model is fitted on
the pairs of the other folds and the fold's lists are re-ordered by it. On
the same held-out lists, NDCG@5 and NDCG@10 (gains 2^grade - 1) are taken of
the hand-weighted order and of the learned one. The model that is kept is
fitted on every project.

It is activated only when there are enough projects with decisions and the
learned order beats the hand weights on held-out projects by a margin, with
the per-project gains clear of noise (their mean less 1.64 standard errors
above zero), so decisions that carry no signal do not switch it on by luck.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from matching.relevance.evaluation import ndcg
from matching.reranker.labels import Group, Shown, preference_pairs
from matching.reranker.model import DEFAULT_L2, LinearRanker, fit_pairwise, hand_key

# A one-sided 95% bound on the mean per-project gain.
_Z = 1.64


@dataclass(frozen=True)
class TrainingRule:
    min_projects: int
    min_gain: float
    folds: int = 5
    l2: float = DEFAULT_L2


@dataclass(frozen=True)
class Evaluation:
    projects: int
    informative_projects: int
    pairs: int
    hand_ndcg5: float
    learned_ndcg5: float
    hand_ndcg10: float
    learned_ndcg10: float
    gain_low5: float
    ranker: LinearRanker
    activate: bool
    reason: str
    folds: int = 0
    per_project: dict[int, tuple[float, float]] = field(default_factory=dict)

    @property
    def gain5(self) -> float:
        return self.learned_ndcg5 - self.hand_ndcg5

    def metrics(self) -> dict[str, float | int]:
        return {
            "projects": self.projects,
            "informative_projects": self.informative_projects,
            "pairs": self.pairs,
            "folds": self.folds,
            "hand_ndcg5": round(self.hand_ndcg5, 4),
            "learned_ndcg5": round(self.learned_ndcg5, 4),
            "hand_ndcg10": round(self.hand_ndcg10, 4),
            "learned_ndcg10": round(self.learned_ndcg10, 4),
            "gain_ndcg5": round(self.gain5, 4),
            "gain_ndcg5_low": round(self.gain_low5, 4),
        }


def training_pairs(
    groups: Sequence[Group],
) -> list[tuple[dict[str, float], dict[str, float], float]]:
    """Every kept pair, weighted so that each project counts once."""
    out = []
    for group in groups:
        pairs = preference_pairs(group)
        for preferred, other in pairs:
            out.append((dict(preferred.features), dict(other.features), 1.0 / len(pairs)))
    return out


def _ndcg(order: Sequence[Shown], group: Group, k: int) -> float:
    grades = {str(pk): g for pk, g in group.grades.items()}
    return ndcg([str(s.specialist_id) for s in order], grades, k)


def _scores(ranker: LinearRanker, group: Group) -> tuple[float, float, float, float]:
    hand = sorted(group.items, key=hand_key)
    learned = sorted(group.items, key=ranker.logged_key)
    return (
        _ndcg(hand, group, 5),
        _ndcg(learned, group, 5),
        _ndcg(hand, group, 10),
        _ndcg(learned, group, 10),
    )


def _gradable(group: Group) -> bool:
    # A list whose every grade is 0 has no ideal order: NDCG says nothing of it.
    return any(s.grade > 0 for s in group.items) and len({s.grade for s in group.items}) > 1


def evaluate(groups: Sequence[Group], rule: TrainingRule) -> Evaluation:
    """Held-out figures of both orders, the model fitted on everything, and the verdict."""
    groups = sorted(groups, key=lambda g: g.project_id)
    informative = [g for g in groups if preference_pairs(g)]
    all_pairs = training_pairs(informative)
    ranker = fit_pairwise(all_pairs, l2=rule.l2)
    gradable = [g for g in groups if _gradable(g)]
    n_folds = min(rule.folds, len(gradable))
    per_project: dict[int, tuple[float, float, float, float]] = {}
    if n_folds >= 2:
        from sklearn.model_selection import KFold  # training only, never in web processes

        splitter = KFold(n_splits=n_folds, shuffle=True, random_state=0)
        for _train_idx, test_idx in splitter.split(gradable):
            held_out = {gradable[i].project_id for i in test_idx}
            train = [g for g in informative if g.project_id not in held_out]
            fold_model = fit_pairwise(training_pairs(train), l2=rule.l2)
            for i in test_idx:
                per_project[gradable[i].project_id] = _scores(fold_model, gradable[i])
    figures = np.array(list(per_project.values())) if per_project else np.zeros((0, 4))
    means = figures.mean(axis=0) if len(figures) else np.zeros(4)
    gains = figures[:, 1] - figures[:, 0] if len(figures) else np.zeros(0)
    if len(gains) >= 2:
        gain_low = float(gains.mean() - _Z * gains.std(ddof=1) / math.sqrt(len(gains)))
    else:
        gain_low = float("-inf")
    hand5, learned5, hand10, learned10 = (float(v) for v in means)
    activate, reason = _verdict(
        projects=len(groups),
        informative=len(informative),
        ranker=ranker,
        gain=learned5 - hand5,
        gain_low=gain_low,
        rule=rule,
        hand5=hand5,
        learned5=learned5,
    )
    return Evaluation(
        projects=len(groups),
        informative_projects=len(informative),
        pairs=len(all_pairs),
        hand_ndcg5=hand5,
        learned_ndcg5=learned5,
        hand_ndcg10=hand10,
        learned_ndcg10=learned10,
        gain_low5=gain_low if math.isfinite(gain_low) else 0.0,
        ranker=ranker,
        activate=activate,
        reason=reason,
        folds=n_folds,
        per_project={pid: (v[0], v[1]) for pid, v in per_project.items()},
    )


def _verdict(
    *,
    projects: int,
    informative: int,
    ranker: LinearRanker,
    gain: float,
    gain_low: float,
    rule: TrainingRule,
    hand5: float,
    learned5: float,
) -> tuple[bool, str]:
    if projects < rule.min_projects:
        return False, (
            f"only {projects} project(s) with decisions; at least {rule.min_projects} are "
            "needed (RANKER_MIN_PROJECTS): the hand weights stay in charge"
        )
    if informative == 0 or ranker.is_null:
        return False, (
            "the decisions carry no preference between examined matches that the model can "
            "learn: the hand weights stay in charge"
        )
    figures = f"held-out NDCG@5 learned {learned5:.3f} against hand weights {hand5:.3f}"
    if gain < rule.min_gain:
        return False, (
            f"{figures}: a gain of {gain:+.3f}, below the margin of {rule.min_gain:.3f} "
            "(RANKER_MIN_NDCG_GAIN): the hand weights stay in charge"
        )
    if gain_low <= 0:
        return False, (
            f"{figures}: a gain of {gain:+.3f}, but not clear of noise across projects "
            f"(lower bound {gain_low:+.3f}): the hand weights stay in charge"
        )
    return True, f"{figures}: a gain of {gain:+.3f}, above the margin of {rule.min_gain:.3f}"
