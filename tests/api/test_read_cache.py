"""Rendered reads: never stale after any change a caller can see, and equal to a plain rendering.

GET project and GET matches are served from the cache under the project's
read version; each test reads (so the cache is warm), changes one thing
through the service or admin action that changes it, and reads back at once.
"""

import json
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.renderers import JSONRenderer

from accounts.models import User
from marketplace.models import Project
from marketplace.serializers import ProjectOutputSerializer
from marketplace.services.specialists import (
    specialist_update,
    specialists_delete,
)
from matching.models import Match
from matching.selectors import client_match_list
from matching.serializers import MatchOutputSerializer
from matching.services.client_decisions import match_client_accept, match_client_decline
from matching.services.reviews import (
    match_review,
    project_role_override,
    projects_rerun,
    specialists_bulk_update,
)
from matching.services.runs import project_match
from tests.accounts.factories import UserFactory
from tests.api.conftest import Caller, client_caller, partner_caller
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db


def _plain(data: Any) -> Any:
    """What the ordinary (uncached) serialisation of the same rows renders to."""
    return json.loads(JSONRenderer().render(data))


def _plain_matches(project: Project) -> list[Any]:
    return _plain(MatchOutputSerializer(client_match_list(project=project), many=True).data)


def _plain_project(project: Project) -> Any:
    return _plain(ProjectOutputSerializer(Project.objects.get(pk=project.pk)).data)


def _matched_project(caller: Caller, specialists: int = 4) -> Project:
    for n in range(specialists):
        SpecialistFactory(hourly_rate=Decimal(20 + n), skills=["LLM", "RAG"])
    project = ProjectFactory(
        organization=caller.organization,
        hourly_budget_max=Decimal("35"),
        required_skills=["LLM", "RAG"],
        general_model_sufficient=True,
    )
    project_match(project_id=project.pk)
    project.refresh_from_db()
    return project


def _read(caller: Caller, project: Project) -> tuple[Any, list[Any]]:
    """Both reads, each checked against a plain serialisation of the rows as they are now."""
    detail = caller.api.get(f"/api/v1/projects/{project.pk}/")
    matches = caller.api.get(f"/api/v1/projects/{project.pk}/matches/")
    assert detail.status_code == 200
    assert matches.status_code == 200
    assert detail.json() == _plain_project(project)
    assert matches.json()["results"] == _plain_matches(project)
    return detail.json(), matches.json()["results"]


@pytest.fixture
def staff() -> User:
    return UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)


def _warm(caller: Caller, project: Project) -> tuple[Any, list[Any]]:
    first = _read(caller, project)
    assert _read(caller, project) == first  # the second read is the cached one
    return first


def test_a_staff_review_shows_at_once(alice: Caller, staff: User) -> None:
    project = _matched_project(alice)
    _, before = _warm(alice, project)
    match = Match.objects.get(pk=before[0]["id"])

    match_review(match=match, status="shortlisted", actor=staff)
    _, after = _read(alice, project)
    assert after[0]["review_status"] == "shortlisted"

    match_review(match=match, status="rejected", actor=staff, reason="Not a fit")
    _, after = _read(alice, project)
    assert match.pk not in [row["id"] for row in after]


def test_a_client_decision_shows_at_once(alice: Caller) -> None:
    project = _matched_project(alice)
    _, before = _warm(alice, project)
    match = Match.objects.get(pk=before[1]["id"])

    match_client_accept(match=match, actor=None, reason="Great")
    _, after = _read(alice, project)
    assert after[1]["client_status"] == "accepted"

    match_client_decline(match=match, actor=None, reason="Changed our mind")
    _, after = _read(alice, project)
    assert after[1]["client_status"] == "declined"
    assert after[1]["client_reason"] == "Changed our mind"


def test_a_rerun_shows_at_once(
    alice: Caller, staff: User, django_capture_on_commit_callbacks: Any
) -> None:
    project = _matched_project(alice)
    _, before = _warm(alice, project)
    newcomer = SpecialistFactory(hourly_rate=Decimal("15"), skills=["LLM", "RAG"])

    with django_capture_on_commit_callbacks(execute=True):
        projects_rerun(projects=[project], actor=staff)
    _, after = _read(alice, project)
    assert newcomer.pk in [row["specialist"]["id"] for row in after]
    assert newcomer.pk not in [row["specialist"]["id"] for row in before]


