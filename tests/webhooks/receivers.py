"""Webhook receivers that misbehave, for tests: one drips its answer, one never answers."""

import socket
import threading
import time


class DrippingReceiver:
    """Accepts a connection and sends its answer one byte at a time, never finishing in time."""

    def __init__(self, *, interval: float, total: float) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.interval = interval
        self.total = total
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        answer = b"HTTP/1.1 200 OK\r\nx-slow: " + b"y" * 10_000
        started = time.monotonic()
        try:
            conn.recv(65536)
            for byte in answer:
                if time.monotonic() - started > self.total:
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.interval)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.listener.close()


class SilentReceiver:
    """Accepts connections and reads the request, then never answers (until closed)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.connections = 0
        self._open: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(conn)

    def close(self) -> None:
        self.listener.close()
        for conn in self._open:
            conn.close()
