"""Settings for the marketplace service, driven by environment variables.

Every variable has an embedded default that needs no server (SQLite, a
filesystem broker, a file cache), so a web process and a worker run on a bare
machine. Production is switched on by ``DEBUG=0``; it then refuses to start
without a real ``SECRET_KEY`` and turns on the HTTPS protections.
"""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
# Runtime state of the embedded defaults (SQLite file, broker queue, cache).
VAR_DIR = Path(env_str("MARKETPLACE_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=0 (production).")
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is the development key; set a real one.")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# HTTPS protections are on in production unless the operator serves plain
# HTTP on a private network (HTTPS_ONLY=0).
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
if HTTPS_ONLY:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # The health check is probed over plain HTTP by load balancers.
    # So is /metrics, by Prometheus on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^metrics$"]
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "rest_framework_api_key",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "accounts",
    "marketplace.apps.MarketplaceConfig",
    "matching",
    "webhooks",
]

MIDDLEWARE = [
    "marketplace.middleware.RequestIdMiddleware",
    # Outside everything that may answer early (redirects, CSRF), so every status counts.
    "marketplace.metrics.HttpMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "api.middleware.VaryOnAcceptMiddleware",
    # Last, as django-axes asks: turns a locked-out admin login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "marketplace" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 30_000)
_db: dict[str, Any] = dict(
    dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
)
if _db["ENGINE"] == "django.db.backends.postgresql":
    # A runaway query must not hold a connection (and its locks) forever.
    _db.setdefault("OPTIONS", {})["options"] = f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
    _db["OPTIONS"].setdefault("connect_timeout", 5)
elif _db["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker share one file: WAL lets readers run
    # beside a writer, IMMEDIATE transactions queue writers instead of
    # failing with "database is locked" half-way through.
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if not _db["NAME"].startswith(":"):
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (throttling, idempotency locks) -------------------------------

CACHE_URL = env_str("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "marketplace.cache.PooledRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "marketplace",
            # Bounded waits, as for the broker: a Redis that vanished without
            # closing the connection must not hang a request or a task.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
        }
    }
else:
    # A file cache is shared by every process on one machine, which is what
    # per-caller throttling needs; LocMem would give each process its own.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Rendered reads (GET project, GET matches) live this long in the cache; they
# are keyed by a version every write bumps, so this bounds memory, not staleness.
READ_CACHE_SECONDS = env_int("READ_CACHE_SECONDS", 600)
# /health/ answers from the cache this long (see marketplace.health).
HEALTH_CACHE_SECONDS = env_int("HEALTH_CACHE_SECONDS", 2)

# --- Auth -------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# How long a verified token or partner key lookup is kept (dropped at once when
# its user, token or key changes; see accounts.credentials_cache).
AUTH_CACHE_SECONDS = env_int("AUTH_CACHE_SECONDS", 30)
API_KEY_CUSTOM_HEADER = None  # partners send "Authorization: Api-Key <key>"
# A client token works this long after it was issued (0: for ever); logging in
# (or createclient) after that issues a new one.
CLIENT_TOKEN_LIFETIME_DAYS = env_int("CLIENT_TOKEN_LIFETIME_DAYS", 90)

# Guessing (see accounts.lockout). Failed password logins, on the API and in
# the admin, lock out for a while (django-axes) the username (so that rotating
# addresses buys nothing) and the client address (so that trying one password
# on many usernames does not either); refused tokens and keys are counted per
# client address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
# Failures are kept (Axes > access attempts in the admin); successful logins
# are not, or every token login would write a row.
AXES_DISABLE_ACCESS_LOG = True
AUTH_FAILURES_PER_MINUTE = env_int("AUTH_FAILURES_PER_MINUTE", 30)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
if DEBUG:
    # WhiteNoise serves from the finders in development; an absent root only warns.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Request bodies: a brief is at most 20,000 characters; nothing legitimate
# comes near this.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 512 * 1024)

# --- REST API -----------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ClientTokenAuthentication",
        "accounts.authentication.PartnerApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # JSON only, with the body-size limit enforced (DRF's parser bypasses Django's).
    "DEFAULT_PARSER_CLASSES": ["api.parsers.BoundedJSONParser"],
    # JSON out, too: no browsable API (it 500s on views without a serializer_class);
    # an Accept that excludes JSON is a 406 in the error envelope (api.negotiation).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JsonOnlyNegotiation",
    # OPTIONS names the route and its methods; bodies are in the OpenAPI document.
    "DEFAULT_METADATA_CLASS": "api.metadata.RouteMetadata",
    "DEFAULT_SCHEMA_CLASS": "api.openapi.MarketplaceAutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["accounts.throttling.CallerRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "caller": env_str("API_THROTTLE_RATE", "600/min"),
        "anon": env_str("API_ANON_THROTTLE_RATE", "60/min"),
        # Accepting and declining matches: each may re-rank other projects.
        "decision": env_str("API_DECISION_THROTTLE_RATE", "30/min"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # How many proxies of ours sit in front and append to X-Forwarded-For; 0
    # (default): throttles key on REMOTE_ADDR and ignore the header, which any
    # caller can set.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "AI/ML specialist marketplace API",
    "DESCRIPTION": (
        "Submit projects, get them classified (AI engineer or ML engineer) and "
        "matched with vetted specialists, with every score explained."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Object ids in paths (api.converters): a bounded integer, longer ones are a 404.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 1, "maximum": 10**18 - 1},
    },
    # The docs page's Swagger UI: a pinned build from our static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Celery -------------------------------------------------------------------

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "filesystem://localhost//"
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "broker" / "queue"
    _processed_dir = VAR_DIR / "broker" / "processed"
    # Without this kombu keeps its broadcast (control) exchange in ./control.
    _control_dir = VAR_DIR / "broker" / "control"
    for _path in (_queue_dir, _processed_dir, _control_dir):
        _path.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(_processed_dir),
        "control_folder": str(_control_dir),
        "store_processed": False,
    }
