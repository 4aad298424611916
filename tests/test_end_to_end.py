"""A project submitted through the API leaves `pending` through a real Celery worker."""

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from marketplace.celery import app as celery_app
from marketplace.models import Project
from tests.conftest import token_client
from tests.marketplace.factories import SpecialistFactory


@pytest.fixture
def live_worker(settings: Any, tmp_path: Any) -> Iterator[None]:
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = False
    if celery_app.conf.broker_url.startswith("filesystem"):
        # A private queue folder, so leftovers of a local demo run stay out.
        queue = tmp_path / "broker"
        queue.mkdir()
        celery_app.conf.broker_transport_options = {
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "processed_folder": str(queue),
            "control_folder": str(queue),
            "store_processed": False,
        }
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield


def _wait_for(predicate: Any, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_submitted_project_is_matched_by_a_real_worker(live_worker: None, client_user: Any) -> None:
    # given a roster with a vetted AI engineer and a client with a token
    SpecialistFactory(tier="ai_engineer", hourly_rate="25.00")
    api = token_client(client_user)

    # when the client submits a brief through the API
    response = api.post(
        "/api/v1/projects/",
        {
            "title": "Help-centre assistant",
            "description": "A chat assistant that drafts answers from our help-centre articles.",
            "hourly_budget_max": "30",
            "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "checklist": {"general_model_sufficient": True},
        },
        format="json",
    )

    # then it is accepted as pending at once, and the worker moves it on
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    project_id = response.json()["id"]
    assert _wait_for(lambda: Project.objects.get(pk=project_id).status != Project.Status.PENDING), (
        "the worker never picked the project up"
    )
    detail = api.get(f"/api/v1/projects/{project_id}/").json()
    assert detail["status"] == "matched"
    assert detail["role_need"] in {"ai_engineer", "ml_engineer"}
    matches = api.get(f"/api/v1/projects/{project_id}/matches/").json()
    assert matches["count"] >= 1
