"""A client cannot book the whole roster by accepting matches (issue #12-2).

The rule: an accept holds the specialist's hours for MATCHING_ACCEPT_HOLD_HOURS
unless staff approve the match meanwhile, and a project holds at most
MATCHING_MAX_HELD_PER_PROJECT specialists at once.
"""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from matching.models import Decision, Match
from matching.selectors import client_match_list
from matching.services.client_decisions import (
    MatchDecisionConflict,
    match_client_accept,
    match_client_decline,
    match_holds_expire,
)
from matching.services.reviews import match_review
from matching.services.runs import project_match
from tests.api.conftest import client_caller
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

BRIEF = "A chat assistant answering from our help-centre articles with a hosted LLM API."


def _matched(hours: int = 20, **fields: Any) -> Any:
    project = ProjectFactory(
        description=BRIEF, general_model_sufficient=True, hours_per_week=hours, **fields
    )
    project_match(project_id=project.pk)
    return project


def _roster(n: int) -> list[Any]:
    return [SpecialistFactory(tier="ai_engineer", hours_per_week=40) for _ in range(n)]


def test_a_project_holds_at_most_the_limit_of_specialists_at_once(settings: Any) -> None:
    # given a project listing five specialists, and a limit of two
    settings.MATCHING_MAX_HELD_PER_PROJECT = 2
    _roster(5)
    project = _matched()
    matches = list(client_match_list(project=project))
    assert len(matches) == 5

    # when the client accepts two, then a third
    for match in matches[:2]:
        match_client_accept(match=match, actor=None)
    with pytest.raises(MatchDecisionConflict, match="at most 2 specialists"):
        match_client_accept(match=matches[2], actor=None)

    # then the third keeps its hours; declining one makes room again
    assert matches[2].specialist.committed_hours == 0
    match_client_decline(match=matches[0], actor=None)
    match_client_accept(match=matches[2], actor=None)
    # and accepting one already held changes nothing (not counted twice)
    match_client_accept(match=matches[1], actor=None)


def test_the_hold_limit_is_a_409_naming_it(settings: Any) -> None:
    settings.MATCHING_MAX_HELD_PER_PROJECT = 1
    _roster(2)
    caller = client_caller()
    project = _matched(organization=caller.organization)
    first, second = list(client_match_list(project=project))[:2]
    base = f"/api/v1/projects/{project.pk}/matches"

    assert caller.api.post(f"{base}/{first.pk}/accept/", {}).status_code == 200
    response = caller.api.post(f"{base}/{second.pk}/accept/", {})

    assert response.status_code == 409
    assert "at most 1 specialists at once" in response.content.decode()


def test_an_unapproved_hold_lapses_and_frees_the_hours(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a client's accept that staff have not approved, older than the hold
    settings.MATCHING_ACCEPT_HOLD_HOURS = 72
    (specialist,) = _roster(1)
    project = _matched(30)
    match = Match.objects.get(project=project, specialist=specialist)
    match_client_accept(match=match, actor=None)
    Match.objects.filter(pk=match.pk).update(client_decided_at=timezone.now() - timedelta(hours=73))

    # when the holds are swept
    with django_capture_on_commit_callbacks(execute=True):
        released = match_holds_expire()

    # then the hours are free again, and the match says why
    assert released == 1
    specialist.refresh_from_db()
    assert specialist.committed_hours == 0
    match.refresh_from_db()
    assert match.client_status == Match.ClientStatus.OPEN
    assert "without staff approval" in match.client_reason
    decision = Decision.objects.filter(match=match).order_by("-id").first()
    assert decision is not None
    assert decision.details == {"released_hours": 30, "hold_expired": True}
    # and a second sweep has nothing more to do
    assert match_holds_expire() == 0


def test_a_hold_staff_approved_or_still_fresh_is_kept(staff_user: Any) -> None:
    # given two accepts: one approved by staff and old, one unapproved and recent
    approved_one, fresh_one = _roster(2)
    project = _matched(10)
    approved = Match.objects.get(project=project, specialist=approved_one)
    fresh = Match.objects.get(project=project, specialist=fresh_one)
    match_client_accept(match=approved, actor=None)
    match_client_accept(match=fresh, actor=None)
    match_review(match=approved, status=Match.ReviewStatus.APPROVED, actor=staff_user)
    Match.objects.filter(pk=approved.pk).update(
        client_decided_at=timezone.now() - timedelta(days=30)
    )

    # when the holds are swept, then both keep their hours
    assert match_holds_expire() == 0
    approved_one.refresh_from_db()
    fresh_one.refresh_from_db()
    assert approved_one.committed_hours == 10
    assert fresh_one.committed_hours == 10
