"""GET responses rendered once and served from the cache until a write changes them.

A view hands ``cached_read`` a *stamp* (what the response depends on, read from
the database before anything else: e.g. a project's id and ``read_version``,
which every write that changes the response bumps in its own transaction) and
the function that renders the response the ordinary way. A hit returns the
bytes that function's response rendered to; a miss runs it, and its rendered
content (only a 200 in JSON) is stored. There is no second copy of any output
shape: what is cached is what the view's own serializers produced.

Why it is never stale: the stamp is read first. A reader that sees a new
version reads the committed rows of the write that set it; a reader that saw
an old version may store newer rows under it, which nobody asks for once the
version moved on. The key also holds the serializers' source (a deploy that
changes the shape never reads an older shape), the full URL (filters, pages
and the host in ``next``/``previous`` links) and the accepted media type.
"""

import hashlib
import inspect
import logging
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import django
import rest_framework
from django.conf import settings
from django.core.cache import cache as shared_cache
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

logger = logging.getLogger(__name__)

_PREFIX = "reads:v1"


class RenderedResponse(Response):
    """A response whose body was rendered earlier, by the same renderer, for the same URL."""

    def __init__(self, body: bytes) -> None:
        super().__init__()
        self._body = body

    # Django's stubs say str; Django and DRF's own Response render to bytes.
    @property
    def rendered_content(self) -> bytes:  # type: ignore[override]
        renderer = self.accepted_renderer
        # As Response.rendered_content sets it, for the same renderer.
        self["Content-Type"] = (
            f"{renderer.media_type}; charset={renderer.charset}"
            if renderer.charset
            else renderer.media_type
        )
        return self._body


@cache
def shape_fingerprint(*parts: type) -> str:
    """A digest of the code that renders a response: its classes' modules, DRF and Django."""
    digest = hashlib.sha256(f"{django.__version__}/{rest_framework.VERSION}".encode())
    for module_name in sorted({part.__module__ for part in parts}):
        digest.update(inspect.getsource(sys.modules[module_name]).encode())
    for part in parts:
        # A serializer's fields as built (nested ones included), should they
        # come from somewhere its module does not show.
        if hasattr(part, "_declared_fields"):
            digest.update(repr(part()).encode())
    return digest.hexdigest()[:16]


def cached_read(
    *,
    request: Request,
    stamp: str,
    shape: Iterable[type],
    render: Callable[[], Response],
) -> Response:
    """The response ``render`` gives, from the cache when ``stamp`` has not moved."""
    renderer = getattr(request, "accepted_renderer", None)
    if type(renderer) is not JSONRenderer:
        return render()  # the browsable API and other renderers: nothing cached
    fingerprint = shape_fingerprint(*shape)
    address = f"{request.accepted_media_type}\n{request.build_absolute_uri()}"
    key = f"{_PREFIX}:{fingerprint}:{stamp}:{hashlib.sha256(address.encode()).hexdigest()}"
    body = _cache_get(key)
    if body is not None:
        return RenderedResponse(body)
    response = render()
    if response.status_code == 200:
        response.add_post_render_callback(lambda rendered: _cache_set(key, rendered.content))
    return response


def _cache_get(key: str) -> bytes | None:
    try:
        value: Any = shared_cache.get(key)
    except Exception:
        # A cache outage costs speed, never the answer.
        logger.warning("read cache unavailable", exc_info=True)
        return None
    return value if isinstance(value, bytes) else None


def _cache_set(key: str, body: bytes) -> None:
    try:
        shared_cache.set(key, body, timeout=settings.READ_CACHE_SECONDS)
    except Exception:
        logger.warning("read cache unavailable", exc_info=True)
