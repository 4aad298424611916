"""What the re-ranker reads of a listed match, each figure oriented so that higher is better.

The six criteria of ``matching.scoring`` and the hand-weighted total, plus
the raw terms the criteria saturate: the relevance signals behind the fit
score, how far under the budget the rate is, how long before the start the
specialist is free, and the hours of daily overlap. Each extra is a
non-decreasing function of something a client wants more of (a lower rate,
an earlier start, more overlap, more fit), so with non-negative coefficients
a candidate at least as good on every one of them never scores lower.

The vector is stored on each ``Match`` when it is listed (``Match.features``),
so the decision log can later be joined with what was shown, whichever
ranker ordered the list.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from matching.relevance.scorer import Relevance
from matching.scoring import CRITERIA, Need, Scored, ScoringParams

HAND = "hand"
# Beyond the criteria: relevance signals, then the raw terms the criteria saturate.
EXTRAS = ("concept", "lexical", "semantic", "headroom", "earliness", "overlap")
FEATURES = (HAND, *CRITERIA, *EXTRAS)
# Hours of a full working day: overlap is read as a share of it (more than one
# day's worth only when the client's own window is longer).
FULL_DAY_HOURS = 8.0
_DIGITS = 6


def feature_vector(
    *, scored: Scored, need: Need, params: ScoringParams, fit: Relevance | None
) -> dict[str, float]:
    """The figures the re-ranker orders by, rounded as they are stored."""
    c = scored.candidate
    budget = float(need.budget)
    rate = float(c.rate)
    days_early = max(0, -scored.days_late)
    values = {
        HAND: scored.total,
        **{name: float(getattr(scored, name)) for name in CRITERIA},
        "concept": fit.concept if fit is not None else 0.0,
        "lexical": fit.lexical if fit is not None else 0.0,
        "semantic": (fit.semantic or 0.0) if fit is not None else 0.0,
        # Strictly monotone and bounded: equal figures mean equal terms.
        "headroom": max(0.0, (budget - rate) / budget) if budget > 0 else 0.0,
        "earliness": days_early / (days_early + params.start_falloff_days),
        "overlap": (c.overlap_hours or 0.0) / FULL_DAY_HOURS if scored.has_timezone else 0.0,
    }
    return {name: round(float(values[name]), _DIGITS) for name in FEATURES}


def stored_vector(
    *, features: Mapping[str, object], breakdown: Mapping[str, object], score: float
) -> dict[str, float]:
    """A logged match's vector: as stored, or what its breakdown and score still tell.

    Lists shown before vectors were stored keep their criteria and total; the
    extras are 0 for every match of such a list, so they add nothing to its pairs.
    """
    source = features or {**breakdown, HAND: score}
    vector = {}
    for name in FEATURES:
        value = source.get(name, 0.0)
        number = float(value) if isinstance(value, int | float) else 0.0
        vector[name] = number if math.isfinite(number) else 0.0
    return vector
