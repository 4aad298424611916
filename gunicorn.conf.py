"""Gunicorn settings, read from the working directory by ``gunicorn marketplace.wsgi``.

Every value can still be overridden on the command line or with
``GUNICORN_CMD_ARGS``; the environment variables below cover the usual knobs.
"""

import multiprocessing
import os
from typing import Any


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


# PORT is what most platforms hand a web process; GUNICORN_BIND wins when set.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_env_int('PORT', 8000)}"

# Sync workers: requests are short database work. 2 * cores + 1, capped so a
# large machine does not open more database connections than PostgreSQL allows.
workers = _env_int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12))
worker_class = "sync"

# A request slower than this is stuck (the database has its own 30 s
# statement timeout); its worker is killed and replaced.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# On restart or deploy, requests in flight get this long to finish.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind a load balancer that reuses connections; keep above nothing but
# below the balancer's idle timeout (60 s on the common ones).
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then, so a slow leak cannot grow for ever; the
# jitter stops all workers restarting at the same moment.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Bounded request heads: no legitimate client sends more.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Logs to stdout/stderr, where the platform collects them. The access log
# carries the request id that RequestIdMiddleware echoes in X-Request-ID.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'

# The proxy in front terminates TLS and sets X-Forwarded-*; trust it only
# when told, as Django does (TRUST_X_FORWARDED_PROTO): with it off, gunicorn
# trusts no address either, so a forwarded scheme is never believed.
_trust_forwarded = os.environ.get("TRUST_X_FORWARDED_PROTO", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1") if _trust_forwarded else ""


def child_exit(server: Any, worker: Any) -> None:
    """A dead worker's live gauges leave /metrics (prometheus-client multiprocess mode).

    Counters and histograms of dead workers keep counting, as they should; the
    directory itself is emptied by whoever starts the deployment.
    """
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
