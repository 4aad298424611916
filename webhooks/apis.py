"""Partners' (and clients') webhook endpoints: register, list, show, delete."""

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import ActsForOrganization
from accounts.selectors import caller_organization
from api.idempotency import idempotent_post
from api.openapi import IDEMPOTENCY_KEY_PARAMETER
from api.views import ScopedObjectApi, acting_organization
from webhooks.models import WebhookEndpoint
from webhooks.selectors import endpoint_get, endpoint_list
from webhooks.serializers import (
    WebhookEndpointCreatedSerializer,
    WebhookEndpointInputSerializer,
    WebhookEndpointOutputSerializer,
)
from webhooks.services import endpoint_delete, endpoint_register


class WebhookEndpointListCreateApi(GenericAPIView):
    permission_classes = [ActsForOrganization]
    queryset = WebhookEndpoint.objects.none()
    idempotent = True

    @extend_schema(responses=WebhookEndpointOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        endpoints = endpoint_list(organization=caller_organization(user=request.user))
        page = self.paginate_queryset(endpoints)
        return self.get_paginated_response(WebhookEndpointOutputSerializer(page, many=True).data)

    @extend_schema(
        request=WebhookEndpointInputSerializer,
        responses={201: WebhookEndpointCreatedSerializer},
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
    )
    def post(self, request: Request) -> Response:
        organization = acting_organization(request)

        def create() -> Response:
            serializer = WebhookEndpointInputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            endpoint = endpoint_register(organization=organization, **serializer.validated_data)
            return Response(
                WebhookEndpointCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED
            )

        return idempotent_post(
            request=request, organization=organization, perform=create, shown_once={"secret"}
        )


def _get_endpoint_or_404(request: Request, endpoint_id: int) -> WebhookEndpoint:
    endpoint = endpoint_get(
        endpoint_id=endpoint_id, organization=caller_organization(user=request.user)
    )
    if endpoint is None:
        raise Http404
    return endpoint


class WebhookEndpointDetailApi(ScopedObjectApi):
    permission_classes = [ActsForOrganization]

    def visible_object(self, request: Request, **kwargs: Any) -> object:
        return _get_endpoint_or_404(request, kwargs["endpoint_id"])

    @extend_schema(responses=WebhookEndpointOutputSerializer)
    def get(self, request: Request, endpoint_id: int) -> Response:
        endpoint = _get_endpoint_or_404(request, endpoint_id)
        return Response(WebhookEndpointOutputSerializer(endpoint).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, endpoint_id: int) -> Response:
        endpoint_delete(endpoint=_get_endpoint_or_404(request, endpoint_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
