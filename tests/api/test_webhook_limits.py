"""One partner's webhooks cannot hold workers, queues or retries (issue #12, findings 1 and 7)."""

import time
from collections.abc import Iterator
from typing import Any

import pytest
from billiard.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from marketplace.celery import app as celery_app
from tests.api.conftest import Caller
from tests.webhooks.factories import WebhookDeliveryFactory, WebhookEndpointFactory
from tests.webhooks.receivers import DrippingReceiver
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import delivery_attempt, due_deliveries_enqueue

pytestmark = pytest.mark.django_db


@pytest.fixture
def dripping(settings: Any) -> Iterator[DrippingReceiver]:
    settings.WEBHOOK_ALLOW_PRIVATE = True
    receiver = DrippingReceiver(interval=0.3, total=12)
    yield receiver
    receiver.close()


def test_a_dripping_receiver_is_cut_off_at_the_attempt_deadline(
    settings: Any, dripping: DrippingReceiver
) -> None:
    # given a receiver that sends its headers a byte at a time, each byte well
    # within the per-step timeout
    settings.WEBHOOK_TIMEOUT_SECONDS = 5
    settings.WEBHOOK_ATTEMPT_DEADLINE_SECONDS = 2
    delivery = WebhookDeliveryFactory(endpoint=WebhookEndpointFactory(url=dripping.url))

    # when an attempt is made
    started = time.monotonic()
    result = delivery_attempt(delivery_id=delivery.pk)
    took = time.monotonic() - started

    # then it ends at the whole attempt's deadline, recorded as a failure to retry
    assert took < 3.5, f"the attempt took {took:.1f} s"
    assert result is not None
    assert result.status == WebhookDelivery.Status.PENDING
    assert result.attempts == 1
    assert "within 2 s" in result.last_error
    assert result.next_attempt_at is not None


def test_an_attempt_killed_by_the_soft_time_limit_is_recorded(
    settings: Any, monkeypatch: Any
) -> None:
    # given a send that the task's soft time limit interrupts
    def interrupted(**_: Any) -> Any:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("webhooks.services._send", interrupted)
    delivery = WebhookDeliveryFactory()

    # when the attempt runs
    result = delivery_attempt(delivery_id=delivery.pk)

    # then it counts as a failed attempt with a reason and a retry time
    assert result is not None
    assert result.status == WebhookDelivery.Status.PENDING
    assert result.attempts == 1
    assert "interrupted" in result.last_error
    assert result.next_attempt_at is not None
    assert result.next_attempt_at > timezone.now()


def test_the_attempt_cap_holds_when_attempts_never_record_an_outcome(settings: Any) -> None:
    # given a delivery whose attempts all died with their worker (each was
    # claimed, none recorded), up to the cap
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    settings.WEBHOOK_ALLOW_PRIVATE = True
    endpoint = WebhookEndpointFactory(url="http://127.0.0.1:9/never-called")
    delivery = WebhookDeliveryFactory(endpoint=endpoint, attempts=3)

    # when the delivery is picked up again
    result = delivery_attempt(delivery_id=delivery.pk)

    # then it is abandoned without another attempt, saying why
    assert result is not None
    assert result.status == WebhookDelivery.Status.FAILED
    assert result.attempts == 3
    assert "Gave up after 3 attempts" in result.last_error
    assert result.next_attempt_at is None


def test_a_claimed_attempt_reads_cut_off_until_it_records_its_outcome() -> None:
    # given a delivery taken for an attempt whose worker then died
    from webhooks.services import _claim

    delivery = WebhookDeliveryFactory()
    assert _claim(delivery.pk) is not None

    # then the delivery already says so, and the attempt counts
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    assert "did not finish" in delivery.last_error


