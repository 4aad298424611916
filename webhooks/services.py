"""Writes for webhooks: endpoints, publishing events, and delivering them.

Deliveries follow the Standard Webhooks specification: ``webhook-id`` is the
delivery's ``message_id`` (stable across retries, so receivers can dedupe),
``webhook-timestamp`` is fresh on every attempt, and ``webhook-signature`` is
made by the reference ``standardwebhooks`` library.
"""

import base64
import json
import logging
import secrets
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from standardwebhooks import Webhook

from accounts.models import Organization
from webhooks import metrics
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.transport import guarded_client
from webhooks.url_guard import UnsafeTarget, url_check

logger = logging.getLogger(__name__)

EVENT_PROJECT_MATCHED = "project.matched"
EVENT_MATCH_UPDATED = "match.updated"
EVENTS = (EVENT_PROJECT_MATCHED, EVENT_MATCH_UPDATED)

WHSEC_PREFIX = "whsec_"
SECRET_BYTES = 32
# Retries wait 30 s, 1 min, 2 min, ... doubling up to an hour, each with jitter.
RETRY_BASE_SECONDS = 30
RETRY_CAP_SECONDS = 3600
# A receiver's Retry-After is honoured up to a day.
RETRY_AFTER_CAP_SECONDS = 86_400
USER_AGENT = "marketplace-webhooks/1.0"

_random = secrets.SystemRandom()


def secret_generate() -> str:
    return WHSEC_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