else:
    # The visibility timeout is how long a message a worker took but never
    # acknowledged (it died) waits before Redis hands it out again. It must be
    # longer than a task can legitimately hold a message: the hard time limit
    # plus the longest retry countdown (an ETA task stays unacknowledged while
    # it waits) — or a live task is delivered twice. Dead workers are covered
    # sooner by the stuck-project sweeper (within two minutes on the defaults),
    # so there is no reason to go lower: even the lowest safe value (about
    # 150 s) would be slower than the sweeper.
    _visibility_timeout = env_int("CELERY_VISIBILITY_TIMEOUT", 900)
    # How often a worker scans for such messages: kombu scans every
    # interval * throttle seconds (100 s by default), which is too slow for a
    # short visibility timeout; about a tenth of the timeout, at most 100 s.
    _restore_interval = max(1, min(10, _visibility_timeout // 10))
    _restore_throttle = max(1, min(10, _visibility_timeout // (10 * _restore_interval)))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": _visibility_timeout,
        "unacked_restore_interval": _restore_interval,
        "unacked_restore_throttle": _restore_throttle,
        # Bounded socket waits: a Redis that vanished without closing the TCP
        # connection must not hang a publish (and so a web request) or a
        # consumer forever. socket_timeout stays above kombu's 1 s BRPOP wait.
        "socket_connect_timeout": env_int("CELERY_BROKER_CONNECT_TIMEOUT", 2),
        "socket_timeout": env_int("CELERY_BROKER_SOCKET_TIMEOUT", 5),
        "socket_keepalive": True,
        "retry_on_timeout": True,
        # A half-open consumer connection is dropped and reopened within
        # about brpop_timeout + 2 * 10 s, inside the 30 s recovery target.
        "health_check_interval": 10,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECT_TIMEOUT", 2)
# Workers reconnect forever after the broker restarts (at startup and later).
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A publish that meets a blinking broker is retried for about two seconds,
# short enough for a web request to wait; a task that still cannot be sent is
# logged and left to the stuck-project sweeper (see matching.tasks).
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 3,
    "interval_start": 0.2,
    "interval_step": 0.4,
    "interval_max": 1.0,
}
# When the worker loses the broker, the messages it holds will be delivered
# again; stop their tasks rather than finish them twice.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
# How often beat runs the stuck-project sweeper: one indexed query over the
# pending projects, cheap enough to run often; a lost project waits at most
# this long beyond its threshold (see STUCK_PROJECT_AFTER_SECONDS below).
STUCK_PROJECT_SWEEP_SECONDS = env_int("STUCK_PROJECT_SWEEP_SECONDS", 10)
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-projects": {
        "task": "matching.sweep_stuck_projects",
        "schedule": timedelta(seconds=STUCK_PROJECT_SWEEP_SECONDS),
        # A sweep that could not run in time is replaced by the next one.
        "options": {"expires": STUCK_PROJECT_SWEEP_SECONDS},
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Matching -----------------------------------------------------------------

# Relative weight of each criterion in a match's total score (normalised).
# Fit to the brief decides among candidates inside the budget and free in time;
# tier, budget and start still separate them as before (tests/matching/test_ordering).
MATCHING_WEIGHTS = {
    "tier": 0.15,
    "budget": 0.15,
    "start": 0.10,
    "skills": 0.10,
    "relevance": 0.40,
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

# --- Metrics ------------------------------------------------------------------

# prometheus-client's multiprocess mode: every process (gunicorn workers, Celery
# workers and their children) writes its samples to files here and /metrics adds
# them up. Give the web and worker processes one shared directory, emptied before
# they start (old files of dead processes keep counting otherwise). Exported to
# the environment, where the library reads it, before anything imports it.
PROMETHEUS_MULTIPROC_DIR = env_str("PROMETHEUS_MULTIPROC_DIR") or str(VAR_DIR / "prometheus")
Path(PROMETHEUS_MULTIPROC_DIR).mkdir(parents=True, exist_ok=True)
if not os.access(PROMETHEUS_MULTIPROC_DIR, os.W_OK):
    # Fail at startup rather than on the first request's metric.
    raise ImproperlyConfigured(
        f"PROMETHEUS_MULTIPROC_DIR {PROMETHEUS_MULTIPROC_DIR} is not writable"
    )
os.environ["PROMETHEUS_MULTIPROC_DIR"] = PROMETHEUS_MULTIPROC_DIR
# The bearer token Prometheus sends to scrape /metrics; unset, only staff
# sessions may read it. Clients and partners never can.
METRICS_TOKEN = env_str("METRICS_TOKEN")

# --- Logging ------------------------------------------------------------------

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "marketplace.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "marketplace.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
    },
}