def test_endpoints_per_organization_are_capped_with_a_clear_message(
    settings: Any, partner: Caller
) -> None:
    # given an organization at its endpoint limit
    settings.WEBHOOK_MAX_ENDPOINTS_PER_ORGANIZATION = 3
    body = {"url": "https://hooks.example.com/in", "events": ["project.matched"]}
    ids = []
    for _ in range(3):
        response = partner.api.post("/api/v1/webhooks/", body, format="json")
        assert response.status_code == 201, response.content
        ids.append(response.json()["id"])

    # when it registers one more
    response = partner.api.post("/api/v1/webhooks/", body, format="json")

    # then it is refused, naming the limit
    assert response.status_code == 400
    assert "at most 3 webhook endpoints" in response.content.decode()
    assert WebhookEndpoint.objects.filter(organization=partner.organization).count() == 3

    # and another organization is not affected, and deleting one makes room
    other = WebhookEndpointFactory()
    assert other.organization != partner.organization
    assert partner.api.delete(f"/api/v1/webhooks/{ids[0]}/").status_code == 204
    response = partner.api.post("/api/v1/webhooks/", body, format="json")
    assert response.status_code == 201, response.content


# --------------------------------------------------- countdowns and the queue


class _Recorded:
    def __init__(self) -> None:
        self.countdowns: list[float | None] = []


@pytest.fixture
def recorded_enqueues(monkeypatch: Any) -> _Recorded:
    from webhooks.tasks import webhook_deliver_task

    recorded = _Recorded()

    def apply_async(*, kwargs: dict[str, Any], countdown: float | None = None, **_: Any) -> None:
        recorded.countdowns.append(countdown)

    monkeypatch.setattr(webhook_deliver_task, "apply_async", apply_async)
    return recorded


@pytest.mark.parametrize("retry_after", ["3600", "86400"])
def test_a_long_retry_after_is_kept_on_the_delivery_not_on_a_countdown(
    settings: Any,
    monkeypatch: Any,
    recorded_enqueues: _Recorded,
    django_capture_on_commit_callbacks: Any,
    retry_after: str,
) -> None:
    # given a receiver that asks for a wait longer than the visibility timeout
    from webhooks.services import AttemptOutcome

    monkeypatch.setattr(
        "webhooks.services._send",
        lambda **_: AttemptOutcome(429, "HTTP 429", float(retry_after)),
    )
    delivery = WebhookDeliveryFactory()

    # when the attempt is recorded
    with django_capture_on_commit_callbacks(execute=True):
        result = delivery_attempt(delivery_id=delivery.pk)

    # then the wait is honoured on the delivery, and no task waits that long
    assert result is not None
    wait = (result.next_attempt_at - timezone.now()).total_seconds()
    assert int(retry_after) - 5 <= wait <= int(retry_after) + 1
    assert all(c is None or c <= 900 - 60 for c in recorded_enqueues.countdowns)
    assert settings.WEBHOOK_MAX_COUNTDOWN_SECONDS < 900

    # and the due-deliveries sweep queues it once it is due
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timezone.timedelta(seconds=120)
    )
    monkeypatch.setattr(
        "webhooks.tasks.webhook_deliver_task.delay",
        lambda **kw: recorded_enqueues.countdowns.append(None),
    )
    assert due_deliveries_enqueue() == 1


def test_backoff_countdowns_stay_below_the_visibility_timeout(
    monkeypatch: Any, recorded_enqueues: _Recorded, django_capture_on_commit_callbacks: Any
) -> None:
    # given a delivery far into its backoff (waits of up to an hour)
    from webhooks.services import AttemptOutcome

    monkeypatch.setattr("webhooks.services._send", lambda **_: AttemptOutcome(503, "HTTP 503"))
    monkeypatch.setattr("webhooks.services.retry_delay", lambda attempts: 3600.0)
    delivery = WebhookDeliveryFactory(attempts=8)

    with django_capture_on_commit_callbacks(execute=True):
        delivery_attempt(delivery_id=delivery.pk)

    assert all(c is None or c < 900 for c in recorded_enqueues.countdowns)


def test_deliveries_have_a_queue_of_their_own() -> None:
    router = celery_app.amqp.router
    webhook = router.route({}, "webhooks.deliver")
    sweep = router.route({}, "webhooks.deliver_due")
    matching = router.route({}, "matching.project_match")
    assert webhook["queue"].name == "webhooks"
    assert sweep["queue"].name == "webhooks"
    assert matching["queue"].name == celery_app.conf.task_default_queue
