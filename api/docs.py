"""The Swagger UI page for the OpenAPI document, under a strict Content Security Policy.

A module of its own: drf-spectacular's views import the schema class
(``api.openapi``) while they are defined. Swagger UI is a pinned build served
from our own static files (``drf-spectacular-sidecar``), never a CDN, and the
page's script is served by the same route (``?script=``) rather than inline, so
the policy allows scripts from this origin only.
"""

from typing import Any

from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        # Swagger UI sets style attributes from its script.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)


class ApiDocsView(SpectacularSwaggerSplitView):
    """The page is HTML; every other answer of its route (OPTIONS, a 405) is JSON.

    drf-spectacular's view renders only templates, and an OPTIONS answer has none: a 500.
    """

    def get_renderers(self) -> list[BaseRenderer]:
        if self.request.method in {"GET", "HEAD"}:
            return super().get_renderers()
        return [JSONRenderer()]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response
