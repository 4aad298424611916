"""/metrics: counts what happened, in Prometheus text format, and only for operators."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import OperationalError
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.test import APIClient

from marketplace.celery import app as celery_app
from marketplace.models import Project
from matching.services import runs
from matching.services.recovery import stuck_projects_sweep
from matching.tasks import project_match_task
from tests.api.conftest import Caller, partner_caller
from tests.api.test_webhooks import Receiver, receiver  # noqa: F401 (the fixture)
from tests.marketplace.factories import ProjectFactory, SpecialistFactory
from tests.webhooks.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def _scrape(api: APIClient) -> Samples:
    response = api.get("/metrics")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def _delta(before: Samples, after: Samples, name: str, **labels: str) -> float:
    key = (name, frozenset(labels.items()))
    return after.get(key, 0.0) - before.get(key, 0.0)


@pytest.fixture
def operator(settings: Any) -> APIClient:
    """Prometheus, scraping with the bearer token of the settings."""
    settings.METRICS_TOKEN = "scrape-token-for-tests"
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Bearer scrape-token-for-tests")
    return api


@pytest.fixture
def _eager_retries() -> Iterator[None]:
    # Without propagation an eager task runs its retry at once, as a worker would.
    celery_app.conf["CELERY_TASK_EAGER_PROPAGATES"] = False
    yield
    celery_app.conf["CELERY_TASK_EAGER_PROPAGATES"] = True


@pytest.mark.usefixtures("_eager_retries")
def test_metrics_count_a_submission_its_match_a_failure_a_retry_and_a_delivery(
    alice: Caller,
    operator: APIClient,
    settings: Any,
    receiver: Receiver,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a roster and a client whose organization listens for project.matched
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receiver listens on loopback
    settings.MATCHING_RETRY_BACKOFF_MAX_SECONDS = 0
    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")
    WebhookEndpointFactory(
        organization=alice.organization, url=receiver.url, events=["project.matched"]
    )
    before = _scrape(operator)

    # when the client submits a brief (matched, and the partner endpoint told)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.api.post(
            "/api/v1/projects/",
            {
                "title": "Support assistant",
                "description": "Draft answers to support tickets from our help centre with RAG.",
                "hourly_budget_max": "30",
                "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
            },
            format="json",
        )
    assert response.status_code == 201, response.content
    # and a project whose run hits a bug, and one whose first run loses the database
    real = runs.project_match
    broken, flaky = ProjectFactory(organization=alice.organization), ProjectFactory()
    calls: list[int] = []

    def faulty(**kwargs: Any) -> Any:
        if kwargs["project_id"] == broken.pk:
            raise ValueError("weights do not sum to one")
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(runs, "project_match", faulty)
    with django_capture_on_commit_callbacks(execute=True):
        project_match_task.delay(project_id=broken.pk, inputs_version=broken.inputs_version)
        project_match_task.delay(project_id=flaky.pk, inputs_version=flaky.inputs_version)
    monkeypatch.undo()
    # and a project whose message was lost, found by the sweeper
    lost = ProjectFactory()
    Project.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert stuck_projects_sweep() == 1
    # and one that has been waiting for ten minutes, untouched by the sweeper so far
    waiting = ProjectFactory()
    Project.objects.filter(pk=waiting.pk).update(
        status_changed_at=timezone.now() - timedelta(minutes=10)
    )
    after = _scrape(operator)

    # then the scrape counts each of them
    tasks = "marketplace_matching_tasks_total"
    assert _delta(before, after, tasks, outcome="matched") == 3  # submitted, flaky, lost
    assert _delta(before, after, tasks, outcome="retried") == 1
    assert _delta(before, after, tasks, outcome="failed") == 1
    duration = "marketplace_matching_task_duration_seconds_count"
    assert _delta(before, after, duration, outcome="matched") == 3
    latency = "marketplace_project_match_latency_seconds_count"
    assert _delta(before, after, latency, trigger="submit") == 2
    assert _delta(before, after, latency, trigger="sweep") == 1
    assert (
        _delta(before, after, "marketplace_sweeper_requeues_total", reason="never_picked_up") == 1
    )
    classified = sum(
        _delta(before, after, "marketplace_classifications_total", role=role)
        for role in ("ai_engineer", "ml_engineer")
    )
    assert classified == 3
    assert _delta(before, after, "marketplace_webhook_deliveries_total", outcome="succeeded") == 1
    assert (
        _delta(before, after, "marketplace_webhook_delivery_seconds_count", outcome="succeeded")
        == 1
    )
    assert len(receiver.received) == 1
    requests = "marketplace_http_requests_total"
    assert (
        _delta(before, after, requests, route="api/v1/projects/", method="POST", status="201") == 1
    )
    assert _delta(before, after, requests, route="metrics", method="GET", status="200") == 1
    # and the pending gauges are read from the database at the scrape
    pending = "marketplace_projects_pending"
    assert after[(pending, frozenset({("older_than_seconds", "0")}))] == 1
    assert after[(pending, frozenset({("older_than_seconds", "300")}))] == 1
    assert after[(pending, frozenset({("older_than_seconds", "900")}))] == 0
    assert after[("marketplace_projects_pending_oldest_seconds", frozenset())] >= 600


@pytest.mark.parametrize("credentials", ["client", "partner", "anonymous", "wrong-token"])
def test_metrics_are_not_found_for_anyone_but_operators(
    alice: Caller, operator: APIClient, credentials: str
) -> None:
    # given a caller that is not an operator
    if credentials == "client":
        api = alice.api
    elif credentials == "partner":
        api = partner_caller().api
    else:
        api = APIClient()
        if credentials == "wrong-token":
            api.credentials(HTTP_AUTHORIZATION="Bearer not-the-token")

    # when it asks for the metrics, then there is nothing there
    assert api.get("/metrics").status_code == 404
    assert api.get("/metrics", HTTP_ACCEPT="text/html").status_code == 404


def test_staff_may_read_the_metrics_from_their_session(staff_user: Any, settings: Any) -> None:
    # given no scrape token at all, and a staff member signed in to the admin
    settings.METRICS_TOKEN = ""
    api = APIClient()
    api.force_login(staff_user)

    # when they open /metrics, then they read it; writing to it is refused
    assert api.get("/metrics").status_code == 200
    assert api.post("/metrics").status_code == 405
    # and without a token configured, a bearer header opens nothing
    anonymous = APIClient()
    anonymous.credentials(HTTP_AUTHORIZATION="Bearer ")
    assert anonymous.get("/metrics").status_code == 404
