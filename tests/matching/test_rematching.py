"""Re-matching: roster and project changes rank open projects again; decisions survive."""

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.celery import app as celery_app
from marketplace.models import Project
from marketplace.services.specialist_import import specialists_import
from marketplace.services.specialists import specialist_update, specialist_upsert
from matching.models import Match, MatchRun
from matching.scoring import AI_ENGINEER, ML_ENGINEER
from matching.services.rematch import project_rerun, specialists_changed
from matching.services.runs import project_match
from tests.accounts.factories import UserFactory
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_run_in_process() -> Iterator[None]:
    # The app reads Django settings under the CELERY_ namespace, so the namespaced
    # key is the one that counts (setting task_always_eager, as tests/conftest.py
    # does, is shadowed by CELERY_TASK_ALWAYS_EAGER=False from settings).
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = True
    yield
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = False


def _matched_project(**overrides: Any) -> Project:
    values: dict[str, Any] = {
        "hourly_budget_max": Decimal("35"),
        "required_skills": ["LLM", "RAG"],
        "general_model_sufficient": True,
    }
    values.update(overrides)
    project = ProjectFactory(**values)
    project_match(project_id=project.pk)
    project.refresh_from_db()
    return project


def _latest_run(project: Project) -> MatchRun:
    return project.match_runs.order_by("-started_at", "-id").first()  # type: ignore[return-value]


def _listed(project: Project) -> list[int]:
    return list(
        _latest_run(project).matches.order_by("rank").values_list("specialist_id", flat=True)
    )


