"""The client's five-question checklist: wording, how much each answer weighs, and why.

Weights are log-odds added to the text model's logit; positive leans ML engineer, negative
leans AI engineer. They are set by hand from the role definitions rather than learned,
because the corpus checklists were written by us and learning from them would just echo
our own assumptions back. The two decisive questions (is a general model enough, is the
model the moat) each outweigh the largest logit the text alone may contribute.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# The questions are part of the marketplace's vocabulary; re-exported here for the classifier.
from marketplace.vocabulary import CHECKLIST_QUESTIONS as CHECKLIST_QUESTIONS

# Below this confidence the client is asked the unanswered checklist questions.
LOW_CONFIDENCE_THRESHOLD = 0.7

# key -> (weight if answered True, weight if answered False)
ANSWER_WEIGHTS: dict[str, tuple[float, float]] = {
    "general_model_sufficient": (-3.0, 1.5),
    "model_is_moat": (3.0, -1.2),
    "has_training_data": (1.0, -1.2),
    "needs_continuous_retraining": (2.5, -1.0),
    "needs_value_within_weeks": (-1.0, 0.8),
}

# Client-facing reason for each answer, phrased so it makes sense whichever role wins.
ANSWER_REASONS: dict[tuple[str, bool], str] = {
    ("general_model_sufficient", True): (
        "You said a general-purpose model already gets most of the way: building on it is "
        "AI engineer work"
    ),
    ("general_model_sufficient", False): (
        "You said general-purpose models are not good enough here: that usually means building "
        "your own model, which is ML engineer work"
    ),
    ("model_is_moat", True): (
        "You said the model's accuracy on your own data is your edge: that is training work for "
        "an ML engineer"
    ),
    ("model_is_moat", False): (
        "You said the model itself is not what sets you apart: an existing model is likely fine, "
        "which suits an AI engineer"
    ),
    ("has_training_data", True): (
        "You have training data to learn from, which makes a custom model (ML engineer) possible"
    ),
    ("has_training_data", False): (
        "You don't have training data, so the project will build on existing models (AI engineer)"
    ),
    ("needs_continuous_retraining", True): (
        "You expect monitoring, retraining and drift detection: that is ongoing ML engineering"
    ),
    ("needs_continuous_retraining", False): (
        "You don't expect ongoing retraining, so there is no model lifecycle to run (AI engineer)"
    ),
    ("needs_value_within_weeks", True): (
        "You need value within weeks, which favours building on existing models (AI engineer)"
    ),
    ("needs_value_within_weeks", False): (
        "You can wait months for results, which leaves room to build and train a model (ML "
        "engineer)"
    ),
}

# The same answers read from the brief itself, said back to the client with their quote.
INFERRED_REASONS: dict[tuple[str, bool], str] = {
    ("general_model_sufficient", True): "A general-purpose model already does most of it",
    ("general_model_sufficient", False): "General-purpose models are not good enough here",
    ("model_is_moat", True): "The model's accuracy is your edge",
    ("model_is_moat", False): "The model itself is not what sets you apart",
    ("has_training_data", True): "You have labelled history",
    ("has_training_data", False): "There is no labelled history to train a model on",
    ("needs_continuous_retraining", True): "It must keep learning",
    ("needs_continuous_retraining", False): "Nothing will need retraining after delivery",
    ("needs_value_within_weeks", True): "You need value within weeks",
    ("needs_value_within_weeks", False): "You can give it months",
}

# Opposing pulls at least this strong on both sides count as a contradiction.
CONTRADICTION_PULL = 1.5
# How much of the combined logit survives a perfectly balanced contradiction.
CONTRADICTION_FLOOR = 0.4


def normalise_answers(checklist: Mapping[str, object] | None) -> dict[str, bool]:
    """Keep only known keys with a real boolean answer; None or junk means unanswered."""
    if not checklist:
        return {}
    try:
        items = list(checklist.items())
    except Exception:  # a Mapping-like object that misbehaves is treated as no answers
        return {}
    return {
        key: value
        for key, value in items
        if isinstance(key, str) and key in ANSWER_WEIGHTS and isinstance(value, bool)
    }


@dataclass(frozen=True)
class ChecklistEvidence:
    logit: float
    ml_pull: float  # total weight pushing towards ML (>= 0)
    ai_pull: float  # total weight pushing towards AI (>= 0)
    answers: dict[str, bool]

    @property
    def contradictory(self) -> bool:
        return min(self.ml_pull, self.ai_pull) >= CONTRADICTION_PULL

    @property
    def doubt_factor(self) -> float:
        """Multiplier (<= 1) for the combined logit: balanced opposing answers halve trust."""
        if not self.contradictory:
            return 1.0
        balance = min(self.ml_pull, self.ai_pull) / max(self.ml_pull, self.ai_pull)
        return 1.0 - (1.0 - CONTRADICTION_FLOOR) * balance


def weigh(
    answers: Mapping[str, bool], trust: Mapping[str, float] | None = None
) -> ChecklistEvidence:
    """Sum the answers' weights; ``trust`` scales answers read from the brief, not given."""
    ml_pull = ai_pull = 0.0
    for key, value in answers.items():
        weight = ANSWER_WEIGHTS[key][0 if value else 1] * (trust or {}).get(key, 1.0)
        if weight > 0:
            ml_pull += weight
        else:
            ai_pull -= weight
    return ChecklistEvidence(ml_pull - ai_pull, ml_pull, ai_pull, dict(answers))


def answer_weight(key: str, value: bool) -> float:
    return ANSWER_WEIGHTS[key][0 if value else 1]
