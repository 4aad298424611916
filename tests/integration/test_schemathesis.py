"""The live OpenAPI schema, fuzzed: no 5xx, and every documented answer matches the schema.

Seeded and bounded (derandomized, a fixed number of examples per operation,
all Hypothesis phases), so a failure reproduces and the run stays within a
couple of minutes on two cores.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error, response_schema_conformance

from marketplace.models import Project
from matching.tasks import project_match_task
from tests.accounts.factories import UserFactory
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

MAX_EXAMPLES = 30


@pytest.fixture
def api_schema(db: None) -> Iterator[Any]:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from marketplace.wsgi import application

    # Calling the WSGI app directly, as Django's test client does, must not
    # close the test's database connection at the end of each request (the
    # test runs inside a transaction, which Django would take for stale).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.from_wsgi("/api/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _require_compatible_hypothesis() -> None:
    # hypothesis 6.170.9+ changed a private API that hypothesis-jsonschema 0.23
    # (schemathesis 3.39's generator) uses; pyproject pins below it.
    from hypothesis.internal.conjecture.utils import many

    if not hasattr(many, "more"):
        pytest.skip(
            "installed hypothesis is too new for hypothesis-jsonschema 0.23 "
            "(pyproject pins hypothesis<6.170.9; reinstall with `make setup`)"
        )


@pytest.fixture
def client_token(db: None) -> Iterator[str]:
    _require_compatible_hypothesis()
    # A client with a matched project, so that detail and match endpoints
    # have something real to return for the ids the fuzzer may hit.
    user = UserFactory()
    for tier in ("ai_engineer", "ml_engineer"):
        SpecialistFactory(tier=tier)
    for _ in range(3):
        project = ProjectFactory(organization=user.organization)
        project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)
    # The fuzzer sends hundreds of requests a minute on one token; the
    # throttle's 429 is right but would hide what the endpoints do.
    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = {"caller": "100000/min", "anon": "100000/min"}
    yield Token.objects.create(user=user).key
    SimpleRateThrottle.THROTTLE_RATES = original


def _project_ids(token: str) -> list[int]:
    organization = Token.objects.get(key=token).user.organization
    return list(Project.objects.filter(organization=organization).values_list("pk", flat=True))


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=list(Phase),
    suppress_health_check=list(HealthCheck),
)
def test_api_never_errors_and_matches_its_schema(case: Any, client_token: str) -> None:
    response = case.call_wsgi(headers={"Authorization": f"Token {client_token}"})
    case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/projects/",
        "/api/v1/projects/{project_id}/",
        "/api/v1/projects/{project_id}/matches/",
    ],
)
def test_seeded_project_answers_match_the_schema(
    api_schema: Any, client_token: str, path: str
) -> None:
    # Random ids almost always miss (404); check the real, matched ones too.
    operation = api_schema[path]["GET"]
    for project_id in _project_ids(client_token):
        params = {"project_id": project_id} if "{project_id}" in path else {}
        case = operation.make_case(path_parameters=params)
        response = case.call_wsgi(headers={"Authorization": f"Token {client_token}"})
        assert response.status_code == 200
        case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))
