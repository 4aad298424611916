"""Recovery: projects that a dead worker, a lost message or a failing task left behind.

A project is never left ``pending`` for ever: every worker pickup is counted
(``Project.attempts``), the sweeper re-queues a project whose worker is gone
or whose message is lost (see ``stuck_projects_sweep``), and once
``MATCHING_MAX_ATTEMPTS`` pickups have not produced a result the project ends
``failed`` with a reason that staff can read, instead of looping.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from marketplace.models import Project
from matching import metrics
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


def project_retry_scheduled(*, project_id: int) -> None:
    """A worker will pick the project up again after a retry countdown: restart its clock.

    The sweeper counts a picked-up project's lease from its last touch; without
    this, a run that spent its soft time limit and then waits out its countdown
    would look abandoned. Best effort: the retry is often for a lost database.
    """
    try:
        Project.objects.filter(pk=project_id, status=Project.Status.PENDING).update(
            updated_at=timezone.now(), read_version=F("read_version") + 1
        )
    except Exception:
        logger.warning("could not touch a project before its retry", exc_info=True)


def lost_worker_after_seconds() -> int:
    """How long after its pickup a still-pending, unlocked project has surely lost its worker.

    A live task holds the project no longer than the hard time limit (Celery
    kills it then); the margin covers the moments just before and after the
    run, and clocks a little apart.
    """
    return int(settings.CELERY_TASK_TIME_LIMIT) + settings.STUCK_PROJECT_MARGIN_SECONDS


def _enqueue_sweep(projects: list[tuple[int, int]]) -> None:
    from matching.tasks import project_match_task

    for project_id, inputs_version in projects:
        project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger=MatchRun.Trigger.SWEEP
        )


def stuck_projects_sweep() -> int:
    """Re-queue pending projects nobody is working on; fail those out of attempts.

    A live run holds the project's row lock for its whole run, so a pending
    project that is not locked (``SKIP LOCKED``) is either between two pickups
    or abandoned. Which it is, the clock says (``updated_at``: the last pickup,
    retry or re-queue):

    - picked up in this pending episode (``attempts > 0``): abandoned once the
      pickup is older than the hard time limit plus a margin: a worker killed
      mid-run, whose message Redis would give out again only after the
      visibility timeout;
    - never picked up: lost once it waited ``STUCK_PROJECT_AFTER_SECONDS``: a
      publish that failed, a broker that restarted empty, a message a killed
      worker had taken but not started, or one Redis handed out (BRPOP) that
      the kill caught before kombu recorded it as unacknowledged.

    On SQLite (no row locks) the clock alone decides, which is still safe: past
    the hard time limit no live run of that pickup is left. A duplicate message
    is harmless: the project is matched once (row lock, state checks) and the
    other delivery is dropped. Returns how many projects were queued again.
    """
    now = timezone.now()
    never_picked_up = Q(
        attempts=0,
        updated_at__lt=now - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS),
    )
    lost_worker = Q(
        attempts__gt=0,
        updated_at__lt=now - timedelta(seconds=lost_worker_after_seconds()),
    )
    requeued: list[tuple[int, int]] = []
    exhausted: list[tuple[int, int]] = []
    with transaction.atomic():
        stuck = list(
            Project.objects.select_for_update(skip_locked=True)
            .filter(never_picked_up | lost_worker, status=Project.Status.PENDING)
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
        lost_workers = sum(1 for p in stuck if 0 < p.attempts < settings.MATCHING_MAX_ATTEMPTS)
        transaction.on_commit(lambda: _enqueue_sweep(requeued))
        transaction.on_commit(
            lambda: metrics.sweeper_requeued(
                lost_worker=lost_workers, never_picked_up=len(requeued) - lost_workers
            )
        )
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
