"""Every API answer says that it depends on ``Accept``.

With one renderer DRF leaves out ``Vary: Accept`` (it adds it only when it can
choose between several), yet the answer still depends on the header: JSON, or
a 406 for an ``Accept`` that excludes it. A shared cache must not serve one for
the other.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from rest_framework.response import Response


class VaryOnAcceptMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if isinstance(response, Response):
            patch_vary_headers(response, ["Accept"])
        return response
