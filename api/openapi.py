"""The OpenAPI document: every operation lists the errors it can answer with.

Errors share one envelope (``api.exceptions.ErrorSerializer``); this
schema class adds the statuses every operation of a kind can produce, so no
view can forget them. Views add the ones only they produce (409, 422) with
``extend_schema(responses=...)``.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.permissions import AllowAny

from api.exceptions import ErrorSerializer
from api.idempotency import MAX_KEY_LENGTH
from api.serializers import StrictInputSerializer

ERROR_DESCRIPTIONS = {
    400: "Invalid input: `fields` names each bad field, header or query parameter.",
    401: "No credentials, or credentials that are invalid, revoked or expired.",
    403: "The caller may not use this operation.",
    404: "Not found, or owned by another organization.",
    406: "The `Accept` header (or `?format=`) excludes `application/json`, the only type served.",
    409: "Conflicts with the current state of the resource.",
    413: "The request body is larger than the limit.",
    415: "The body is not `application/json`.",
    422: "The Idempotency-Key was already used with a different request.",
    429: "Too many requests; retry after the `Retry-After` header's seconds.",
}


def error_response(status: int, description: str | None = None) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description or ERROR_DESCRIPTIONS[status])


IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    name="Idempotency-Key",
    # Visible ASCII, as a header carries it, without blanks at either end (which
    # HTTP strips): never blank, at most MAX_KEY_LENGTH characters.
    type={
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY_LENGTH,
        "pattern": r"^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$",
    },
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "Up to 255 characters, unique per request you mean to make once. A retry "
        "with the same key and the same body replays the first successful "
        "response (with `Idempotent-Replayed: true`); the same key with a "
        "different body is a 422. Keys are per organization. Failed requests "
        "(4xx) do not use up the key."
    ),
)


class MarketplaceAutoSchema(AutoSchema):
    def _error_statuses(self) -> list[int]:
        statuses = [406, 429]
        if not all(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            statuses += [401, 403]
        if "{" in self.path:
            statuses.append(404)
        if self.method in {"POST", "PUT", "PATCH"}:
            statuses += [400, 413, 415]
        if self.method == "POST" and getattr(self.view, "idempotent", False):
            statuses.append(422)
        return sorted(statuses)

    def _map_serializer(
        self, serializer: Any, direction: Any, bypass_extensions: bool = False
    ) -> Any:
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request" and isinstance(serializer, StrictInputSerializer):
            # A strict serializer refuses unknown fields with a 400: say so.
            schema["additionalProperties"] = False
        return schema

    def _get_response_bodies(self, direction: Any = "response") -> Any:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for status in self._error_statuses():
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(
                    error_response(status), str(status), direction=direction
                )
        return dict(sorted(responses.items()))
