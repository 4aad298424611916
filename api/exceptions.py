"""One JSON error format for every API error.

``{"code": "invalid", "detail": "...", "fields": {"title": ["..."]}}``:
``code`` is machine-readable, ``detail`` is for people, and ``fields`` (only
on validation errors) names each bad field with its problems.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from marketplace.errors import DomainError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class UnprocessableEntity(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "The request cannot be processed."
    default_code = "unprocessable"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class ErrorSerializer(serializers.Serializer):
    """The error envelope, for the OpenAPI document."""

    code = serializers.CharField(help_text="Machine-readable error code, e.g. `invalid`.")
    detail = serializers.CharField(help_text="What went wrong, for people.")

    def get_fields(self) -> dict[str, serializers.Field]:
        # A field named "fields" cannot be declared: it would shadow Serializer.fields.
        fields = super().get_fields()
        fields["fields"] = serializers.DictField(
            child=serializers.JSONField(),
            required=False,
            help_text=(
                "Only on validation errors (400): each bad field (or header, or query "
                "parameter) with a list of its problems; nested fields nest."
            ),
        )
        return fields


def _django_validation_detail(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
    return {"non_field_errors": [str(m) for m in exc.messages]}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, DomainError):
        # A service's refusal: one mapping here, no view catches them by hand.
        if exc.kind == "invalid":
            exc = exceptions.ValidationError({"non_field_errors": [str(exc)]})
        else:
            exc = Conflict(str(exc))
    elif isinstance(exc, DjangoValidationError):
        # A model's full_clean() in a service: the same 400 as a serializer's.
        exc = exceptions.ValidationError(_django_validation_detail(exc))

    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response

    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "code": "invalid",
            "detail": "Invalid input: " + ", ".join(str(name) for name in fields) + ".",
            "fields": fields,
        }
    else:
        detail = exc.detail
        codes = exc.get_codes()
        response.data = {
            "code": codes if isinstance(codes, str) else exc.default_code,
            "detail": str(detail) if not isinstance(detail, (dict, list)) else detail,
        }
    return response
