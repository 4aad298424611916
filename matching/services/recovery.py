"""Recovery: projects that a dead worker, a lost message or a failing task left behind.

A project is never left ``pending`` for ever: every worker pickup is counted
(``Project.attempts``), the sweeper re-queues projects nobody touched for
``STUCK_PROJECT_AFTER_SECONDS``, and once ``MATCHING_MAX_ATTEMPTS`` pickups
have not produced a result the project ends ``failed`` with a reason that
staff can read, instead of looping.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from marketplace.models import Project
from matching.models import MatchRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attempt:
    """What a worker should do with a message: run it (and which try it is) or drop it."""

    proceed: bool
    number: int = 0


def project_attempt_begin(*, project_id: int, inputs_version: int | None, trigger: str) -> Attempt:
    """Count a worker's pickup of a pending project, in its own committed transaction.

    Committed before the run starts so that a worker killed half-way (its run
    rolled back) still leaves the pickup counted: a message that kills every
    worker that takes it ends in ``failed`` instead of going round for ever.
    """
    with transaction.atomic():
        project = Project.objects.select_for_update().filter(pk=project_id).first()
        if project is None:
            return Attempt(proceed=False)
        if inputs_version is not None and inputs_version != project.inputs_version:
            # A newer task for the newer inputs is (or was) queued; it owns the work.
            return Attempt(proceed=False)
        if project.status != Project.Status.PENDING:
            # Re-ranking a finished project (roster change, staff re-run) is not
            # counted; a duplicate submit or sweep message for it is dropped.
            return Attempt(proceed=trigger not in MatchRun.RECOVERY_TRIGGERS)
        project.attempts += 1
        # updated_at doubles as "last touched by a worker" for the sweeper (and shows).
        project.read_version += 1
        project.save(update_fields=["attempts", "updated_at", "read_version"])
        number = project.attempts
    if number > settings.MATCHING_MAX_ATTEMPTS:
        project_mark_failed(
            project_id=project_id,
            inputs_version=inputs_version,
            reason=(
                f"Matching did not complete after {settings.MATCHING_MAX_ATTEMPTS} attempts "
                "(a worker stopped while working on it each time)."
            ),
        )
        return Attempt(proceed=False, number=number)
    return Attempt(proceed=True, number=number)


def project_attempts_reset(*, project_id: int) -> None:
    """A project that reached a result starts its next pending episode from zero tries."""
    Project.objects.filter(pk=project_id, status=Project.Status.MATCHED, attempts__gt=0).update(
        attempts=0
    )


def project_mark_failed(*, project_id: int, reason: str, inputs_version: int | None = None) -> bool:
    """End a pending project in ``failed`` with a reason staff can read.

    Returns False and changes nothing when the project reached ``matched``
    meanwhile (another delivery of the task succeeded), or when its inputs
    changed since (the task for the new inputs owns it now).
    """
    with transaction.atomic():
        project = Project.objects.select_for_update().filter(pk=project_id).first()
        if project is None or project.status != Project.Status.PENDING:
            return False
        if inputs_version is not None and inputs_version != project.inputs_version:
            return False
        now = timezone.now()
        project.status = Project.Status.FAILED
        project.failure_reason = reason[:2000]
        project.status_changed_at = now
        project.read_version += 1
        project.save(
            update_fields=[
                "status",
                "failure_reason",
                "status_changed_at",
                "updated_at",
                "read_version",
            ]
        )
    logger.warning(
        "project marked failed", extra={"project_id": project_id, "failure_reason": reason}
    )
    return True


def match_run_record_failed(
    *, project_id: int, inputs_version: int | None, trigger: str, error: str
) -> MatchRun | None:
    """Keep a failed run on the record: the run itself rolled back with its transaction."""
    from matching.services import runs

    project = Project.objects.filter(pk=project_id).only("pk", "inputs_version").first()
    if project is None:
        return None
    now = timezone.now()
    return MatchRun.objects.create(
        project=project,
        trigger=trigger if trigger in MatchRun.Trigger.values else MatchRun.Trigger.SUBMIT,
        algorithm_version=getattr(runs, "ALGORITHM_VERSION", ""),
        inputs_version=inputs_version or project.inputs_version,
        outcome=MatchRun.Outcome.FAILED,
        error=error[:10_000],
        finished_at=now,
    )


def _enqueue_sweep(projects: list[tuple[int, int]]) -> None:
    from matching.tasks import project_match_task

    for project_id, inputs_version in projects:
        project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger=MatchRun.Trigger.SWEEP
        )


def stuck_projects_sweep() -> int:
    """Re-queue projects left pending too long; fail those out of attempts.

    Covers a worker that died holding a message (before the broker's
    visibility timeout gives it out again) and a message that was never
    published or was lost with a broker that restarted without persistence.
    Returns how many projects were queued again.
    """
    now = timezone.now()
    threshold = now - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS)
    requeued: list[tuple[int, int]] = []
    exhausted: list[tuple[int, int]] = []
    with transaction.atomic():
        # skip_locked: a row locked right now is being worked on by a live
        # worker (project_match holds the lock for its whole run).
        stuck = list(
            Project.objects.select_for_update(skip_locked=True)
            .filter(status=Project.Status.PENDING, updated_at__lt=threshold)
            .order_by("pk")
            .only("pk", "inputs_version", "attempts")[:500]
        )
        for project in stuck:
            if project.attempts >= settings.MATCHING_MAX_ATTEMPTS:
                exhausted.append((project.pk, project.inputs_version))
            else:
                requeued.append((project.pk, project.inputs_version))
        # Touch what is re-queued, so the next sweep leaves it alone for
        # another threshold instead of piling duplicates on a slow queue.
        Project.objects.filter(pk__in=[pk for pk, _ in requeued]).update(
            updated_at=now, read_version=F("read_version") + 1
        )
        transaction.on_commit(lambda: _enqueue_sweep(requeued))
    for project_id, inputs_version in exhausted:
        project_mark_failed(
            project_id=project_id,
            inputs_version=inputs_version,
            reason=(
                f"Matching did not complete after {settings.MATCHING_MAX_ATTEMPTS} attempts; "
                "staff can re-run it once the cause is fixed."
            ),
        )
    if requeued or exhausted:
        logger.warning(
            "stuck projects swept",
            extra={"requeued": [pk for pk, _ in requeued], "failed": [pk for pk, _ in exhausted]},
        )
    return len(requeued)
