import os
from typing import Any

from celery import Celery
from celery.signals import before_task_publish, task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")

app = Celery("marketplace")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@before_task_publish.connect
def _carry_request_id(headers: dict[str, Any] | None = None, **_: Any) -> None:
    from marketplace.observability import request_id_var

    request_id = request_id_var.get()
    if headers is not None and request_id and "request_id" not in headers:
        headers["request_id"] = request_id


@task_prerun.connect
def _restore_request_id(task: Any = None, **_: Any) -> None:
    from marketplace.observability import request_id_var

    request_id = getattr(task.request, "request_id", None) if task is not None else None
    request_id_var.set(request_id)


@task_postrun.connect
def _clear_request_id(**_: Any) -> None:
    from marketplace.observability import request_id_var

    request_id_var.set(None)
