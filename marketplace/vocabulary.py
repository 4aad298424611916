"""The marketplace's shared words, each defined once: roles, the checklist, limits.

Plain Python without Django, so the pure scoring and classifier modules, the
models, serializers, roster import and admin all import the same names. A
limit changed here changes the model validators, the API and the import.
"""

from functools import cache
from zoneinfo import available_timezones

# --- Roles: a project needs one, a specialist is one ---------------------------------

AI_ENGINEER = "ai_engineer"
ML_ENGINEER = "ml_engineer"
ROLES = (AI_ENGINEER, ML_ENGINEER)
ROLE_LABELS = {AI_ENGINEER: "AI engineer", ML_ENGINEER: "ML engineer"}

# --- The client's checklist: the key of each question, and its wording ---------------

CHECKLIST_QUESTIONS: dict[str, str] = {
    "general_model_sufficient": (
        "Does a general-purpose model or API (for example a hosted chat model) already get you "
        "most of the way there?"
    ),
    "model_is_moat": (
        "Is the model's accuracy on your own proprietary data the reason customers choose you?"
    ),
    "has_training_data": (
        "Do you have training data: enough historical examples, with outcomes or labels, that "
        "you are allowed to use?"
    ),
    "needs_continuous_retraining": (
        "A year from now, will the model need monitoring, regular retraining and drift detection?"
    ),
    "needs_value_within_weeks": (
        "Does this need to deliver value within days or weeks rather than months?"
    ),
}
CHECKLIST_KEYS = tuple(CHECKLIST_QUESTIONS)

# --- Limits -----------------------------------------------------------------------------

# Hours a week a specialist can work in all, and a project may ask for.
SPECIALIST_HOURS_MIN, SPECIALIST_HOURS_MAX = 1, 80
PROJECT_HOURS_MIN, PROJECT_HOURS_MAX = 1, 60
# USD per hour, for budgets and rates alike (more than 0).
HOURLY_RATE_MAX_USD = 1000
TIME_ZONE_MAX_LENGTH = 64
# A specialist's free-text profile: experience, past projects, domains, data, tools.
BIO_MAX_LENGTH = 5_000
# A working day, "HH:MM-HH:MM" local; the default of both sides.
DEFAULT_WORKING_HOURS = "09:00-17:00"
WORKING_HOURS_MAX_LENGTH = 11
# The least daily overlap a client may require.
MIN_OVERLAP_HOURS_MAX = 8
# Staff's reasons for a decision.
REASON_MAX_LENGTH = 2000


# --- Time zones -------------------------------------------------------------------------


@cache
def _time_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def is_time_zone(name: str) -> bool:
    """An IANA name this machine knows (``Europe/Berlin``), within the stored length."""
    return len(name) <= TIME_ZONE_MAX_LENGTH and name in _time_zone_names()