def test_a_roster_change_shows_at_once_and_after_its_rerun(
    alice: Caller, django_capture_on_commit_callbacks: Any
) -> None:
    project = _matched_project(alice)
    _, before = _warm(alice, project)
    listed = before[0]["specialist"]["id"]
    specialist = SpecialistFactory._meta.model.objects.get(pk=listed)

    # a change that ranking does not read: no re-run, but the name shows
    specialist_update(specialist=specialist, data={"name": "Renamed Person"})
    _, after = _read(alice, project)
    assert after[0]["specialist"]["name"] == "Renamed Person"

    # a change that ranking reads: shows at once, and the re-run it queues too
    with django_capture_on_commit_callbacks(execute=True):
        specialist_update(specialist=specialist, data={"hourly_rate": "34.00"})
    _, after = _read(alice, project)
    rates = {row["specialist"]["id"]: row["specialist"]["hourly_rate"] for row in after}
    assert rates.get(listed) in (None, "34.00")


def test_a_bulk_roster_action_and_a_deletion_show_at_once(alice: Caller, staff: User) -> None:
    project = _matched_project(alice)
    _, before = _warm(alice, project)
    first, second = before[0]["specialist"]["id"], before[1]["specialist"]["id"]

    specialists_bulk_update(specialist_ids=[first], changes={"vetted": False}, actor=staff)
    specialists_delete(specialist_ids=[second])
    _, after = _read(alice, project)
    assert second not in [row["specialist"]["id"] for row in after]


def test_a_staff_role_override_shows_at_once(
    alice: Caller, staff: User, django_capture_on_commit_callbacks: Any
) -> None:
    project = _matched_project(alice)
    detail, _ = _warm(alice, project)
    assert detail["role_need"] == "ai_engineer"

    with django_capture_on_commit_callbacks(execute=False):
        project_role_override(project=project, role="ml_engineer", actor=staff, reason="Model")
    changed, _ = _read(alice, project)
    assert changed["updated_at"] != detail["updated_at"]
    with django_capture_on_commit_callbacks(execute=True):
        project_role_override(project=project, role="ml_engineer", actor=staff, reason="Model")
    detail, _ = _read(alice, project)
    assert detail["role_need"] == "ml_engineer"


def test_a_client_patch_shows_at_once(alice: Caller) -> None:
    project = _matched_project(alice)
    _warm(alice, project)
    response = alice.api.patch(f"/api/v1/projects/{project.pk}/", {"title": "A new title"})
    assert response.status_code == 200
    detail, _ = _read(alice, project)
    assert detail["title"] == "A new title"
    assert detail == response.json()


def test_cached_bodies_are_the_plain_rendering_byte_for_byte(alice: Caller) -> None:
    project = _matched_project(alice, specialists=6)
    for url in (
        f"/api/v1/projects/{project.pk}/",
        f"/api/v1/projects/{project.pk}/matches/",
        f"/api/v1/projects/{project.pk}/matches/?page_size=2&page=2",
        f"/api/v1/projects/{project.pk}/matches/?ordering=-score",
    ):
        cold = alice.api.get(url)
        warm = alice.api.get(url)
        assert cold.status_code == warm.status_code == 200
        assert warm.content == cold.content
        assert warm["Content-Type"] == cold["Content-Type"] == "application/json"
        assert warm["Vary"] == cold["Vary"]
    page = alice.api.get(f"/api/v1/projects/{project.pk}/matches/?page_size=2&page=2").json()
    assert page["results"] == _plain_matches(project)[2:4]
    assert page["next"].endswith("page=3&page_size=2")


def test_a_warm_cache_never_shows_another_tenant_its_project(alice: Caller) -> None:
    project = _matched_project(alice)
    _warm(alice, project)
    for stranger in (client_caller(), partner_caller()):
        assert stranger.api.get(f"/api/v1/projects/{project.pk}/").status_code == 404
        assert stranger.api.get(f"/api/v1/projects/{project.pk}/matches/").status_code == 404


def test_staff_read_the_same_bodies(alice: Caller, staff_api: Any) -> None:
    project = _matched_project(alice)
    detail, matches = _warm(alice, project)
    assert staff_api.get(f"/api/v1/projects/{project.pk}/").json() == detail
    assert staff_api.get(f"/api/v1/projects/{project.pk}/matches/").json()["results"] == matches


def test_bad_filters_are_still_a_400_on_a_warm_cache(alice: Caller) -> None:
    project = _matched_project(alice)
    _warm(alice, project)
    response = alice.api.get(f"/api/v1/projects/{project.pk}/matches/?client_status=nope")
    assert response.status_code == 400


def test_a_deactivated_user_is_refused_at_once(alice: Caller) -> None:
    assert alice.api.get("/api/v1/projects/").status_code == 200  # credential now cached
    user = User.objects.get(organization=alice.organization)
    user.is_active = False
    user.save()
    assert alice.api.get("/api/v1/projects/").status_code == 401
