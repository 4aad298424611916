"""Reads for webhooks, scoped to the caller's organization."""

from django.db.models import QuerySet

from accounts.models import Organization
from webhooks.models import WebhookEndpoint


def endpoint_list(*, organization: Organization | None) -> QuerySet[WebhookEndpoint]:
    """The organization's endpoints that were not deleted (disabled ones stay visible)."""
    if organization is None:
        return WebhookEndpoint.objects.none()
    return WebhookEndpoint.objects.filter(organization=organization, deleted_at__isnull=True)


def endpoint_get(*, endpoint_id: int, organization: Organization | None) -> WebhookEndpoint | None:
    return endpoint_list(organization=organization).filter(pk=endpoint_id).first()
