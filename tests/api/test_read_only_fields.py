"""Server-owned fields cannot be set: they are rejected with a 400 naming them, never stored."""

from typing import Any

import pytest

from marketplace.models import Project, Specialist
from tests.api.conftest import Caller
from tests.api.test_bad_input import valid_project
from tests.marketplace.factories import SpecialistFactory

pytestmark = pytest.mark.django_db

SERVER_OWNED = {
    "id": 424242,
    "status": "matched",
    "role_need": "ml_engineer",
    "role_confidence": 1.0,
    "role_rationale": ["set by the client"],
    "clarifying_questions": [],
    "classifier_version": "mine",
    "failure_reason": "none",
    "trade_offs": ["x"],
    "no_match_reason": "x",
    "created_at": "2020-01-01T00:00:00Z",
    "updated_at": "2020-01-01T00:00:00Z",
    "matched_at": "2020-01-01T00:00:00Z",
    "organization": 1,
    "submitted_by": 1,
    "inputs_version": 99,
    "role_override": "ml_engineer",
    "closed_at": None,
    "attempts": 0,
    "typo_titel": "unknown fields too",
}


@pytest.mark.parametrize(("field", "value"), SERVER_OWNED.items())
def test_server_owned_field_on_create_is_rejected(caller: Caller, field: str, value: Any) -> None:
    # when a brief sets a field the server owns
    response = caller.api.post("/api/v1/projects/", {**valid_project(), field: value})

    # then the request is refused, naming the field, and nothing is stored
    assert response.status_code == 400
    assert response.json()["fields"] == {field: ["Unknown or read-only field; it cannot be set."]}
    assert not Project.objects.exists()


@pytest.mark.parametrize(("field", "value"), SERVER_OWNED.items())
def test_server_owned_field_on_update_is_rejected(caller: Caller, field: str, value: Any) -> None:
    # given the caller's project, classified and matched
    created = caller.api.post("/api/v1/projects/", valid_project()).json()
    before = Project.objects.get(pk=created["id"])

    # when a PATCH tries to set a server-owned field
    response = caller.api.patch(f"/api/v1/projects/{created['id']}/", {field: value})

    # then it is refused and the stored project is unchanged
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {field}
    after = Project.objects.get(pk=created["id"])
    assert (after.status, after.role_need, after.inputs_version, after.organization_id) == (
        before.status,
        before.role_need,
        before.inputs_version,
        before.organization_id,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", 1), ("committed_hours", 40), ("remaining_hours", 0), ("created_at", "2020-01-01")],
)
def test_server_owned_specialist_field_cannot_be_patched(
    staff_api: Any, field: str, value: Any
) -> None:
    specialist = SpecialistFactory(committed_hours=0)
    response = staff_api.patch(f"/api/v1/specialists/{specialist.pk}/", {field: value})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {field}
    assert Specialist.objects.get(pk=specialist.pk).committed_hours == 0


@pytest.mark.parametrize(
    "field", ["id", "review_status", "client_status", "score", "rank", "specialist"]
)
def test_decision_body_cannot_set_match_fields(alice: Caller, field: str) -> None:
    from tests.api.conftest import first_match, matched_project

    project = matched_project(alice.organization)
    match = first_match(project)
    response = alice.api.post(
        f"/api/v1/projects/{project.pk}/matches/{match.pk}/decline/", {field: "approved"}
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {field}
    match.refresh_from_db()
    assert (match.client_status, match.review_status) == ("open", "pending")
