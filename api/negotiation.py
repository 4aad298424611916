"""JSON is the only representation: what a request may ask for, and what it gets otherwise.

Every view renders with ``JSONRenderer`` alone (``DEFAULT_RENDERER_CLASSES``). An
``Accept`` header that JSON satisfies (``application/json``, ``application/*``,
``*/*``, a browser's list that ends in ``*/*``, or none at all) gets JSON; one
that excludes it (``text/html`` alone, an unknown type) gets a 406 in the error
envelope, rendered as JSON. ``?format=`` says the same thing as ``Accept``:
``?format=json`` is JSON, any other value is the same 406 (DRF's default would
answer a 404, as if the route did not exist).
"""

from collections.abc import Iterable
from typing import Any

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer


def _not_acceptable(renderers: Iterable[BaseRenderer]) -> NotAcceptable:
    served = ", ".join(f"`{renderer.media_type}`" for renderer in renderers)
    return NotAcceptable(f"This route serves {served} only.")


class JsonOnlyNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Any, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            raise _not_acceptable(renderers) from None

    def filter_renderers(
        self, renderers: Iterable[BaseRenderer], format: str
    ) -> list[BaseRenderer]:
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            raise _not_acceptable(renderers)
        return matching
