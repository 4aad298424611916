"""Celery: the broker (embedded by default), delivery guarantees, limits and beat."""

from datetime import timedelta
from typing import Any

from marketplace.settings.base import TIME_ZONE, VAR_DIR
from marketplace.settings.environment import env_bool, env_int, env_str

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
        # A worker looks for the next message this often once it has room for one:
        # kombu's 1 s default let a queue of a hundred small tasks (a demo roster's
        # embeddings) hold a submitted project back for over a minute.
        "polling_interval": 0.1,
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
