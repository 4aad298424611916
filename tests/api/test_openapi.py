"""The OpenAPI document: valid, complete about errors, and changed only on purpose."""

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command

from marketplace.vocabulary import TIME_ZONES
from matching.working_hours import parse_timezone

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: Any) -> str:
    path = tmp_path_factory.mktemp("schema") / "openapi.yaml"
    # --validate checks it against the OpenAPI 3 meta-schema; --fail-on-warn
    # fails on anything drf-spectacular had to guess.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return path.read_text()


def test_committed_schema_matches_the_code(generated: str) -> None:
    assert COMMITTED.read_text() == generated, (
        "The API contract changed: openapi.yaml differs from the code. If the change is "
        "deliberate, run `make schema` (manage.py spectacular --validate --fail-on-warn "
        "--file openapi.yaml) and commit openapi.yaml."
    )


def test_every_operation_documents_its_errors_with_the_envelope(generated: str) -> None:
    document = yaml.safe_load(generated)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            expected = {"429"}
            if path != "/api/v1/auth/token/":
                expected |= {"401", "403"}
            if "{" in path:
                expected.add("404")
            if method in {"post", "patch"}:
                expected |= {"400", "413", "415"}
            assert expected <= codes, (method, path, expected - codes)
            for code in codes - {"200", "201", "204"}:
                schema = operation["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, code)


def test_contract_fields_are_in_the_schema(generated: str) -> None:
    schemas = yaml.safe_load(generated)["components"]["schemas"]
    project = schemas["ProjectOutput"]["properties"]
    assert {"id", "status", "role_need", "role_confidence", "role_rationale"} <= set(project)
    match = schemas["MatchOutput"]["properties"]
    assert {"rank", "score", "specialist", "breakdown", "explanation"} <= set(match)
    post = yaml.safe_load(generated)["paths"]["/api/v1/projects/"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in post["parameters"]}


@pytest.mark.django_db
def test_schema_and_docs_are_served(client: Any) -> None:
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_every_time_zone_the_document_lists_is_accepted(generated: str) -> None:
    # given the zones the document offers, on every input that takes one
    zones = yaml.safe_load(generated)["components"]["schemas"]["TimeZoneEnum"]["enum"]

    # then they are exactly the ones the API accepts, and each resolves
    assert zones == list(TIME_ZONES)
    for zone in zones:
        parse_timezone(zone)


def test_creates_link_to_the_routes_on_what_they_create(generated: str) -> None:
    paths = yaml.safe_load(generated)["paths"]

    created = paths["/api/v1/projects/"]["post"]["responses"]["201"]["links"]
    assert set(created) == {"projects_retrieve", "projects_partial_update", "projects_matches_list"}
    assert created["projects_retrieve"]["parameters"] == {"project_id": "$response.body#/id"}
    webhook = paths["/api/v1/webhooks/"]["post"]["responses"]["201"]["links"]
    assert set(webhook) == {"webhooks_retrieve", "webhooks_destroy"}
    # matches come from ranking, not from a create: the list leads to each decision
    matches = paths["/api/v1/projects/{project_id}/matches/"]["get"]["responses"]["200"]["links"]
    assert matches["projects_matches_accept_create"]["parameters"] == {
        "match_id": "$response.body#/results/0/id",
        "project_id": "$request.path.project_id",
    }


def test_idempotency_key_states_its_limits(generated: str) -> None:
    post = yaml.safe_load(generated)["paths"]["/api/v1/projects/"]["post"]
    (key,) = [p for p in post["parameters"] if p["name"] == "Idempotency-Key"]

    assert key["schema"]["minLength"] == 1
    assert key["schema"]["maxLength"] == 255
