"""Prometheus metrics of webhook deliveries (README, "Metrics"); exposed at ``/metrics``.

Labelled, so no sample file is opened until a delivery is recorded.
"""

from datetime import datetime

from prometheus_client import Counter, Histogram

DELIVERY_ATTEMPTS = Counter(
    "marketplace_webhook_deliveries",
    "Webhook delivery attempts by outcome: succeeded, retrying (this attempt failed, "
    "another is scheduled) or failed (given up: out of attempts, 410 Gone).",
    ["outcome"],
)
DELIVERY_SECONDS = Histogram(
    "marketplace_webhook_delivery_seconds",
    "How long one delivery attempt took, sending included, by outcome.",
    ["outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)

_OUTCOMES = {"succeeded": "succeeded", "failed": "failed", "pending": "retrying"}


def delivery_recorded(*, status: str, started: datetime | None, at: datetime) -> None:
    outcome = _OUTCOMES.get(status, status)
    DELIVERY_ATTEMPTS.labels(outcome=outcome).inc()
    if started is not None:
        DELIVERY_SECONDS.labels(outcome=outcome).observe(max((at - started).total_seconds(), 0))
