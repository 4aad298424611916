"""Accepting and declining re-ranks only the lists a capacity change moves (issue #12-3)."""

from typing import Any

import pytest
from rest_framework.throttling import SimpleRateThrottle

from matching.models import Match, MatchRun
from matching.selectors import client_match_list
from matching.services.client_decisions import match_client_accept, match_client_decline
from matching.services.rematch import specialist_capacity_settle_queued
from matching.services.runs import project_match
from tests.api.conftest import client_caller
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

BRIEF = "A chat assistant answering from our help-centre articles with a hosted LLM API."


def _matched(hours: int, **fields: Any) -> Any:
    project = ProjectFactory(
        description=BRIEF, general_model_sufficient=True, hours_per_week=hours, **fields
    )
    project_match(project_id=project.pk)
    return project


def _reranked(project: Any) -> int:
    return int(project.match_runs.filter(trigger=MatchRun.Trigger.ROSTER_CHANGE).count())


def test_a_decision_that_crosses_no_project_line_reranks_nothing_else(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a 40-hour specialist listed by a 20-hour project and a 10-hour one
    specialist = SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    deciding, small = _matched(20), _matched(10)
    assert client_match_list(project=small).filter(specialist=specialist).exists()

    # when the first client accepts them (20 hours stay free, enough for 10)
    with django_capture_on_commit_callbacks(execute=True):
        match_client_accept(
            match=Match.objects.get(project=deciding, specialist=specialist), actor=None
        )

    # then the other list is not ranked again: it would come out the same
    assert _reranked(small) == 0
    assert client_match_list(project=small).filter(specialist=specialist).exists()


def test_a_decision_that_crosses_a_project_line_reranks_that_project(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a 40-hour specialist listed by a 20-hour project, a 10-hour and a 30-hour one
    specialist = SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    deciding, small, large = _matched(20), _matched(10), _matched(30)

    # when the first client accepts them (20 hours left: too few for 30)
    with django_capture_on_commit_callbacks(execute=True):
        match_client_accept(
            match=Match.objects.get(project=deciding, specialist=specialist), actor=None
        )

    # then only the project they no longer fit is ranked again, without them
    assert _reranked(large) == 1
    assert not client_match_list(project=large).filter(specialist=specialist).exists()
    assert _reranked(small) == 0
    assert _reranked(deciding) == 0


def test_flipping_accept_and_decline_is_settled_once_per_specialist(
    monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a specialist on the lists of a deciding project and a 30-hour one
    from matching.tasks import specialist_capacity_settle_task

    queued: list[dict[str, Any]] = []
    monkeypatch.setattr(
        specialist_capacity_settle_task,
        "apply_async",
        lambda *, kwargs, **_: queued.append(kwargs),
    )
    specialist = SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    deciding, large = _matched(20), _matched(30)
    match = Match.objects.get(project=deciding, specialist=specialist)

    # when the client flips between accepting and declining, ending declined
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            match_client_accept(match=match, actor=None)
        with django_capture_on_commit_callbacks(execute=True):
            match_client_decline(match=match, actor=None)

    # then one settling task was queued for the specialist
    assert queued == [{"specialist_id": specialist.pk}]

    # and when it runs, the hours ended where they began: nothing is ranked again
    with django_capture_on_commit_callbacks(execute=True):
        assert specialist_capacity_settle_queued(specialist_id=specialist.pk) == 0
    assert _reranked(large) == 0

    # and the next change queues a settling task again
    with django_capture_on_commit_callbacks(execute=True):
        match_client_accept(match=match, actor=None)
    assert len(queued) == 2


def test_decisions_have_a_throttle_of_their_own(monkeypatch: Any) -> None:
    # given a decision budget of 3 a minute, far below the general one
    rates = {"caller": "600/min", "anon": "60/min", "decision": "3/min"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    caller = client_caller()
    SpecialistFactory(tier="ai_engineer", hours_per_week=40)
    project = _matched(20, organization=caller.organization)
    match = Match.objects.filter(project=project).order_by("rank").first()
    assert match is not None
    url = f"/api/v1/projects/{project.pk}/matches/{match.pk}"

    # when the client flips one match back and forth
    codes = [
        caller.api.post(f"{url}/{'accept' if n % 2 == 0 else 'decline'}/", {}).status_code
        for n in range(5)
    ]

    # then decisions beyond the budget are refused, while reads still answer
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]
    assert caller.api.get(f"/api/v1/projects/{project.pk}/matches/").status_code == 200
