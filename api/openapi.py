"""The OpenAPI document: every operation lists the errors it can answer with.

Errors share one envelope (``api.exceptions.ErrorSerializer``); this
schema class adds the statuses every operation of a kind can produce, so no
view can forget them. Views add the ones only they produce (409, 422) with
``extend_schema(responses=...)``.

``add_links`` then says where the ids an answer carries lead: OpenAPI links
from each create (or, where nothing creates, each list) to the operations on
the object it names, so a client, or a stateful fuzzer, can follow them.
"""

import re
from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.permissions import AllowAny

from api.exceptions import ErrorSerializer
from api.idempotency import MAX_KEY_LENGTH
from api.serializers import StrictInputSerializer

ERROR_DESCRIPTIONS = {
    400: "Invalid input: `fields` names each bad field, header or query parameter.",
    401: "No credentials, or credentials that are invalid, revoked or expired.",
    403: "The caller may not use this operation.",
    404: "Not found, or owned by another organization.",
    406: "The `Accept` header (or `?format=`) excludes `application/json`, the only type served.",
    409: "Conflicts with the current state of the resource.",
    413: "The request body is larger than the limit.",
    415: "The body is not `application/json`.",
    422: "The Idempotency-Key was already used with a different request.",
    429: "Too many requests; retry after the `Retry-After` header's seconds.",
}


def error_response(status: int, description: str | None = None) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description or ERROR_DESCRIPTIONS[status])


IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    name="Idempotency-Key",
    # Visible ASCII, as a header carries it, without blanks at either end (which
    # HTTP strips): never blank, at most MAX_KEY_LENGTH characters.
    type={
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY_LENGTH,
        "pattern": r"^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$",
    },
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "Up to 255 characters, unique per request you mean to make once. A retry "
        "with the same key and the same body replays the first successful "
        "response (with `Idempotent-Replayed: true`); the same key with a "
        "different body is a 422. Keys are per organization. Failed requests "
        "(4xx) do not use up the key."
    ),
)


class MarketplaceAutoSchema(AutoSchema):
    def _error_statuses(self) -> list[int]:
        statuses = [406, 429]
        if not all(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            statuses += [401, 403]
        if "{" in self.path:
            statuses.append(404)
        if self.method in {"POST", "PUT", "PATCH"}:
            statuses += [400, 413, 415]
        if self.method == "POST" and getattr(self.view, "idempotent", False):
            statuses.append(422)
        return sorted(statuses)

    def _map_serializer(
        self, serializer: Any, direction: Any, bypass_extensions: bool = False
    ) -> Any:
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request" and isinstance(serializer, StrictInputSerializer):
            # A strict serializer refuses unknown fields with a 400: say so.
            schema["additionalProperties"] = False
        return schema

    def _get_response_bodies(self, direction: Any = "response") -> Any:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for status in self._error_statuses():
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(
                    error_response(status), str(status), direction=direction
                )
        return dict(sorted(responses.items()))


_PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _id_in_answer(document: dict[str, Any], method: str, operation: dict[str, Any]) -> str | None:
    """Where the answer carries the id of the object it names.

    A create's 201 carries it at the top; a list's 200 in each result.
    """
    status = "201" if method == "post" else "200"
    content = operation.get("responses", {}).get(status, {}).get("content", {})
    if "application/json" not in content:
        return None
    schema = _resolve(document, content["application/json"]["schema"])
    if method == "post" and "id" in schema.get("properties", {}):
        return "$response.body#/id"
    results = schema.get("properties", {}).get("results", {})
    if method == "get" and "id" in _resolve(document, results.get("items", {})).get(
        "properties", {}
    ):
        return "$response.body#/results/0/id"
    return None


def add_links(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Link a collection's create (or list) to the operations one level below it.

    ``POST /projects/`` answers with a project whose ``id`` is the ``project_id`` of
    ``/projects/{project_id}/`` and ``/projects/{project_id}/matches/``; the path
    parameters both already share come from the request. Derived from the paths,
    so a new resource gets its links without a list to keep.
    """
    paths = result.get("paths", {})
    for path, operations in paths.items():
        own = set(_PATH_PARAMETER.findall(path))
        for method, operation in operations.items():
            id_expression = _id_in_answer(result, method, operation)
            # A list leads on only where nothing creates (matches come from ranking):
            # elsewhere the create's answer is the id to follow, and a list may be empty.
            if (
                id_expression is None
                or path.endswith("}/")
                or (method == "get" and "post" in operations)
            ):
                continue
            links: dict[str, Any] = {}
            for target_path, targets in paths.items():
                rest = target_path[len(path) :]
                if not target_path.startswith(path) or not rest.startswith("{"):
                    continue
                new = set(_PATH_PARAMETER.findall(rest)) - own
                if len(new) != 1 or not rest.startswith("{" + next(iter(new)) + "}/"):
                    continue
                (name,) = new
                whose = "this answer's" if method == "post" else "the first result's"
                parameters = {name: id_expression}
                parameters |= {shared: f"$request.path.{shared}" for shared in sorted(own)}
                for target in targets.values():
                    links[target["operationId"]] = {
                        "operationId": target["operationId"],
                        "parameters": parameters,
                        "description": f"`{name}` is {whose} `id`.",
                    }
            if links:
                status = "201" if method == "post" else "200"
                operation["responses"][status]["links"] = dict(sorted(links.items()))
    return result
