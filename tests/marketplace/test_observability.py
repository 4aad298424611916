"""A request id follows a brief from the web request into the task's log lines."""

import json
import logging
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from marketplace.observability import (
    JsonFormatter,
    RequestIdFilter,
    new_request_id,
    request_id_var,
)
from matching.tasks import project_match_task
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

UUID_HEX = re.compile(r"^[0-9a-f]{32}$")


class _Capture(logging.Handler):
    """Records as the console handler sees them: with the request-id filter applied."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.addFilter(RequestIdFilter())
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def task_logs() -> Iterator[_Capture]:
    handler = _Capture()
    logger = logging.getLogger("matching")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)


def _brief() -> dict[str, Any]:
    return {
        "title": "Support assistant",
        "description": "Draft answers to support tickets from our help centre articles.",
        "hourly_budget_max": "30",
        "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
    }


@pytest.mark.parametrize(
    "inbound",
    ["req-2024-01-01:abc_DEF.9", "a" * 64, "0f3c8f5e-6a1d-4c1e-9a55-3f7d2c6b1a90"],
)
def test_a_sane_caller_request_id_is_kept(inbound: str) -> None:
    assert new_request_id(inbound) == inbound


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "a" * 65,
        "has space",
        "line\nbreak",
        "tab\there",
        "<script>alert(1)</script>",
        "id;DROP TABLE",
        "ünïcode",
        "\x00\x01",
        '{"json": 1}',
    ],
)
def test_a_garbage_request_id_is_replaced_with_a_fresh_one(garbage: str) -> None:
    assert UUID_HEX.match(new_request_id(garbage))


@pytest.mark.django_db
def test_response_echoes_the_callers_request_id_or_a_fresh_one(client: Any) -> None:
    kept = client.get("/health/", HTTP_X_REQUEST_ID="trace-42")
    replaced = client.get("/health/", HTTP_X_REQUEST_ID="bad id\twith tab")
    minted = client.get("/health/")

    assert kept["X-Request-ID"] == "trace-42"
    assert UUID_HEX.match(replaced["X-Request-ID"])
    assert UUID_HEX.match(minted["X-Request-ID"])
    assert minted["X-Request-ID"] != replaced["X-Request-ID"]


# transaction=True: the service's commit runs the on_commit publish inside the
# request, as in production (a test transaction would defer it past the request).
@pytest.mark.django_db(transaction=True)
def test_request_id_reaches_the_log_lines_of_the_task_it_enqueues(
    client_api: Any, task_logs: _Capture
) -> None:
    # given a roster
    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")

    # when a client submits a brief with its own request id (the task runs eagerly)
    response = client_api.post(
        "/api/v1/projects/", _brief(), format="json", HTTP_X_REQUEST_ID="client-trace-7"
    )

    # then every line the task logged carries that id
    assert response.status_code == 201, response.content
    assert response["X-Request-ID"] == "client-trace-7"
    task_lines = [r for r in task_logs.records if r.name == "matching.tasks"]
    assert [r.getMessage() for r in task_lines] == [
        "project match started",
        "project match finished",
    ]
    assert {getattr(r, "request_id", None) for r in task_lines} == {"client-trace-7"}
    # and the request's own context is back to "no request" afterwards
    assert request_id_var.get() is None


@pytest.mark.django_db
def test_eager_task_leaves_the_surrounding_request_id_in_place(task_logs: _Capture) -> None:
    # given a request in progress
    project = ProjectFactory()
    token = request_id_var.set("outer-request")
    try:
        # when it runs a task in-process
        project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)
        # then its own later log lines still have its id
        after = request_id_var.get()
    finally:
        request_id_var.reset(token)
    assert after == "outer-request"
    assert {getattr(r, "request_id", None) for r in task_logs.records} == {"outer-request"}


@pytest.mark.django_db
def test_garbage_request_id_in_task_headers_is_replaced(task_logs: _Capture) -> None:
    # given a message whose headers carry a forged, oversized id
    project = ProjectFactory()

    # when a worker runs it
    project_match_task.apply(
        kwargs={"project_id": project.pk, "inputs_version": project.inputs_version},
        headers={"request_id": "x" * 500 + "\n{forged}"},
    )

    # then the log lines get a fresh id, never the forged text
    ids = {getattr(r, "request_id", None) for r in task_logs.records}
    assert len(ids) == 1
    assert UUID_HEX.match(ids.pop())


def test_json_formatter_writes_one_parseable_object_with_the_extras() -> None:
    record = logging.makeLogRecord(
        {"name": "matching.tasks", "levelname": "INFO", "msg": "done %s", "args": (3,)}
    )
    record.request_id = "r-1"
    record.project_id = 3

    line = JsonFormatter().format(record)

    payload = json.loads(line)
    assert "\n" not in line
    assert payload["msg"] == "done 3"
    assert payload["request_id"] == "r-1"
    assert payload["project_id"] == 3
