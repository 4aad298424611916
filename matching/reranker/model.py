"""A pairwise logistic model with non-negative coefficients, and the order it gives.

The model scores a match as ``sum(coefficient * figure)`` over
``features.FEATURES``; it is fitted on (preferred, other) pairs by
minimising the logistic loss of the score difference, with an L2 penalty,
under the bound ``coefficient >= 0`` (scipy's L-BFGS-B). Every figure is
oriented "higher is better", so the bound is the monotone constraint: a
candidate at least as good on every figure never scores lower.

Ordering a window: by the learned score, then by the hand-weighted sort key
(total, then each criterion), then by the extra figures, then by rate, date
and id. With all coefficients zero that is the hand order; and a candidate at
least as good on every figure, better on one, always comes first (the first
figure in the key where the two differ is one where it is better).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matching.reranker.features import EXTRAS, FEATURES, HAND
from matching.reranker.labels import Shown
from matching.scoring import Scored

# L2 penalty on the standardised coefficients (the loss is averaged per project).
DEFAULT_L2 = 0.01
# A contribution below this share of a move's total is not named in its explanation.
_NAMED_SHARE = 0.25


@dataclass(frozen=True)
class LinearRanker:
    """Coefficients per figure (original units, each >= 0)."""

    coefficients: Mapping[str, float]

    def __post_init__(self) -> None:
        bad = {
            k: v
            for k, v in self.coefficients.items()
            if k not in FEATURES or not np.isfinite(v) or v < 0
        }
        if bad:
            raise ValueError(f"coefficients must be known, finite and not negative: {bad}")

    @property
    def is_null(self) -> bool:
        return not any(self.coefficients.get(name, 0.0) > 0 for name in FEATURES)

    def score(self, features: Mapping[str, float]) -> float:
        # Added in one fixed order: IEEE addition is monotone, so dominance survives rounding.
        total = 0.0
        for name in FEATURES:
            total = total + self.coefficients.get(name, 0.0) * features.get(name, 0.0)
        return total

    def window_key(self, scored: Scored, features: Mapping[str, float]) -> tuple[Any, ...]:
        hand = scored.sort_key
        return (
            -self.score(features),
            *hand[:7],
            *(-features.get(name, 0.0) for name in EXTRAS),
            *hand[7:],
        )

    def logged_key(self, shown: Shown) -> tuple[float, float, int]:
        """A logged list re-ordered: learned score, then hand total, then as shown."""
        return (-self.score(shown.features), -shown.features.get(HAND, 0.0), shown.rank)

    def favoured(
        self, mine: Mapping[str, float], others: Sequence[Mapping[str, float]]
    ) -> list[str]:
        """The figures that set ``mine`` above ``others`` most, largest first.

        The hand total is left out: a move is what the desk added to the weights.
        """
        if not others:
            return []
        n = len(others)
        contributions = {
            name: weight * (mine.get(name, 0.0) - sum(o.get(name, 0.0) for o in others) / n)
            for name in FEATURES
            if name != HAND and (weight := self.coefficients.get(name, 0.0)) > 0
        }
        positive = {k: v for k, v in contributions.items() if v > 0}
        total = sum(positive.values())
        if total <= 0:
            return []
        ranked = sorted(positive, key=lambda k: (-positive[k], FEATURES.index(k)))
        return [k for k in ranked if positive[k] >= _NAMED_SHARE * total][:2]


def hand_key(shown: Shown) -> tuple[float, int]:
    """The hand-weighted order of a logged list: total, then as shown."""
    return (-shown.features.get(HAND, 0.0), shown.rank)


def fit_pairwise(
    pairs: Sequence[tuple[Mapping[str, float], Mapping[str, float], float]],
    *,
    l2: float = DEFAULT_L2,
) -> LinearRanker:
    """Fit non-negative coefficients to (preferred, other, weight) pairs."""
    if not pairs:
        return LinearRanker(coefficients=dict.fromkeys(FEATURES, 0.0))
    diffs = np.array(
        [[p.get(name, 0.0) - o.get(name, 0.0) for name in FEATURES] for p, o, _ in pairs],
        dtype=float,
    )
    weights = np.array([w for _, _, w in pairs], dtype=float)
    weights = weights / weights.sum()
    scale = np.sqrt((weights[:, None] * diffs**2).sum(axis=0))
    constant = scale < 1e-9
    scale[constant] = 1.0
    z = diffs / scale

    # Imported here: ranking (and so web processes) reads fitted coefficients only.
    from scipy.optimize import minimize
    from scipy.special import expit

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = z @ beta
        value = float((weights * np.logaddexp(0.0, -margin)).sum() + 0.5 * l2 * beta @ beta)
        grad = -(z.T @ (weights * expit(-margin))) + l2 * beta
        return value, grad

    bounds = [(0.0, 0.0) if flat else (0.0, None) for flat in constant]
    result = minimize(loss, x0=np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B", bounds=bounds)
    beta = np.clip(result.x, 0.0, None) / scale
    return LinearRanker(
        coefficients={
            name: float(round(b, 6)) if b > 1e-9 else 0.0
            for name, b in zip(FEATURES, beta, strict=True)
        }
    )


@dataclass(frozen=True)
class Move:
    """Where the hand weights alone would have placed a listed match, and why it moved."""

    hand_rank: int
    rank: int
    favoured: tuple[str, ...]

    def as_words(self) -> dict[str, Any]:
        """The arguments of ``wording.desk_move_line``."""
        return {"rank": self.rank, "hand_rank": self.hand_rank, "favoured": self.favoured}


def _mean(vectors: Sequence[Mapping[str, float]]) -> dict[str, float]:
    n = len(vectors)
    return {name: sum(v.get(name, 0.0) for v in vectors) / n for name in FEATURES}


def window_moves(
    *,
    ranker: LinearRanker,
    hand: Sequence[int],
    learned: Sequence[int],
    features: Mapping[int, Mapping[str, float]],
    listed: int,
) -> dict[int, Move]:
    """For each of the first ``listed`` ids of the learned order that moved: what moved it.

    Up: what it has more of than the matches it overtook. Down: what the
    matches that overtook it have more of.
    """
    hand_rank = {pk: i for i, pk in enumerate(hand, start=1)}
    moves = {}
    for i, pk in enumerate(learned[:listed], start=1):
        h = hand_rank[pk]
        if h == i:
            continue
        if i < h:
            passed = [features[o] for o in learned[i:] if hand_rank[o] < h]
            favoured = ranker.favoured(features[pk], passed)
        else:
            overtakers = [features[o] for o in learned[: i - 1] if hand_rank[o] > h]
            favoured = ranker.favoured(_mean(overtakers), [features[pk]]) if overtakers else []
        moves[pk] = Move(hand_rank=h, rank=i, favoured=tuple(favoured))
    return moves
