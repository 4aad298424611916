"""An httpx transport that connects only to the address it has checked.

The host is resolved and checked once per request (``url_guard``), then the
request goes to that IP with the original ``Host`` header and, for HTTPS, the
original name as SNI and for certificate verification. Redirects are never
followed by the client that uses it.
"""

import time

import httpcore
import httpx

from webhooks.deadline import DeadlineBackend
from webhooks.url_guard import UnsafeTarget, target_resolve


class GuardedTransport(httpx.HTTPTransport):
    def __init__(self, *, deadline_seconds: float | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        if deadline_seconds is not None:
            # The same pool httpx builds, on a network backend that ends the
            # whole request at the deadline (see webhooks.deadline).
            self._pool = httpcore.ConnectionPool(
                ssl_context=httpx.create_ssl_context(),
                retries=0,
                network_backend=DeadlineBackend(time.monotonic() + deadline_seconds),
            )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        target = target_resolve(request.url)  # raises UnsafeTarget
        address = target.addresses[0]
        if request.url.scheme == "https":
            # Certificates are checked against the name, not the address.
            request.extensions = {**request.extensions, "sni_hostname": target.host}
        # httpx built the Host header from the original URL already.
        request.url = request.url.copy_with(host=str(address))
        return super().handle_request(request)


def guarded_client(*, timeout: float, deadline_seconds: float | None = None) -> httpx.Client:
    """A client for one request: ``timeout`` per network step, ``deadline_seconds`` in all."""
    return httpx.Client(
        transport=GuardedTransport(retries=0, deadline_seconds=deadline_seconds),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,  # a proxy from the environment would bypass the address check
    )


__all__ = ["GuardedTransport", "UnsafeTarget", "guarded_client"]
