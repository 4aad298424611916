"""Reads for webhooks: endpoints scoped to the caller's organization; failing deliveries."""

from django.db.models import Q, QuerySet

from accounts.models import Organization
from webhooks.models import WebhookDelivery, WebhookEndpoint


def endpoint_list(*, organization: Organization | None) -> QuerySet[WebhookEndpoint]:
    """The organization's endpoints that were not deleted (disabled ones stay visible)."""
    if organization is None:
        return WebhookEndpoint.objects.none()
    return WebhookEndpoint.objects.filter(organization=organization, deleted_at__isnull=True)


def endpoint_get(*, endpoint_id: int, organization: Organization | None) -> WebhookEndpoint | None:
    return endpoint_list(organization=organization).filter(pk=endpoint_id).first()


def failing_delivery_q() -> Q:
    """Deliveries that gave up, or that are still retrying after a failed attempt."""
    return Q(status=WebhookDelivery.Status.FAILED) | Q(
        status=WebhookDelivery.Status.PENDING, attempts__gt=1
    )
