"""The Swagger UI page for the OpenAPI document.

A module of its own: drf-spectacular's views import the schema class
(``api.openapi``) while they are defined.
"""

from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.renderers import BaseRenderer, JSONRenderer


class ApiDocsView(SpectacularSwaggerView):
    """The page is HTML; every other answer of its route (OPTIONS, a 405) is JSON.

    drf-spectacular's view renders only templates, and an OPTIONS answer has none: a 500.
    """

    def get_renderers(self) -> list[BaseRenderer]:
        if self.request.method in {"GET", "HEAD"}:
            return super().get_renderers()
        return [JSONRenderer()]
