"""A project never vanishes and never loops: retries, failure with a reason, the sweeper."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from celery.exceptions import Retry
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from marketplace.celery import app as celery_app
from marketplace.models import Project
from matching.models import Match, MatchRun
from matching.services import runs
from matching.services.recovery import (
    lost_worker_after_seconds,
    project_attempt_begin,
    project_mark_failed,
    stuck_projects_sweep,
)
from matching.tasks import postpone_seconds, project_match_task
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_retries(settings: Any) -> Iterator[None]:
    settings.MATCHING_MAX_ATTEMPTS = 3
    settings.MATCHING_RETRY_BACKOFF_MAX_SECONDS = 0
    settings.MATCHING_POSTPONE_MAX_SECONDS = 0
    # An eager task that propagates errors raises celery's Retry to the caller
    # instead of running the retry; without propagation, eager apply() runs
    # each retry at once, as a worker would after the countdown.
    celery_app.conf["CELERY_TASK_EAGER_PROPAGATES"] = False
    yield
    celery_app.conf["CELERY_TASK_EAGER_PROPAGATES"] = True


def _make_stale(project: Project, seconds: int = 3600) -> None:
    Project.objects.filter(pk=project.pk).update(
        updated_at=timezone.now() - timedelta(seconds=seconds)
    )


def test_project_whose_run_always_hits_a_transient_error_ends_failed_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a project whose run always loses the database connection
    project = ProjectFactory()
    calls: list[int] = []

    def lost_connection(**kwargs: Any) -> None:
        calls.append(kwargs["project_id"])
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(runs, "project_match", lost_connection)

    # when the task runs (eagerly: each retry runs at once)
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # then it was tried MATCHING_MAX_ATTEMPTS times and ended failed, saying why
    project.refresh_from_db()
    assert len(calls) == 3
    assert project.status == Project.Status.FAILED
    assert "OperationalError" in project.failure_reason
    assert "3 times" in project.failure_reason
    assert project.attempts == 3
    run = MatchRun.objects.get(project=project)
    assert run.outcome == MatchRun.Outcome.FAILED
    assert "server closed the connection" in run.error


def test_project_whose_run_raises_a_bug_fails_at_once_with_a_failed_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a project whose ranking raises a programming error
    project = ProjectFactory()
    calls: list[int] = []

    def broken(**kwargs: Any) -> None:
        calls.append(kwargs["project_id"])
        raise ValueError("weights do not sum to one")

    monkeypatch.setattr(runs, "project_match", broken)

    # when the task runs
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # then it is not retried: the project is failed with the error and a failed run is kept
    project.refresh_from_db()
    assert calls == [project.pk]
    assert project.status == Project.Status.FAILED
    assert project.failure_reason == "Matching failed: ValueError: weights do not sum to one"
    assert MatchRun.objects.filter(project=project, outcome=MatchRun.Outcome.FAILED).count() == 1


def test_transient_error_then_success_ends_matched_and_resets_the_attempts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a roster and a project whose first run loses the connection
    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")
    project = ProjectFactory()
    real = runs.project_match
    calls: list[int] = []

    def flaky(**kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("could not connect to server")
        return real(**kwargs)

    monkeypatch.setattr(runs, "project_match", flaky)

    # when the task runs
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # then the retry matched it, once, and the next pending episode starts from zero
    project.refresh_from_db()
    assert len(calls) == 2
    assert project.status == Project.Status.MATCHED
    assert project.attempts == 0
    assert list(MatchRun.objects.filter(project=project).values_list("outcome", flat=True)) == [
        MatchRun.Outcome.SUCCEEDED
    ]


def test_running_the_task_twice_matches_once() -> None:
    # given a matched project
    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")
    project = ProjectFactory()
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # when the same message is delivered again (redelivery after a lost ack)
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # then there is still one succeeded run and one set of matches
    runs_ = MatchRun.objects.filter(project=project)
    assert runs_.count() == 1
    assert Match.objects.filter(project=project).count() == runs_.get().candidate_count


def test_mark_failed_leaves_a_project_that_matched_meanwhile_alone() -> None:
    # given a project another delivery already matched
    project = ProjectFactory(status=Project.Status.MATCHED)

    # when a late failure tries to fail it
    changed = project_mark_failed(project_id=project.pk, reason="timed out")

    # then nothing changes
    project.refresh_from_db()
    assert changed is False
    assert project.status == Project.Status.MATCHED
    assert project.failure_reason == ""


def test_mark_failed_ignores_a_task_for_stale_inputs() -> None:
    project = ProjectFactory(inputs_version=2)

    changed = project_mark_failed(project_id=project.pk, reason="boom", inputs_version=1)

    project.refresh_from_db()
    assert changed is False
    assert project.status == Project.Status.PENDING


def test_pickups_are_counted_and_one_too_many_fails_the_project() -> None:
    # given a project that killed the worker on every pickup so far
    project = ProjectFactory(attempts=3)

    # when a worker picks it up once more
    attempt = project_attempt_begin(
        project_id=project.pk, inputs_version=project.inputs_version, trigger="submit"
    )

    # then it is not run again but failed, with the reason
    project.refresh_from_db()
    assert attempt.proceed is False
    assert project.status == Project.Status.FAILED
    assert "did not complete after 3 attempts" in project.failure_reason


def test_pickup_of_stale_inputs_or_finished_project_is_dropped_uncounted() -> None:
    stale = ProjectFactory(inputs_version=2)
    matched = ProjectFactory(status=Project.Status.MATCHED)

    begin = project_attempt_begin
    assert not begin(project_id=stale.pk, inputs_version=1, trigger="submit").proceed
    assert not begin(project_id=matched.pk, inputs_version=1, trigger="sweep").proceed
    # re-ranking a matched project after a roster change is still allowed
    assert project_attempt_begin(
        project_id=matched.pk, inputs_version=1, trigger="roster_change"
    ).proceed

    stale.refresh_from_db()
    matched.refresh_from_db()
    assert stale.attempts == 0
    assert matched.attempts == 0


def test_sweeper_requeues_only_projects_left_alone_too_long(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a roster, a project a dead worker left behind and one just submitted
    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")
    stuck = ProjectFactory()
    _make_stale(stuck)
    fresh = ProjectFactory()

    # when the sweeper runs
    with django_capture_on_commit_callbacks(execute=True):
        requeued = stuck_projects_sweep()

    # then only the stuck one was queued again, and it got matched
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert requeued == 1
    assert stuck.status == Project.Status.MATCHED
    assert MatchRun.objects.get(project=stuck).trigger == MatchRun.Trigger.SWEEP
    assert fresh.status == Project.Status.PENDING


def test_sweeper_does_not_requeue_what_it_just_requeued(
    monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given a stuck project whose message the sweeper sent but no worker took yet
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(project_match_task, "delay", lambda **kwargs: sent.append(kwargs))
    stuck = ProjectFactory()
    _make_stale(stuck)
    with django_capture_on_commit_callbacks(execute=True):
        stuck_projects_sweep()

    # when the sweeper runs again straight away
    with django_capture_on_commit_callbacks(execute=True):
        requeued = stuck_projects_sweep()

    # then it does not pile a second message onto the queue
    assert requeued == 0
    assert sent == [
        {"project_id": stuck.pk, "inputs_version": stuck.inputs_version, "trigger": "sweep"}
    ]


def test_sweeper_fails_a_project_out_of_attempts_instead_of_looping(
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a stuck project that already used up its attempts
    project = ProjectFactory(attempts=3)
    _make_stale(project)

    # when the sweeper finds it
    with django_capture_on_commit_callbacks(execute=True):
        requeued = stuck_projects_sweep()

    # then it ends failed, visible to staff, and is not queued again
    project.refresh_from_db()
    assert requeued == 0
    assert project.status == Project.Status.FAILED
    assert "3 attempts" in project.failure_reason


def test_submission_while_the_broker_is_down_is_kept_and_recovered_by_the_sweeper(
    monkeypatch: pytest.MonkeyPatch, client_api: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a broker that refuses every publish
    from celery.app.task import Task

    def broker_down(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    SpecialistFactory(tier="ai_engineer")
    SpecialistFactory(tier="ml_engineer")
    monkeypatch.setattr(Task, "apply_async", broker_down)

    # when a client submits a project
    with django_capture_on_commit_callbacks(execute=True):
        response = client_api.post(
            "/api/v1/projects/",
            {
                "title": "Support assistant",
                "description": "Draft answers to support tickets from our help centre articles.",
                "hourly_budget_max": "30",
                "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
            },
            format="json",
        )

    # then the client still gets its 201 and the project is stored as pending
    assert response.status_code == 201, response.content
    project = Project.objects.get(pk=response.json()["id"])
    assert project.status == Project.Status.PENDING

    # and once the broker is back, the sweeper brings it to a result
    monkeypatch.undo()
    _make_stale(project)
    with django_capture_on_commit_callbacks(execute=True):
        assert stuck_projects_sweep() == 1
    project.refresh_from_db()
    assert project.status == Project.Status.MATCHED


def test_a_database_away_before_the_pickup_postpones_without_counting_an_attempt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a project, and a database that is unreachable for the first four tries
    # (more than MATCHING_MAX_ATTEMPTS, which must not be spent on an outage)
    SpecialistFactory(tier="ai_engineer")
    project = ProjectFactory()
    from matching.services import recovery

    real_begin = recovery.project_attempt_begin
    outages = [OperationalError("connection refused")] * 4

    def flaky_begin(**kwargs: Any) -> Any:
        if outages:
            raise outages.pop()
        return real_begin(**kwargs)

    monkeypatch.setattr(recovery, "project_attempt_begin", flaky_begin)

    # when the task runs (eagerly: each postponed try runs at once)
    project_match_task.delay(project_id=project.pk, inputs_version=project.inputs_version)

    # then it waits out the outage and matches the project, not failing it
    project.refresh_from_db()
    assert outages == []
    assert project.status == Project.Status.MATCHED
    assert project.match_runs.filter(outcome=MatchRun.Outcome.SUCCEEDED).count() == 1


def test_a_long_outage_never_makes_a_postponed_task_wait_long_after_it(settings: Any) -> None:
    # given the production cap on waiting out a database outage
    settings.MATCHING_POSTPONE_MAX_SECONDS = 8

    # when a task has already waited through many tries (a long outage)
    waits = [postpone_seconds(retries) for retries in range(40) for _ in range(20)]

    # then it never waits longer than the cap, so it is back soon after the database
    assert max(waits) <= 8
    assert min(waits) >= 0
    # and the waits still spread out (full jitter), not all at the cap
    assert len(set(waits[-100:])) > 1


def test_sweeper_requeues_a_picked_up_project_once_its_lease_is_over(
    settings: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given the shipped thresholds: the hard time limit plus a margin for a
    # picked-up project, a shorter wait for a message never picked up
    settings.CELERY_TASK_TIME_LIMIT = 90
    settings.STUCK_PROJECT_MARGIN_SECONDS = 10
    settings.STUCK_PROJECT_AFTER_SECONDS = 90
    sent: list[int] = []
    monkeypatch.setattr(
        project_match_task, "delay", lambda **kwargs: sent.append(kwargs["project_id"])
    )
    # a worker picked this one up 101 s ago and died (pending, not locked)
    abandoned = ProjectFactory(attempts=1)
    _make_stale(abandoned, seconds=101)
    # this one was picked up 95 s ago: a live task could still hold it
    in_lease = ProjectFactory(attempts=1)
    _make_stale(in_lease, seconds=95)
    # this message was never picked up and has waited 91 s: lost
    lost = ProjectFactory()
    _make_stale(lost, seconds=91)
    # and this one was submitted a moment ago
    ProjectFactory()

    # when the sweeper runs
    with django_capture_on_commit_callbacks(execute=True):
        requeued = stuck_projects_sweep()

    # then the abandoned and the lost ones are queued again, nothing else
    assert requeued == 2
    assert sorted(sent) == sorted([abandoned.pk, lost.pk])


def test_a_retry_restarts_the_lease_so_the_sweeper_does_not_duplicate_it(
    settings: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given a project whose first run timed out softly after a long pickup
    settings.MATCHING_RETRY_BACKOFF_MAX_SECONDS = 60
    project = ProjectFactory()
    scheduled: list[dict[str, Any]] = []

    def slow_then_timeout(**kwargs: Any) -> None:
        # the pickup was long ago by the time the run gave up (a slow run
        # and a long queue before it)
        _make_stale(project, seconds=lost_worker_after_seconds() + 1)
        raise OperationalError("canceling statement due to statement timeout")

    monkeypatch.setattr(runs, "project_match", slow_then_timeout)
    monkeypatch.setattr(
        project_match_task, "retry", lambda **kwargs: scheduled.append(kwargs) or Retry()
    )

    # when the task schedules its retry and the sweeper runs soon after
    with pytest.raises(Retry):
        project_match_task(project_id=project.pk, inputs_version=project.inputs_version)
    with django_capture_on_commit_callbacks(execute=True):
        requeued = stuck_projects_sweep()

    # then the retry is the only message: the pickup's clock restarted with it
    assert len(scheduled) == 1
    assert requeued == 0
