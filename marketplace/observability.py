"""Structured logs that carry a request id from the web request into tasks.

The id lives in a context variable: the middleware sets it for a request,
Celery's publish signal copies it into the task's headers, and the prerun
signal restores it in the worker, so one grep follows a brief end to end.
"""

import json
import logging
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
_MAX_INBOUND_ID_LENGTH = 64


def new_request_id(inbound: str | None = None) -> str:
    """Keep a caller's id when it is sane, so their logs and ours line up."""
    if inbound and len(inbound) <= _MAX_INBOUND_ID_LENGTH and inbound.isprintable():
        candidate = inbound.strip()
        # ASCII only: ids end up in headers and log queries, where look-alike
        # letters and control characters only cause trouble.
        if candidate and all(ch.isascii() and (ch.isalnum() or ch in "-_.:") for ch in candidate):
            return candidate
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


_STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: what log shippers index without parsing rules."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)
