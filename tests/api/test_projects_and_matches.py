"""Projects: create, change (re-matching), filters; matches: accept, decline, visibility."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from marketplace.models import Project, Specialist
from matching.models import Decision, Match, MatchRun
from tests.api.conftest import Caller, first_match, matched_project
from tests.api.test_bad_input import valid_project
from tests.marketplace.factories import ProjectFactory, SpecialistFactory
from tests.matching.factories import MatchFactory, MatchRunFactory
from tests.webhooks.factories import WebhookEndpointFactory
from webhooks.models import WebhookDelivery

pytestmark = pytest.mark.django_db


def test_submitted_project_is_pending_then_matched(
    caller: Caller, django_capture_on_commit_callbacks: Any
) -> None:
    SpecialistFactory(tier="ai_engineer")
    with django_capture_on_commit_callbacks(execute=True):
        response = caller.api.post("/api/v1/projects/", valid_project())
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert response.json()["role_need"] is None
    detail = caller.api.get(f"/api/v1/projects/{response.json()['id']}/").json()
    assert detail["status"] == "matched"


def test_patch_changes_the_brief_and_ranks_it_again(
    caller: Caller, django_capture_on_commit_callbacks: Any
) -> None:
    # given a matched project
    with django_capture_on_commit_callbacks(execute=True):
        created = caller.api.post("/api/v1/projects/", valid_project()).json()
    project = Project.objects.get(pk=created["id"])
    assert project.status == "matched"
    runs_before = project.match_runs.count()

    # when the client answers a clarifying question and changes the budget
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = caller.api.patch(
            f"/api/v1/projects/{project.pk}/",
            {"checklist": {"model_is_moat": False}, "hourly_budget_max": 40},
        )

    # then the project is pending again with newer inputs, other answers kept
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "pending"
    assert body["hourly_budget_max"] == "40.00"
    assert body["checklist"]["model_is_moat"] is False
    assert body["checklist"]["general_model_sufficient"] is True
    project.refresh_from_db()
    assert project.inputs_version == 2
    assert len(callbacks) == 1

    # and once the queued run has gone, it is matched again by a project_update run
    callbacks[0]()
    project.refresh_from_db()
    assert project.status == "matched"
    assert project.match_runs.count() == runs_before + 1
    assert project.match_runs.order_by("-id").first().trigger == MatchRun.Trigger.PROJECT_UPDATE


def test_patch_without_changes_does_not_rank_again(
    alice: Caller, django_capture_on_commit_callbacks: Any
) -> None:
    project = matched_project(alice.organization, title="Same")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = alice.api.patch(f"/api/v1/projects/{project.pk}/", {"title": "Same"})
    assert response.status_code == 200
    assert response.json()["status"] == "matched"
    assert callbacks == []


def test_patch_of_a_closed_project_is_409(alice: Caller) -> None:
    project = matched_project(alice.organization, closed_at=timezone.now())
    response = alice.api.patch(f"/api/v1/projects/{project.pk}/", {"title": "New"})
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_projects_filter_and_order(alice: Caller) -> None:
    today = timezone.localdate()
    early = ProjectFactory(
        organization=alice.organization,
        status="matched",
        role_need="ml_engineer",
        desired_start=today + timedelta(days=3),
    )
    late = ProjectFactory(
        organization=alice.organization,
        status="pending",
        desired_start=today + timedelta(days=30),
    )
    overridden = ProjectFactory(
        organization=alice.organization,
        status="matched",
        role_need="ai_engineer",
        role_override="ml_engineer",
        desired_start=today + timedelta(days=10),
    )

    def ids(query: str) -> list[int]:
        response = alice.api.get(f"/api/v1/projects/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert set(ids("status=pending")) == {late.pk}
    assert set(ids("role_need=ml_engineer")) == {early.pk, overridden.pk}
    assert ids("ordering=desired_start") == [early.pk, overridden.pk, late.pk]
    assert ids("ordering=-desired_start") == [late.pk, overridden.pk, early.pk]
    after = (today + timedelta(days=5)).isoformat()
    before = (today + timedelta(days=20)).isoformat()
    assert ids(f"desired_start_after={after}&desired_start_before={before}") == [overridden.pk]
    assert set(ids(f"created_after={today.isoformat()}")) == {early.pk, late.pk, overridden.pk}
    assert ids(f"created_before={(today - timedelta(days=1)).isoformat()}") == []


def _accept(caller: Caller, project: Any, match: Match, **body: Any) -> Any:
    return caller.api.post(f"/api/v1/projects/{project.pk}/matches/{match.pk}/accept/", body)


def _decline(caller: Caller, project: Any, match: Match, **body: Any) -> Any:
    return caller.api.post(f"/api/v1/projects/{project.pk}/matches/{match.pk}/decline/", body)


def test_accepting_commits_the_projects_hours_and_records_the_decision(caller: Caller) -> None:
    # given a 20-hour project and a matched specialist with 40 free hours
    project = matched_project(caller.organization, hours_per_week=20)
    match = first_match(project)

    # when the client accepts with a reason
    response = _accept(caller, project, match, reason="Great fit")

    # then the match is accepted, the hours are committed, and the decision is kept
    assert response.status_code == 200
    assert response.json()["client_status"] == "accepted"
    assert response.json()["client_reason"] == "Great fit"
    assert Specialist.objects.get(pk=match.specialist_id).committed_hours == 20
    decision = Decision.objects.get(action=Decision.Action.CLIENT_ACCEPT)
    assert (decision.match_id, decision.reason) == (match.pk, "Great fit")

    # and accepting again changes nothing
    assert _accept(caller, project, match).status_code == 200
    assert Specialist.objects.get(pk=match.specialist_id).committed_hours == 20


def test_accepting_a_specialist_without_capacity_is_409(alice: Caller) -> None:
    # given a specialist with 10 free hours and a 20-hour project
    project = matched_project(alice.organization, hours_per_week=20)
    match = first_match(project)
    Specialist.objects.filter(pk=match.specialist_id).update(committed_hours=30)

    response = _accept(alice, project, match)

    assert response.status_code == 409
    assert "hours" in response.json()["detail"]
    match.refresh_from_db()
    assert match.client_status == "open"
    assert Specialist.objects.get(pk=match.specialist_id).committed_hours == 30


def test_declining_an_accepted_match_releases_its_hours(alice: Caller) -> None:
    project = matched_project(alice.organization, hours_per_week=25)
    match = first_match(project)
    _accept(alice, project, match)

    response = _decline(alice, project, match, reason="Found someone in-house")

    assert response.status_code == 200
    assert response.json()["client_status"] == "declined"
    assert Specialist.objects.get(pk=match.specialist_id).committed_hours == 0
    assert Decision.objects.filter(action=Decision.Action.CLIENT_DECLINE).count() == 1


def test_declining_an_open_match_commits_nothing(alice: Caller) -> None:
    project = matched_project(alice.organization)
    match = first_match(project)
    Specialist.objects.filter(pk=match.specialist_id).update(committed_hours=10)
    assert _decline(alice, project, match).status_code == 200
    assert Specialist.objects.get(pk=match.specialist_id).committed_hours == 10


def test_accepting_the_same_specialist_from_a_newer_run_does_not_commit_twice(
    alice: Caller,
) -> None:
    # given a specialist accepted in one run and proposed again by a newer run
    project = matched_project(alice.organization, hours_per_week=20)
    old = first_match(project)
    _accept(alice, project, old)
    newer_run = MatchRunFactory(project=project)
    again = MatchFactory(run=newer_run, project=project, specialist=old.specialist, rank=1)

    # when the client accepts the newer proposal
    assert _accept(alice, project, again).status_code == 200

    # then the hours are committed once
    assert Specialist.objects.get(pk=old.specialist_id).committed_hours == 20


def test_a_decision_publishes_match_updated_to_subscribed_endpoints(
    alice: Caller, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    sent: list[int] = []
    monkeypatch.setattr(
        "webhooks.services.delivery_attempt", lambda *, delivery_id: sent.append(delivery_id)
    )
    project = matched_project(alice.organization)
    subscribed = WebhookEndpointFactory(organization=alice.organization, events=["match.updated"])
    WebhookEndpointFactory(organization=alice.organization, events=["project.matched"])
    match = first_match(project)

    with django_capture_on_commit_callbacks(execute=True):
        _accept(alice, project, match, reason="yes")

    delivery = WebhookDelivery.objects.get()
    assert delivery.endpoint == subscribed
    assert delivery.event == "match.updated"
    assert delivery.payload["match_id"] == match.pk
    assert delivery.payload["client_status"] == "accepted"


def test_staff_rejected_matches_vanish_and_cannot_be_accepted(alice: Caller) -> None:
    project = matched_project(alice.organization, matches=3)
    rejected = first_match(project)
    Match.objects.filter(pk=rejected.pk).update(review_status=Match.ReviewStatus.REJECTED)

    listing = alice.api.get(f"/api/v1/projects/{project.pk}/matches/").json()

    assert rejected.pk not in {row["id"] for row in listing["results"]}
    assert listing["count"] == 2
    assert _accept(alice, project, rejected).status_code == 404


def test_matches_list_is_best_first_and_filters(alice: Caller) -> None:
    project = matched_project(alice.organization, matches=3)
    match = first_match(project)
    _accept(alice, project, match)

    rows = alice.api.get(f"/api/v1/projects/{project.pk}/matches/").json()["results"]
    assert [row["rank"] for row in rows] == [1, 2, 3]
    assert set(rows[0]["specialist"]) >= {"id", "name", "tier", "hourly_rate", "skills"}
    assert "email" not in rows[0]["specialist"]
    accepted = alice.api.get(f"/api/v1/projects/{project.pk}/matches/?client_status=accepted")
    assert [row["id"] for row in accepted.json()["results"]] == [match.pk]
    worst_first = alice.api.get(f"/api/v1/projects/{project.pk}/matches/?ordering=-rank").json()
    assert [row["rank"] for row in worst_first["results"]] == [3, 2, 1]