@transaction.atomic
def endpoint_register(
    *, organization: Organization, url: str, events: Sequence[str]
) -> WebhookEndpoint:
    """Register a URL for some events; its secret is returned once, by the caller's view."""
    try:
        url_check(url)
    except UnsafeTarget as exc:
        raise ValidationError({"url": [str(exc)]}) from None
    unknown = sorted(set(events) - set(EVENTS))
    if unknown or not events:
        raise ValidationError({"events": [f"Choose from {', '.join(EVENTS)}."]})
    # Each endpoint costs a delivery per event: bound what one tenant can fan
    # out. The organization's row is the lock, so parallel registrations
    # cannot both take the last place.
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    limit = settings.WEBHOOK_MAX_ENDPOINTS_PER_ORGANIZATION
    registered = WebhookEndpoint.objects.filter(
        organization=organization, deleted_at__isnull=True
    ).count()
    if registered >= limit:
        raise ValidationError(
            {
                "url": [
                    f"An organization may register at most {limit} webhook endpoints; "
                    "delete one before adding another."
                ]
            }
        )
    endpoint = WebhookEndpoint(
        organization=organization,
        url=url,
        events=list(dict.fromkeys(events)),
        secret=secret_generate(),
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


@transaction.atomic
def endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Stop sending to the endpoint; its delivery log stays for staff."""
    now = timezone.now()
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    endpoint.is_active = False
    endpoint.deleted_at = now
    endpoint.disabled_at = endpoint.disabled_at or now
    endpoint.disabled_reason = endpoint.disabled_reason or "Deleted by its owner."
    endpoint.save(update_fields=["is_active", "deleted_at", "disabled_at", "disabled_reason"])
    endpoint.deliveries.filter(status=WebhookDelivery.Status.PENDING).update(
        status=WebhookDelivery.Status.FAILED,
        last_error="The endpoint was deleted before delivery.",
        next_attempt_at=None,
    )


def _enqueue(delivery_id: int, *, countdown: float | None = None) -> None:
    """Queue an attempt after the transaction commits.

    A countdown longer than ``WEBHOOK_MAX_COUNTDOWN_SECONDS`` is not queued
    at all: Redis would hand the waiting (unacknowledged) message out again
    every visibility timeout. ``next_attempt_at`` holds the time, and the
    beat-driven ``due_deliveries_enqueue`` queues the attempt once it is due.
    """
    from webhooks.tasks import webhook_deliver_task

    if countdown is not None and countdown > settings.WEBHOOK_MAX_COUNTDOWN_SECONDS:
        return

    transaction.on_commit(
        lambda: webhook_deliver_task.apply_async(
            kwargs={"delivery_id": delivery_id}, countdown=countdown
        )
    )


@transaction.atomic
def event_publish(
    *, organization: Organization, event: str, payload: Mapping[str, Any]
) -> list[WebhookDelivery]:
    """Queue one delivery of the event to each active endpoint of the organization that wants it.

    Deliveries are sent by a task after the transaction commits, so an event
    of a rolled-back change is never sent.
    """
    if event not in EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    endpoints = WebhookEndpoint.objects.filter(
        organization=organization, is_active=True, deleted_at__isnull=True
    )
    deliveries = []
    # ``events`` is a JSON list; filtering in Python works the same on every database.
    for endpoint in endpoints:
        if event not in endpoint.events:
            continue
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, payload=dict(payload)
        )
        _enqueue(delivery.pk)
        deliveries.append(delivery)
    return deliveries


def delivery_body(delivery: WebhookDelivery) -> str:
    """The JSON body: the same bytes on every attempt."""
    envelope = {
        "type": delivery.event,
        "timestamp": delivery.created_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "data": delivery.payload,
    }
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


def delivery_headers(*, delivery: WebhookDelivery, secret: str, body: str) -> dict[str, str]:
    now = datetime.now(tz=UTC)
    return {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(delivery.message_id, now, body),
    }


@dataclass(frozen=True)
class AttemptOutcome:
    status_code: int | None
    error: str = ""
    retry_after: float | None = None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds (``120``) or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or timezone.now())).total_seconds()
    return min(max(seconds, 1.0), RETRY_AFTER_CAP_SECONDS)


def retry_delay(attempts: int) -> float:
    """Exponential backoff with jitter, capped at an hour: half fixed, half random."""
    delay = min(RETRY_CAP_SECONDS, RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    return delay / 2 + _random.uniform(0, delay / 2)


def _send(*, url: str, body: str, headers: Mapping[str, str]) -> AttemptOutcome:
    deadline = settings.WEBHOOK_ATTEMPT_DEADLINE_SECONDS
    started = time.monotonic()
    try:
        with guarded_client(
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS, deadline_seconds=deadline
        ) as client:
            response = client.post(url, content=body.encode(), headers=dict(headers))
    except UnsafeTarget as exc:
        return AttemptOutcome(None, f"Refused: {exc}")
    except httpx.TimeoutException as exc:
        if time.monotonic() - started >= deadline - 0.05:
            return AttemptOutcome(None, f"No complete answer within {deadline} s.")
        return AttemptOutcome(None, f"{type(exc).__name__}: {exc}"[:1000])
    except httpx.HTTPError as exc:
        return AttemptOutcome(None, f"{type(exc).__name__}: {exc}"[:1000])
    code = response.status_code
    if 200 <= code < 300:
        return AttemptOutcome(code)
    if 300 <= code < 400:
        location = response.headers.get("location", "")
        return AttemptOutcome(code, f"Redirect to {location!r} not followed."[:1000])
    error = f"HTTP {code}: {response.text[:500]}"
    if code == 429:
        return AttemptOutcome(code, error, retry_after_seconds(response.headers.get("retry-after")))
    return AttemptOutcome(code, error)


def _claim(delivery_id: int) -> tuple[WebhookDelivery, WebhookEndpoint] | None:
    """Take the delivery for one attempt, or None if it is done, not due, or taken."""
    now = timezone.now()
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
            return None
        if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
            return None
        endpoint = WebhookEndpoint.objects.get(pk=delivery.endpoint_id)
        if not endpoint.is_active:
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.last_error = f"Endpoint disabled: {endpoint.disabled_reason or 'no reason'}"
            delivery.next_attempt_at = None
            delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
            return None
        if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            # Checked here, not only when an attempt's outcome is recorded: an
            # attempt whose worker died never records one, and would
            # otherwise be retried for ever.
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.last_error = (
                f"Gave up after {delivery.attempts} attempts; the last ended with: "
                f"{delivery.last_error or 'no answer recorded (the attempt was cut off)'}"
            )[:1000]
            delivery.next_attempt_at = None
            delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
            logger.warning(
                "webhook delivery abandoned",
                extra={"delivery": delivery.message_id, "error": delivery.last_error},
            )
            return None
        delivery.attempts += 1
        delivery.last_attempt_at = now
        # Until the attempt records its outcome this reads "cut off", so an
        # attempt killed with its worker still leaves a reason behind.
        delivery.last_error = "The attempt did not finish (its worker stopped or was killed)."
        delivery.last_status_code = None
        # A lease: a second worker running the same task meanwhile finds it
        # not due; it outlasts the attempt's deadline and the task's time limit.
        delivery.next_attempt_at = now + timedelta(seconds=settings.WEBHOOK_TASK_TIME_LIMIT + 30)
        delivery.save(
            update_fields=[
                "attempts",
                "last_attempt_at",
                "last_error",
                "last_status_code",
                "next_attempt_at",
            ]
        )
        return delivery, endpoint


def delivery_attempt(*, delivery_id: int) -> WebhookDelivery | None:
    """Send one attempt of a delivery if it is due; safe to run twice.

    A delivered (or abandoned) delivery is never sent again; the HTTP call
    runs outside any transaction so no lock is held while waiting on a
    receiver.
    """
    claimed = _claim(delivery_id)
    if claimed is None:
        return WebhookDelivery.objects.filter(pk=delivery_id).first()
    delivery, endpoint = claimed
    try:
        body = delivery_body(delivery)
        outcome = _send(
            url=endpoint.url,
            body=body,
            headers=delivery_headers(delivery=delivery, secret=endpoint.secret, body=body),
        )
    except Exception as exc:
        # Whatever ends the attempt (the task's soft time limit included) is
        # recorded as its outcome, so it counts and is retried like any other.
        logger.warning(
            "webhook attempt interrupted",
            exc_info=True,
            extra={"delivery": delivery.message_id},
        )
        outcome = AttemptOutcome(None, f"The attempt was interrupted: {type(exc).__name__}.")
    return _record(delivery_id=delivery.pk, outcome=outcome)


@transaction.atomic
def _record(*, delivery_id: int, outcome: AttemptOutcome) -> WebhookDelivery:
    now = timezone.now()
    delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error
    if outcome.succeeded:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif outcome.status_code == 410:
        # 410 Gone: the receiver says the endpoint no longer exists; stop for good.
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
        endpoint.is_active = False
        endpoint.disabled_at = now
        endpoint.disabled_reason = (
            f"The endpoint answered 410 Gone to delivery {delivery.message_id} at "
            f"{now.isoformat()}."
        )
        endpoint.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delay = outcome.retry_after or retry_delay(delivery.attempts)
        delivery.next_attempt_at = now + timedelta(seconds=delay)
        _enqueue(delivery.pk, countdown=delay)
    delivery.save()
    if delivery.status == WebhookDelivery.Status.FAILED:
        logger.warning(
            "webhook delivery abandoned",
            extra={"delivery": delivery.message_id, "error": delivery.last_error},
        )
    metrics.delivery_recorded(status=delivery.status, started=delivery.last_attempt_at, at=now)
    return delivery


def due_deliveries_enqueue() -> int:
    """Re-queue pending deliveries whose retry is overdue (a lost task, a restarted broker)."""
    overdue = timezone.now() - timedelta(seconds=60)
    ids = list(
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING)
        .filter(
            Q(next_attempt_at__lte=overdue)
            | Q(next_attempt_at__isnull=True, created_at__lte=overdue)
        )
        .values_list("pk", flat=True)[:1000]
    )
    from webhooks.tasks import webhook_deliver_task

    for delivery_id in ids:
        webhook_deliver_task.delay(delivery_id=delivery_id)
    return len(ids)
