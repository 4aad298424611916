"""A specialist taken on by one client is not offered beyond their remaining hours."""

from typing import Any

import pytest

from matching.models import Match, MatchRun
from matching.selectors import client_match_list
from matching.services.client_decisions import match_client_accept, match_client_decline
from matching.services.runs import project_match
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

BRIEF = "A chat assistant answering from our help-centre articles with a hosted LLM API."


def _matched(hours: int) -> Any:
    project = ProjectFactory(description=BRIEF, general_model_sufficient=True, hours_per_week=hours)
    project_match(project_id=project.pk)
    return project


def test_accepting_elsewhere_removes_the_specialist_from_lists_they_can_no_longer_fill(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a 40-hour specialist on the lists of two 30-hour projects
    specialist = SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    first, second = _matched(30), _matched(30)
    assert client_match_list(project=second).filter(specialist=specialist).exists()

    # when the first client accepts them
    with django_capture_on_commit_callbacks(execute=True):
        match_client_accept(
            match=Match.objects.get(project=first, specialist=specialist), actor=None
        )

    # then the second project is ranked again without them (10 hours left < 30)
    specialist.refresh_from_db()
    assert specialist.committed_hours == 30
    assert not client_match_list(project=second).filter(specialist=specialist).exists()
    assert second.match_runs.filter(trigger=MatchRun.Trigger.ROSTER_CHANGE).exists()
    # and the accepting project keeps the list the client decided on
    assert not first.match_runs.filter(trigger=MatchRun.Trigger.ROSTER_CHANGE).exists()


def test_declining_after_accepting_frees_the_hours_for_other_projects(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a specialist accepted by one project and so missing from another's list
    specialist = SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    first, second = _matched(30), _matched(30)
    accepted = Match.objects.get(project=first, specialist=specialist)
    with django_capture_on_commit_callbacks(execute=True):
        match_client_accept(match=accepted, actor=None)
    assert not client_match_list(project=second).filter(specialist=specialist).exists()

    # when the first client changes its mind
    with django_capture_on_commit_callbacks(execute=True):
        match_client_decline(match=accepted, actor=None, reason="Went another way")

    # then the hours are free again and the other project offers them again
    specialist.refresh_from_db()
    assert specialist.committed_hours == 0
    assert client_match_list(project=second).filter(specialist=specialist).exists()
