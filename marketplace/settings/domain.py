"""Matching, input bounds and webhooks: the marketplace's own knobs."""

from datetime import timedelta
from decimal import Decimal

from marketplace.settings.environment import env_bool, env_int, env_str
from marketplace.settings.tasks import CELERY_BEAT_SCHEDULE
from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER

# --- Matching -----------------------------------------------------------------

# Relative weight of each criterion in a match's total score (normalised).
# Fit to the brief decides among candidates inside the budget and free in time;
# tier, budget and start still separate them as before (tests/matching/test_ordering).
MATCHING_WEIGHTS = {
    "tier": 0.15,
    "budget": 0.15,
    "start": 0.10,
    "skills": 0.10,
    "relevance": 0.50,
    "timezone": 0.10,
}
MATCHING_TOP_K = env_int("MATCHING_TOP_K", 20)
# The learned re-ranker (`manage.py trainranker`): it takes over from the hand
# weights only with decisions on at least this many projects, and only when its
# held-out NDCG@5 beats theirs by at least this margin (and clear of noise).
RANKER_MIN_PROJECTS = env_int("RANKER_MIN_PROJECTS", 30)
RANKER_MIN_NDCG_GAIN = float(env_str("RANKER_MIN_NDCG_GAIN", "0.02"))
# The budget score falls from 1 at the client's budget to 0 at this fraction
# above it (0.5: a $35 budget scores $52.50/h as 0); rates beyond are not listed.
MATCHING_BUDGET_FALLOFF = Decimal("0.5")
# The start score falls from 1 on the desired start to 0 this many days later.
MATCHING_START_FALLOFF_DAYS = 30
# Tier score of an ML engineer for an AI-engineering need (overqualified, dearer).
MATCHING_OVERQUALIFIED_TIER_SCORE = 0.5
# What a higher budget (USD/h) or a later start (days) would bring: trade-offs.
MATCHING_TRADE_OFF_BUDGET_STEPS_USD = (5, 10)
MATCHING_TRADE_OFF_START_STEPS_DAYS = (7, 14)
# "Accept 1 h / 2 h less overlap": offered when the client gave a time zone.
MATCHING_TRADE_OFF_OVERLAP_STEPS_HOURS = (1, 2)
# Fully loaded monthly cost of an in-house US hire, set against a match's cost.
INHOUSE_MONTHLY_COST_USD = {
    AI_ENGINEER: Decimal(env_str("INHOUSE_AI_MONTHLY_COST_USD", "12000")),
    ML_ENGINEER: Decimal(env_str("INHOUSE_ML_MONTHLY_COST_USD", "13000")),
}
# The stuck-project sweeper (matching.services.recovery) queues a pending
# project again when its message is lost or its worker is dead, so that on
# these defaults every project is matched within two minutes of a crash:
#
# - picked up by a worker, still pending, and not locked by a run (a live run
#   holds the row lock throughout): its worker is gone once the pickup is
#   older than the hard time limit plus this margin (90 + 10 s), the longest a
#   live task can hold the project between two pickups;
STUCK_PROJECT_MARGIN_SECONDS = env_int("STUCK_PROJECT_MARGIN_SECONDS", 10)
# - never picked up (no pickup since it became pending, or since the sweeper
#   last queued it): its message is lost (a broker that restarted empty, a
#   publish that failed, a worker killed between Redis handing the message out
#   and kombu recording it, or held unacknowledged by a dead worker until the
#   visibility timeout) once it has waited this long. A message that is merely
#   queued behind a backlog this old gets one duplicate per period, which the
#   worker drops at once (the project is matched by then, or the two runs
#   serialise on the row lock).
STUCK_PROJECT_AFTER_SECONDS = env_int("STUCK_PROJECT_AFTER_SECONDS", 90)
# Roster changes re-rank the open projects they affect, coalesced: a run
# queued for a roster change waits this long (so a burst of edits, such as a
# partner syncing its roster one PATCH at a time, shares one run), and while
# it is queued further changes queue nothing more. The marker lives in the
# shared cache and lapses after the second figure, should the run be lost.
MATCHING_REMATCH_DELAY_SECONDS = env_int("MATCHING_REMATCH_DELAY_SECONDS", 5)
MATCHING_REMATCH_COALESCE_SECONDS = env_int("MATCHING_REMATCH_COALESCE_SECONDS", 120)
# After this many worker pickups a project ends "failed" instead of looping.
MATCHING_MAX_ATTEMPTS = env_int("MATCHING_MAX_ATTEMPTS", 5)
# Retry countdowns of a transiently failing run: exponential from 2 s, capped
# (and kept far below the visibility timeout, see the Celery section).
MATCHING_RETRY_BACKOFF_MAX_SECONDS = env_int("MATCHING_RETRY_BACKOFF_MAX_SECONDS", 60)
# A task that finds the database away before it starts waits and looks again,
# for as long as the outage lasts, at most this long between looks: so it is
# back at work within this long of the database's return (target: 30 s).
MATCHING_POSTPONE_MAX_SECONDS = env_int("MATCHING_POSTPONE_MAX_SECONDS", 8)

