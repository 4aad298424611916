from rest_framework import serializers

from api.serializers import StrictInputSerializer
from webhooks.models import WebhookEndpoint
from webhooks.services import EVENTS


class WebhookEndpointInputSerializer(StrictInputSerializer):
    url = serializers.URLField(
        max_length=2000,
        help_text=("An http(s) URL without credentials that resolves only to public addresses."),
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENTS), min_length=1, max_length=len(EVENTS)
    )


class WebhookEndpointOutputSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENTS), read_only=True)

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "events", "is_active", "disabled_reason", "created_at"]
        read_only_fields = fields


class WebhookEndpointCreatedSerializer(WebhookEndpointOutputSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text=(
            "The signing secret (`whsec_` + base64), shown only in this response: "
            "verify deliveries with it (Standard Webhooks). A replay of the request "
            "(same `Idempotency-Key`) answers the same body with this field saying the "
            "secret was already shown, never the secret."
        ),
    )

    class Meta(WebhookEndpointOutputSerializer.Meta):
        fields = [*WebhookEndpointOutputSerializer.Meta.fields, "secret"]
        read_only_fields = fields
