import os
from contextvars import Token
from typing import Any

from celery import Celery
from celery.signals import before_task_publish, task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")

app = Celery("marketplace")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# What each running task replaced in the request-id context, to put it back
# afterwards: an eager task runs inside the web request and must leave the
# request's id in place for the request's remaining log lines.
_previous_request_ids: dict[str, Token[str | None]] = {}


@before_task_publish.connect
def _carry_request_id(headers: dict[str, Any] | None = None, **_: Any) -> None:
    from marketplace.observability import request_id_var

    request_id = request_id_var.get()
    if headers is not None and request_id and "request_id" not in headers:
        headers["request_id"] = request_id


@task_prerun.connect
def _restore_request_id(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    from marketplace.observability import new_request_id, request_id_var

    request: Any = getattr(task, "request", None)
    carried = getattr(request, "request_id", None)
    headers = getattr(request, "headers", None)
    if carried is None and isinstance(headers, dict):
        carried = headers.get("request_id")
    if carried:
        # Headers come from whoever can publish; keep only a sane id.
        request_id: str | None = new_request_id(str(carried))
    elif getattr(request, "is_eager", False):
        # Run in-process by the request that queued it: keep that request's id.
        request_id = request_id_var.get()
    else:
        # Queued outside any request (beat, shell): an id of its own, so the
        # task's lines still group together.
        request_id = new_request_id(None)
    token = request_id_var.set(request_id)
    if task_id is not None:
        _previous_request_ids[task_id] = token


@task_postrun.connect
def _clear_request_id(task_id: str | None = None, **_: Any) -> None:
    from marketplace.observability import request_id_var

    token = _previous_request_ids.pop(task_id, None) if task_id is not None else None
    if token is None:
        request_id_var.set(None)
        return
    try:
        request_id_var.reset(token)
    except ValueError:  # set in another context (should not happen); do not leak it
        request_id_var.set(None)
