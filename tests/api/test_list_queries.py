"""List endpoints run a fixed number of queries, however many rows they return."""

from typing import Any

import pytest

from tests.api.conftest import Caller, matched_project
from tests.marketplace.factories import ProjectFactory, SpecialistFactory
from tests.webhooks.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 15])
def test_project_list_queries_do_not_grow_with_rows(
    caller: Caller, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        ProjectFactory(organization=caller.organization)
    # auth (1 for a token, 1 for a key with its organization), count, page
    expected = 3
    with django_assert_num_queries(expected):
        response = caller.api.get("/api/v1/projects/?status=pending&ordering=-desired_start")
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 15])
def test_match_list_queries_do_not_grow_with_rows(
    caller: Caller, django_assert_num_queries: Any, rows: int
) -> None:
    project = matched_project(caller.organization, matches=rows)
    url = f"/api/v1/projects/{project.pk}/matches/?ordering=rank"
    # auth, read version, project, latest run, count, page (specialists joined)
    with django_assert_num_queries(6):
        response = caller.api.get(url)
    assert len(response.json()["results"]) == rows
    # then, rendered once: the read version alone (the credential is cached too)
    with django_assert_num_queries(1):
        again = caller.api.get(url)
    assert again.content == response.content


def test_project_detail_is_one_query_once_rendered(
    caller: Caller, django_assert_num_queries: Any
) -> None:
    project = matched_project(caller.organization, matches=2)
    url = f"/api/v1/projects/{project.pk}/"
    # auth, read version, project
    with django_assert_num_queries(3):
        response = caller.api.get(url)
    with django_assert_num_queries(1):
        again = caller.api.get(url)
    assert again.content == response.content


@pytest.mark.parametrize("rows", [1, 15])
def test_webhook_list_queries_do_not_grow_with_rows(
    caller: Caller, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        WebhookEndpointFactory(organization=caller.organization)
    with django_assert_num_queries(3):
        response = caller.api.get("/api/v1/webhooks/")
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 15])
def test_specialist_list_queries_do_not_grow_with_rows(
    staff_api: Any, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        SpecialistFactory()
    with django_assert_num_queries(3):
        response = staff_api.get("/api/v1/specialists/?tier=ai_engineer")
    assert response.json()["count"] == rows
