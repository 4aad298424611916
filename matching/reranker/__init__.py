"""A re-ranker learned from the decision log, on top of the hand-set weights.

Pure Python (numpy, scipy's bounded L-BFGS-B): no ORM, so the labels, the
position handling, the monotone guarantee and the activation rule are tested
without a database. The database side (reading the log, the versioned
``RankerModel`` rows, the admin) is in ``matching.services.rankers``.

Modules: ``features`` (what the ranker reads of a listed match, each oriented
so that higher is better), ``labels`` (graded labels and the preference pairs
the position rule keeps), ``model`` (the pairwise logistic model with
non-negative coefficients and the order it gives a window) and ``training``
(cross-validation on held-out projects and the activation rule).
"""

from matching.reranker.features import FEATURES, feature_vector
from matching.reranker.labels import Group, Shown, grade, preference_pairs
from matching.reranker.model import LinearRanker, fit_pairwise
from matching.reranker.training import Evaluation, TrainingRule, evaluate

__all__ = [
    "FEATURES",
    "Evaluation",
    "Group",
    "LinearRanker",
    "Shown",
    "TrainingRule",
    "evaluate",
    "feature_vector",
    "fit_pairwise",
    "grade",
    "preference_pairs",
]
