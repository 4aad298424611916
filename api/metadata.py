"""What ``OPTIONS`` answers on every route: its path and methods, never its serializers.

DRF's default metadata introspects a view's ``serializer_class`` (these views
have none: each names its input and output serializers itself) and fails with
a 500. The request and response bodies are in the OpenAPI document; this
answers ``{"name", "path", "methods", "schema"}`` with the ``Allow`` header
DRF sets on every response. The caller is authenticated and, on a route that
names one of their objects, the object is looked up first (``ScopedObjectApi``),
as for any other method.
"""

import re
from typing import Any

from django.urls import reverse
from rest_framework.metadata import BaseMetadata
from rest_framework.request import Request

_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def route_template(request: Request) -> str:
    """The route as the OpenAPI document writes it: ``/api/v1/projects/{project_id}/``."""
    match = request.resolver_match
    if match is None:
        return str(request.path)
    return "/" + _CONVERTER.sub(r"{\1}", match.route)


class RouteMetadata(BaseMetadata):
    def determine_metadata(self, request: Request, view: Any) -> dict[str, Any]:
        match = request.resolver_match
        return {
            "name": match.url_name if match is not None else None,
            "path": route_template(request),
            "methods": list(view.allowed_methods),
            "schema": reverse("schema"),
        }
