"""Metrics and logging."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from marketplace.settings.base import VAR_DIR
from marketplace.settings.environment import env_str

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
