"""The Django project: security, database, cache, authentication and the REST API."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from marketplace.settings.environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
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
DB_JIT = env_bool("DB_JIT", False)
_db: dict[str, Any] = dict(
    dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
)
if _db["ENGINE"] == "django.db.backends.postgresql":
    # A runaway query must not hold a connection (and its locks) forever. JIT off:
    # compiling the ranking and trade-off statements cost 10-80 ms a run at a
    # million specialists and saved nothing (they are index scans, not analytics).
    _db.setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS} -c jit={'on' if DB_JIT else 'off'}"
    )
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
# No start-up banner on every process and management command.
AXES_VERBOSE = False
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
    # One component per word of the vocabulary: the time zones every input lists
    # (marketplace.fields), the roles a specialist's tier and a project's need share.
    "ENUM_NAME_OVERRIDES": {
        "TimeZoneEnum": "marketplace.vocabulary.TIME_ZONES",
        "TierEnum": "marketplace.models.Role",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        # OpenAPI links from creates and lists to the operations on the ids they answer with.
        "api.openapi.add_links",
    ],
    # The docs page's Swagger UI: a pinned build from our static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
