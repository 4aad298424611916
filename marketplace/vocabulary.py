"""The marketplace's shared words, each defined once: roles, the checklist, limits.

Plain Python without Django, so the pure scoring and classifier modules, the
models, serializers, roster import and admin all import the same names. A
limit changed here changes the model validators, the API and the import.
"""

import re
from importlib import resources

# --- Roles: a project needs one, a specialist is one ---------------------------------

AI_ENGINEER = "ai_engineer"
ML_ENGINEER = "ml_engineer"
ROLES = (AI_ENGINEER, ML_ENGINEER)
ROLE_LABELS = {AI_ENGINEER: "AI engineer", ML_ENGINEER: "ML engineer"}
# The ways a roster file or a judged set may name a tier, after folding case and
# runs of spaces and hyphens to "_" ("ML engineer" -> "ml_engineer").
_ROLE_ALIASES = {
    "ai": AI_ENGINEER,
    AI_ENGINEER: AI_ENGINEER,
    "ai_engineering": AI_ENGINEER,
    "ml": ML_ENGINEER,
    ML_ENGINEER: ML_ENGINEER,
    "ml_engineering": ML_ENGINEER,
}


def role_from_name(text: str) -> str | None:
    """ai_engineer or ml_engineer for a tier as people write it; None when it is neither."""
    return _ROLE_ALIASES.get(re.sub(r"[\s\-]+", "_", text.strip().lower()))


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
# The part of an email address before "@" (RFC 5321): longer ones are no
# address, though Django's validator lets them through.
EMAIL_LOCAL_PART_MAX_LENGTH = 64


def email_local_part_too_long(email: str) -> bool:
    return len(email.rpartition("@")[0]) > EMAIL_LOCAL_PART_MAX_LENGTH


# Staff's reasons for a decision.
REASON_MAX_LENGTH = 2000


# --- Time zones -------------------------------------------------------------------------


# Names in some tz databases that are no places: "localtime" and "posixrules"
# follow whatever the host is set to, "Factory" means "zone not configured".
NOT_TIME_ZONES = frozenset({"localtime", "posixrules", "Factory"})


def _shipped_time_zones() -> tuple[str, ...]:
    # The IANA database the service ships with (the tzdata package), not the
    # host's: every machine accepts the same names, and the OpenAPI document,
    # which lists them, is the same everywhere.
    names = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return tuple(sorted(set(names) - NOT_TIME_ZONES))


# Every IANA time zone name the API accepts (``Europe/Berlin``, ``UTC``), sorted.
TIME_ZONES = _shipped_time_zones()
_TIME_ZONE_SET = frozenset(TIME_ZONES)


def is_time_zone(name: str) -> bool:
    """An IANA name of the shipped tz database (``Europe/Berlin``), within the stored length."""
    return len(name) <= TIME_ZONE_MAX_LENGTH and name in _TIME_ZONE_SET
