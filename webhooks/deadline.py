"""A wall-clock deadline for a whole HTTP request, enforced at the socket.

httpx's timeouts are per network step: a receiver that sends one byte every
few seconds (of its headers or of its body) never trips a 10 s read timeout
and holds the worker for as long as it likes. This network backend gives
every connect, TLS handshake, read and write only what is left of one
deadline, so the whole attempt ends by then whatever the receiver does.
"""

import time
from collections.abc import Iterable
from typing import Any

import httpcore
from httpcore._backends.sync import SyncBackend


def _left(deadline: float, timeout: float | None) -> float:
    left = deadline - time.monotonic()
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = _left(self._deadline, timeout)
        if left <= 0:
            raise httpcore.ReadTimeout("the attempt's deadline passed")
        return self._stream.read(max_bytes, left)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        left = _left(self._deadline, timeout)
        if left <= 0:
            raise httpcore.WriteTimeout("the attempt's deadline passed")
        self._stream.write(buffer, left)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(self._deadline, timeout)
        if left <= 0:
            raise httpcore.ConnectTimeout("the attempt's deadline passed")
        tls = self._stream.start_tls(ssl_context, server_hostname, left)
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Opens TCP connections whose every step is bounded by one monotonic deadline."""

    def __init__(self, deadline: float) -> None:
        self._backend = SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(self._deadline, timeout)
        if left <= 0:
            raise httpcore.ConnectTimeout("the attempt's deadline passed")
        stream = self._backend.connect_tcp(
            host, port, timeout=left, local_address=local_address, socket_options=socket_options
        )
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("webhooks never connect to unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline - time.monotonic())))
