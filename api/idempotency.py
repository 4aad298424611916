"""``Idempotency-Key`` for POSTs: a retry replays the first response.

Keys are per organization. The key row is inserted first, inside the same
transaction as the work, so that two concurrent requests with one key are
serialised by the unique constraint (PostgreSQL makes the second insert wait
for the first transaction, then fail; SQLite's IMMEDIATE transactions queue
the writers): exactly one does the work, the other replays its response.
A request that fails (an exception, a 4xx) rolls the key back with it, so a
corrected retry may use the same key.

A value shown only once (a webhook's signing secret) is never stored: the
record keeps the body with that field replaced by ``ALREADY_SHOWN``, and a
replay answers that, so a repeated request (even after the endpoint is gone)
cannot read the secret again, and neither can anyone who reads the table.
"""

import hashlib
import json
from collections.abc import Callable, Collection
from typing import Any

from django.db import IntegrityError, transaction
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import Organization
from api.exceptions import Conflict, UnprocessableEntity
from api.parsers import TOO_DEEP
from marketplace.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
REPLAYED_HEADER = "Idempotent-Replayed"
ALREADY_SHOWN = "Not shown again: it was shown once, in the first response to this Idempotency-Key."


def _key_from(request: Request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    problem = None
    if not key.strip():
        problem = "Must not be blank."
    elif len(key) > MAX_KEY_LENGTH:
        problem = f"Must be at most {MAX_KEY_LENGTH} characters."
    elif not key.isprintable():
        problem = "Must contain printable characters only."
    if problem:
        raise exceptions.ValidationError({HEADER: [problem]})
    return key


def request_fingerprint(request: Request) -> str:
    """The same JSON body (whatever its key order or spacing) gives the same fingerprint."""
    try:
        body = json.dumps(request.data, sort_keys=True, separators=(",", ":"), default=str)
    except RecursionError:
        raise exceptions.ParseError(TOO_DEEP) from None
    return hashlib.sha256(f"{request.method}\n{request.path}\n{body}".encode()).hexdigest()


def _replay(record: IdempotencyKey, *, method: str, path: str, fingerprint: str) -> Response:
    if record.method != method or record.path != path or record.request_fingerprint != fingerprint:
        raise UnprocessableEntity(
            "This Idempotency-Key was already used with a different request; "
            "use a new key for a new request.",
            code="idempotency_key_reused",
        )
    if record.response_status is None:
        # Only visible where a database does not serialise the twins (never on
        # PostgreSQL or SQLite as configured); say so rather than guess.
        raise Conflict("A request with this Idempotency-Key is still in progress; retry shortly.")
    response = Response(record.response_body, status=record.response_status)
    response[REPLAYED_HEADER] = "true"
    return response


def replayable_body(body: Any, *, shown_once: Collection[str]) -> Any:
    """The body as a replay may show it: each field in ``shown_once`` says it was shown."""
    if not shown_once or not isinstance(body, dict):
        return body
    return {name: ALREADY_SHOWN if name in shown_once else value for name, value in body.items()}


def idempotent_post(
    *,
    request: Request,
    organization: Organization,
    perform: Callable[[], Response],
    shown_once: Collection[str] = (),
) -> Response:
    """Run ``perform`` once per (organization, Idempotency-Key); replay it afterwards.

    ``shown_once`` names top-level fields of the response (secrets) that the
    first response carries and a replay replaces with ``ALREADY_SHOWN``.
    """
    key = _key_from(request)
    if key is None:
        return perform()
    fingerprint = request_fingerprint(request)
    method, path = request.method or "POST", request.path
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    organization=organization,
                    key=key,
                    method=method,
                    path=path[:500],
                    request_fingerprint=fingerprint,
                )
        except IntegrityError:
            # Someone (a retry, or a concurrent twin that has now committed) got here first.
            record = IdempotencyKey.objects.get(organization=organization, key=key)
            return _replay(record, method=method, path=path[:500], fingerprint=fingerprint)
        response = perform()
        if not 200 <= response.status_code < 300:
            # Only successes are remembered: roll the key back with the request.
            transaction.set_rollback(True)
            return response
        record.response_status = response.status_code
        record.response_body = replayable_body(response.data, shown_once=shown_once)
        record.save(update_fields=["response_status", "response_body"])
        return response