# A client's accept holds the specialist's hours this long unless staff approve
# the match meanwhile; a project holds at most this many specialists at once.
# Together they keep one client from booking the roster away from the others.
MATCHING_ACCEPT_HOLD_HOURS = env_int("MATCHING_ACCEPT_HOLD_HOURS", 72)
MATCHING_MAX_HELD_PER_PROJECT = env_int("MATCHING_MAX_HELD_PER_PROJECT", 3)
CELERY_BEAT_SCHEDULE["matching-expire-holds"] = {
    "task": "matching.expire_holds",
    "schedule": timedelta(seconds=env_int("MATCHING_HOLD_SWEEP_SECONDS", 300)),
    "options": {"expires": env_int("MATCHING_HOLD_SWEEP_SECONDS", 300)},
}
# --- Input dates ------------------------------------------------------------

# Every date an input gives (a project's desired start, a specialist's
# availability) lies between these (see marketplace.dates).
INPUT_DATE_MIN = env_str("INPUT_DATE_MIN", "2000-01-01")
INPUT_DATE_MAX_YEARS_AHEAD = env_int("INPUT_DATE_MAX_YEARS_AHEAD", 5)

# --- Webhooks -----------------------------------------------------------------

WEBHOOK_ALLOW_PRIVATE = env_bool("WEBHOOK_ALLOW_PRIVATE", False)
# Per network step (connect, each read and write) ...
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
# ... and for the whole attempt, however the receiver drips its answer.
WEBHOOK_ATTEMPT_DEADLINE_SECONDS = env_int("WEBHOOK_ATTEMPT_DEADLINE_SECONDS", 15)
# The delivery task's own limits, just past the deadline: the soft one lets
# the attempt record its failure, the hard one ends a worker stuck regardless.
WEBHOOK_TASK_SOFT_TIME_LIMIT = WEBHOOK_ATTEMPT_DEADLINE_SECONDS + 10
WEBHOOK_TASK_TIME_LIMIT = WEBHOOK_ATTEMPT_DEADLINE_SECONDS + 20
# A webhook host that takes longer than this to resolve is refused (at
# registration, in the web request) or the attempt fails (at delivery).
WEBHOOK_DNS_TIMEOUT_SECONDS = env_int("WEBHOOK_DNS_TIMEOUT_SECONDS", 3)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 12)
WEBHOOK_MAX_ENDPOINTS_PER_ORGANIZATION = env_int("WEBHOOK_MAX_ENDPOINTS_PER_ORGANIZATION", 10)
# Retry countdowns stay below Redis's visibility timeout (900 s): a message
# waiting on a countdown is unacknowledged, and Redis hands it out again each
# time the timeout passes. Longer waits (backoff up to an hour, Retry-After up
# to a day) are kept in next_attempt_at and queued by "webhooks-deliver-due".
WEBHOOK_MAX_COUNTDOWN_SECONDS = max(1, env_int("CELERY_VISIBILITY_TIMEOUT", 900) * 2 // 3)
# Deliveries run on a queue of their own, consumed by workers of their own
# (see docker-compose.yml): slow or silent receivers never hold up matching.
WEBHOOK_QUEUE = env_str("WEBHOOK_QUEUE", "webhooks")
CELERY_TASK_ROUTES = {
    "webhooks.deliver": {"queue": WEBHOOK_QUEUE},
    "webhooks.deliver_due": {"queue": WEBHOOK_QUEUE},
}
CELERY_TASK_ANNOTATIONS = {
    "webhooks.deliver": {
        "soft_time_limit": WEBHOOK_TASK_SOFT_TIME_LIMIT,
        "time_limit": WEBHOOK_TASK_TIME_LIMIT,
    },
}
# Picks up deliveries whose retry task was lost (a broker restart, a dead worker).
CELERY_BEAT_SCHEDULE["webhooks-deliver-due"] = {
    "task": "webhooks.deliver_due",
    "schedule": timedelta(minutes=1),
}
CELERY_BEAT_SCHEDULE["matching-embed-pending"] = {
    "task": "matching.embed_pending",
    "schedule": timedelta(seconds=env_int("MATCHING_EMBED_SWEEP_SECONDS", 300)),
    "options": {"expires": env_int("MATCHING_EMBED_SWEEP_SECONDS", 300)},
}
