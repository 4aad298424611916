"""JSON is the only representation, and OPTIONS names the route and its methods."""

from typing import Any

import pytest

from tests.api.conftest import Caller, matched_project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("route", ["/api/v1/projects/", "/api/v1/webhooks/"])
def test_options_on_a_list_route_names_it_and_its_methods(caller: Caller, route: str) -> None:
    # when a client or partner asks a list route what it supports
    response = caller.api.options(route)

    # then the answer is the route and its methods, as the Allow header says too
    assert response.status_code == 200
    assert response.json() == {
        "name": response.json()["name"],
        "path": route,
        "methods": ["GET", "POST", "HEAD", "OPTIONS"],
        "schema": "/api/schema/",
    }
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"


def test_options_on_a_detail_route_writes_the_path_as_the_schema_does(caller: Caller) -> None:
    project = matched_project(caller.organization)

    response = caller.api.options(f"/api/v1/projects/{project.pk}/")

    assert response.status_code == 200
    assert response.json()["path"] == "/api/v1/projects/{project_id}/"
    assert response.json()["name"] == "project-detail"


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({"HTTP_ACCEPT": "text/html"}, ""),
        ({"HTTP_ACCEPT": "application/x-unknown"}, ""),
        ({}, "?format=api"),
        ({"HTTP_ACCEPT": "text/html"}, "?format=api"),
    ],
)
def test_asking_for_anything_but_json_is_a_json_406(
    caller: Caller, headers: dict[str, str], query: str
) -> None:
    # when a caller asks a list route for HTML (the browsable API) or an unknown type
    response = caller.api.get(f"/api/v1/projects/{query}", **headers)

    # then it is refused with the error envelope, in JSON
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "code": "not_acceptable",
        "detail": "This route serves `application/json` only.",
    }


@pytest.mark.parametrize(
    "accept",
    [
        "application/json",
        "*/*",
        "application/*",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    ],
)
def test_an_accept_that_json_satisfies_gets_json(caller: Caller, accept: str) -> None:
    response: Any = caller.api.get("/api/v1/projects/?format=json", HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []
    # the answer depends on Accept (JSON or a 406), so shared caches must key on it
    assert "Accept" in response["Vary"]


def test_the_docs_page_answers_options_in_json(api_client: Any) -> None:
    response = api_client.options("/api/docs/")

    assert response.status_code == 200
    assert response.json()["path"] == "/api/docs/"
