from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.selectors import failing_delivery_q


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "organization", "is_active", "created_at"]
    list_filter = ["is_active"]
    list_select_related = ["organization"]
    search_fields = ["url", "organization__name"]
    # The signing secret is shown once, to the partner who registered the endpoint.
    exclude = ["secret"]


class FailingFilter(admin.SimpleListFilter):
    title = "failing"
    parameter_name = "failing"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Gave up, or retrying after a failure")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]
    ) -> QuerySet[WebhookDelivery]:
        if self.value() == "yes":
            return queryset.filter(failing_delivery_q())
        return queryset


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "message_id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = [FailingFilter, "status", "event"]
    list_select_related = ["endpoint"]
    search_fields = ["message_id", "endpoint__url"]

    # Deliveries are the sender's log; a changed row would lie about what was sent.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