def test_staff_and_client_decisions_survive_a_rerun(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a matched project where staff rejected one match and the client declined another
    rejected, declined, untouched = (SpecialistFactory() for _ in range(3))
    project = _matched_project()
    staff = UserFactory(organization=None, role="staff", is_staff=True)
    first = _latest_run(project)
    decided_at = timezone.now()
    first.matches.filter(specialist=rejected).update(
        review_status=Match.ReviewStatus.REJECTED,
        review_reason="Portfolio does not show RAG work",
        reviewed_by=staff,
        reviewed_at=decided_at,
    )
    first.matches.filter(specialist=declined).update(
        client_status=Match.ClientStatus.DECLINED,
        client_reason="Time zone",
        client_decided_at=decided_at,
    )

    # when staff re-run it
    with django_capture_on_commit_callbacks(execute=True):
        project_rerun(project=project)

    # then the new run's matches carry the same decisions
    second = _latest_run(project)
    assert second.pk != first.pk
    assert second.trigger == MatchRun.Trigger.STAFF
    carried = second.matches.get(specialist=rejected)
    assert carried.review_status == Match.ReviewStatus.REJECTED
    assert carried.review_reason == "Portfolio does not show RAG work"
    assert carried.reviewed_by == staff
    assert carried.reviewed_at == decided_at
    client = second.matches.get(specialist=declined)
    assert client.client_status == Match.ClientStatus.DECLINED
    assert client.client_reason == "Time zone"
    fresh = second.matches.get(specialist=untouched)
    assert fresh.review_status == Match.ReviewStatus.PENDING
    assert fresh.client_status == Match.ClientStatus.OPEN


def test_a_decision_comes_back_with_a_specialist_who_dropped_out_for_a_run() -> None:
    # given a rejected match, then a run the specialist is missing from
    specialist = SpecialistFactory()
    project = _matched_project()
    _latest_run(project).matches.update(
        review_status=Match.ReviewStatus.REJECTED, review_reason="No"
    )
    specialist.is_active = False
    specialist.save()
    project_match(project_id=project.pk, trigger="staff")
    assert _listed(project) == []
    # when the specialist is back and the project is ranked again
    specialist.is_active = True
    specialist.save()
    project_match(project_id=project.pk, trigger="staff")
    # then the rejection still stands
    assert _latest_run(project).matches.get().review_status == Match.ReviewStatus.REJECTED


def test_a_specialist_the_client_accepted_stays_listed_once_their_hours_are_committed() -> None:
    # given a client who accepted a specialist, whose week is now fully committed
    specialist = SpecialistFactory(hours_per_week=40)
    project = _matched_project()
    _latest_run(project).matches.update(
        client_status=Match.ClientStatus.ACCEPTED, client_decided_at=timezone.now()
    )
    specialist.committed_hours = 40
    specialist.save()
    other = _matched_project()

    # when both projects are ranked again
    project_match(project_id=project.pk, trigger="staff")
    project_match(project_id=other.pk, trigger="staff")

    # then the accepting project keeps them, and nobody else is offered their hours
    match = _latest_run(project).matches.get()
    assert match.specialist_id == specialist.pk
    assert match.client_status == Match.ClientStatus.ACCEPTED
    assert match.explanation[0] == "You accepted this specialist for this project."
    assert _listed(other) == []


def test_a_rate_change_reranks_the_projects_that_list_the_specialist(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given an AI project listing a specialist, and an ML project that cannot list them
    specialist = SpecialistFactory(tier=AI_ENGINEER, hourly_rate=Decimal("25"))
    ai_project = _matched_project()
    ml_project = _matched_project(role_override=ML_ENGINEER)
    assert _listed(ai_project) == [specialist.pk]

    # when staff raise the rate past what the AI project's budget can reach
    with django_capture_on_commit_callbacks(execute=True):
        specialist_update(specialist=specialist, data={"hourly_rate": "80.00"})

    # then the AI project was ranked again without them; the ML project was left alone
    latest = _latest_run(ai_project)
    assert latest.trigger == MatchRun.Trigger.ROSTER_CHANGE
    assert _listed(ai_project) == []
    ai_project.refresh_from_db()
    assert "the cheapest charges $80/h" in ai_project.no_match_reason
    assert ml_project.match_runs.count() == 1


def test_a_newly_vetted_specialist_joins_a_project_that_had_nobody(
    django_capture_on_commit_callbacks: Any,
) -> None:
    candidate = SpecialistFactory(vetted=False)
    project = _matched_project()
    assert _listed(project) == []

    with django_capture_on_commit_callbacks(execute=True):
        specialist_update(specialist=candidate, data={"vetted": True})

    project.refresh_from_db()
    assert _listed(project) == [candidate.pk]
    assert project.no_match_reason == ""


def test_a_change_that_ranking_does_not_read_queues_nothing(
    django_capture_on_commit_callbacks: Any,
) -> None:
    specialist = SpecialistFactory()
    project = _matched_project()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        specialist_update(specialist=specialist, data={"phone": "+44 20 7946 0000"})
    assert callbacks == []
    assert project.match_runs.count() == 1


def test_skills_written_with_synonyms_update_the_canonical_keys(
    django_capture_on_commit_callbacks: Any,
) -> None:
    specialist = SpecialistFactory(skills=["Python"])
    project = _matched_project(required_skills=["LLM"])
    assert _latest_run(project).matches.get().breakdown["skills"] == 0.0

    with django_capture_on_commit_callbacks(execute=True):
        updated = specialist_update(
            specialist=specialist, data={"skills": ["Python", "large language models"]}
        )

    assert updated.skill_keys == ["python", "llm"]
    assert _latest_run(project).matches.get().breakdown["skills"] == 1.0


def test_closed_and_failed_projects_are_not_ranked_again(
    django_capture_on_commit_callbacks: Any,
) -> None:
    specialist = SpecialistFactory()
    closed = _matched_project()
    closed.closed_at = timezone.now()
    closed.save()
    failed = _matched_project()
    failed.status = Project.Status.FAILED
    failed.save()

    with django_capture_on_commit_callbacks(execute=True):
        queued = specialists_changed(specialist_ids=[specialist.pk])

    assert queued == 0
    assert closed.match_runs.count() == failed.match_runs.count() == 1


def test_no_specialists_means_nothing_to_rerank() -> None:
    assert specialists_changed(specialist_ids=[]) == 0


def test_an_upsert_of_a_new_matchable_specialist_reranks_projects_it_fits(
    django_capture_on_commit_callbacks: Any,
) -> None:
    project = _matched_project()
    with django_capture_on_commit_callbacks(execute=True):
        specialist, created = specialist_upsert(
            data={
                "email": "New.Person@Example.com",
                "name": "New Person",
                "tier": AI_ENGINEER,
                "hourly_rate": Decimal("30"),
                "available_from": timezone.localdate(),
                "skills": ["LLM"],
                "vetted": True,
                "is_active": True,
            }
        )
    assert created
    assert specialist.email == "new.person@example.com"
    assert specialist.skill_keys == ["llm"]
    assert _listed(project) == [specialist.pk]


def test_an_import_reranks_each_affected_project_once_after_the_file(
    tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    # given two open projects and a file that changes three specialists at once
    people = [
        SpecialistFactory(email=f"p{i}@example.com", hourly_rate=Decimal(25)) for i in range(3)
    ]
    first, second = _matched_project(), _matched_project()
    day = timezone.localdate().isoformat()
    path = tmp_path / "roster.csv"
    path.write_text(
        "name,email,tier,hourly_rate,available_from,skills,vetted,is_active\n"
        + "".join(
            f"{p.name},{p.email},ai_engineer,2{i}.50,{day},LLM;RAG,true,true\n"
            for i, p in enumerate(people)
        )
    )

    # when the file is imported
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = specialists_import(path=path)

    # then each project got exactly one new run, after the writes
    assert summary.line() == "created 0, updated 3, rejected 0"
    assert summary.projects_requeued == 2
    reruns = [c for c in callbacks if c.__qualname__.startswith("project_rematch_enqueue")]
    assert len(reruns) == 2
    for project in (first, second):
        assert project.match_runs.count() == 2
        assert _latest_run(project).trigger == MatchRun.Trigger.ROSTER_CHANGE


@pytest.fixture
def queued_runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Runs published to the broker (not run): their kwargs and countdown."""
    from matching.tasks import project_match_task

    published: list[dict[str, Any]] = []

    def apply_async(*args: Any, kwargs: dict[str, Any], **options: Any) -> None:
        published.append({**kwargs, "countdown": options.get("countdown")})

    monkeypatch.setattr(project_match_task, "apply_async", apply_async)
    return published


def test_a_burst_of_roster_changes_queues_one_delayed_run_per_project(
    django_capture_on_commit_callbacks: Any, queued_runs: list[dict[str, Any]], settings: Any
) -> None:
    # given a project listing a specialist
    specialist = SpecialistFactory(tier=AI_ENGINEER, hourly_rate=Decimal("25"))
    project = _matched_project()

    # when the specialist's rate is changed five times in a row, each its own commit
    for cents in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            specialist_update(specialist=specialist, data={"hourly_rate": f"26.{cents}0"})

    # then one run was queued for the project, after the delay that lets edits gather
    assert queued_runs == [
        {
            "project_id": project.pk,
            "inputs_version": project.inputs_version,
            "trigger": MatchRun.Trigger.ROSTER_CHANGE,
            "countdown": settings.MATCHING_REMATCH_DELAY_SECONDS,
        }
    ]

    # and once that run has started, it has read nothing yet that a later
    # change could miss, so the next change queues a run again
    project_match(project_id=project.pk, trigger=MatchRun.Trigger.ROSTER_CHANGE)
    assert _listed(project) == [specialist.pk]
    with django_capture_on_commit_callbacks(execute=True):
        specialist_update(specialist=specialist, data={"hourly_rate": "80.00"})
    assert len(queued_runs) == 2


def test_roster_changes_still_queue_runs_when_the_cache_is_down(
    django_capture_on_commit_callbacks: Any,
    queued_runs: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.cache import caches

    specialist = SpecialistFactory(tier=AI_ENGINEER)
    project = _matched_project()

    def down(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("cache is down")

    # On the backend's class, not through the cache proxy: the proxy may hand out a
    # fresh backend by teardown, and undoing an instance patch on that one fails and
    # leaves every later patch of the test (the broker's apply_async) in place.
    backend = type(caches["default"])
    monkeypatch.setattr(backend, "add", down)
    monkeypatch.setattr(backend, "delete", down)

    # every change queues a run (uncoalesced, but none is lost)
    for rate in ("26", "27"):
        with django_capture_on_commit_callbacks(execute=True):
            specialist_update(specialist=specialist, data={"hourly_rate": rate})
    assert [run["project_id"] for run in queued_runs] == [project.pk, project.pk]

    # and the run itself goes ahead
    run = project_match(project_id=project.pk, trigger=MatchRun.Trigger.ROSTER_CHANGE)
    assert run is not None
    assert run.outcome == MatchRun.Outcome.SUCCEEDED


def test_update_refuses_unknown_and_invalid_fields() -> None:
    specialist = SpecialistFactory()
    other = SpecialistFactory(email="taken@example.com")
    with pytest.raises(ValidationError) as unknown:
        specialist_update(specialist=specialist, data={"skill_keys": ["x"], "colour": "red"})
    assert set(unknown.value.message_dict) == {"colour", "skill_keys"}
    with pytest.raises(ValidationError) as invalid:
        specialist_update(specialist=specialist, data={"hourly_rate": "-3"})
    assert "hourly_rate" in invalid.value.message_dict
    with pytest.raises(ValidationError) as taken:
        specialist_update(specialist=specialist, data={"email": "TAKEN@example.com"})
    assert "email" in taken.value.message_dict
    assert other.pk != specialist.pk
