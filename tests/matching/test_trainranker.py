"""trainranker on a decision log in the database: activation both ways, runs record the ranker."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.models import Project
from matching.models import HAND_WEIGHTS, Decision, Match, MatchRun, RankerModel
from matching.selectors import decision_log_groups
from matching.services.rankers import ranker_activate, ranker_deactivate
from matching.services.reviews import match_review
from matching.services.runs import project_match
from tests.accounts.factories import UserFactory
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

BRIEF = "A chat assistant that answers customers from our help-centre articles."
ZONES = ["America/New_York", "America/Chicago", "Europe/London", "Asia/Manila", "Asia/Kolkata"]


def _roster() -> None:
    # Cheaper specialists far from New York; dearer ones close to it.
    for i in range(12):
        SpecialistFactory(
            timezone=ZONES[i % len(ZONES)],
            hourly_rate=Decimal(20 + (i % len(ZONES)) * -3 + 15),
            headline="RAG assistants over help-centre articles",
            skills=["RAG", "LLM"],
        )


def _project() -> Project:
    return ProjectFactory(
        description=BRIEF,
        general_model_sufficient=True,
        hourly_budget_max=Decimal("40"),
        desired_start=timezone.localdate() + timedelta(days=7),
        timezone="America/New_York",
    )


def _desk_decides(run: MatchRun, staff: Any) -> None:
    """Approves the most overlap it reads down to rank 8, rejects the least."""
    read = list(run.matches.order_by("rank")[:8])
    by_overlap = sorted(read, key=lambda m: (-m.features["overlap"], m.rank))
    match_review(match=by_overlap[0], status=Match.ReviewStatus.APPROVED, actor=staff)
    match_review(
        match=by_overlap[-1], status=Match.ReviewStatus.REJECTED, actor=staff, reason="hours"
    )


def _train(**options: Any) -> str:
    out = StringIO()
    call_command("trainranker", stdout=out, **options)
    return out.getvalue()


def test_trainranker_learns_the_desk_activates_and_runs_record_it() -> None:
    _roster()
    staff = UserFactory(is_staff=True)
    for _ in range(8):
        run = project_match(project_id=_project().pk)
        assert run is not None
        assert run.ranker == HAND_WEIGHTS
        _desk_decides(run, staff)
    log_before = decision_log_groups()
    # too few projects for the setting: written, not activated, and the log says why
    output = _train(min_projects=50)
    assert "NDCG@5" in output
    assert "not activated: only 8 project(s)" in output
    assert not RankerModel.objects.filter(active=True).exists()
    kept = Decision.objects.get(action__startswith="ranker_")
    assert kept.action == Decision.Action.RANKER_KEEP
    assert (kept.actor, kept.actor_label) == (None, "trainranker")
    assert kept.details["version"] == 1
    assert kept.details["in_charge"] == HAND_WEIGHTS
    assert "only 8 project(s)" in kept.reason
    # enough for a lower bar: the learned order wins on held-out projects
    output = _train(min_projects=6, min_gain=0.0)
    model = RankerModel.objects.get(active=True)
    assert "learned-v2 activated" in output, output
    assert model.metrics["learned_ndcg5"] > model.metrics["hand_ndcg5"]
    assert model.coefficients["overlap"] > 0
    # exactly one decision records the switch, by the command, naming the version
    switched = Decision.objects.get(action=Decision.Action.RANKER_ACTIVATE)
    assert (switched.actor, switched.actor_label) == (None, "trainranker")
    assert switched.details["version"] == 2
    assert switched.details["replaced"] == [HAND_WEIGHTS]
    assert "learned" in switched.reason
    assert "hand weights" in switched.reason
    assert switched.project is None
    assert switched.match is None
    # the switches are no training labels: the log the re-ranker reads is unchanged
    assert decision_log_groups() == log_before
    # matching then uses it, and the run says so
    run = project_match(project_id=_project().pk)
    assert run is not None
    assert run.ranker == "learned-v2"
    assert run.ranker_model == model
    overlaps = [m.features["overlap"] for m in run.matches.order_by("rank")]
    assert overlaps[0] == max(overlaps)
    moved = [m for m in run.matches.all() if m.explanation[0].startswith("Ranked ")]
    assert moved
    assert any(
        m.explanation[0].startswith("Ranked up")
        and "the desk's past decisions have favoured more working-hours overlap" in m.explanation[0]
        for m in moved
    ), [m.explanation[0] for m in moved]
    # staff hand it back to the hand weights: one decision, by them, naming the version
    assert ranker_deactivate(actor=staff) == 1
    handed = Decision.objects.get(action=Decision.Action.RANKER_DEACTIVATE)
    assert (handed.actor, handed.actor_label) == (staff, str(staff))
    assert handed.details["version"] == 2
    assert ranker_deactivate(actor=staff) == 0  # already the hand weights: nothing to log
    assert Decision.objects.filter(action=Decision.Action.RANKER_DEACTIVATE).count() == 1
    assert project_match(project_id=_project().pk).ranker == HAND_WEIGHTS  # type: ignore[union-attr]
    ranker_activate(model=model, actor=staff)
    assert RankerModel.objects.get(active=True) == model
    assert Decision.objects.filter(action=Decision.Action.RANKER_ACTIVATE, actor=staff).count() == 1


def test_the_admin_lists_versions_and_runs_show_their_ranker(admin_client: Any) -> None:
    RankerModel.objects.create(version=1, coefficients={"overlap": 1.0}, metrics={})
    page = admin_client.get("/admin/matching/rankermodel/")
    assert page.status_code == 200
    assert b"learned" in page.content or b"1" in page.content
    response = admin_client.post(
        "/admin/matching/rankermodel/",
        {"action": "put_in_charge", "_selected_action": [RankerModel.objects.get().pk]},
    )
    assert response.status_code == 302
    assert RankerModel.objects.get().active
    assert admin_client.get("/admin/matching/matchrun/").status_code == 200
