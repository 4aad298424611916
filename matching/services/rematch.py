"""Queueing runs: when a project is ranked (again) and how roster changes are coalesced.

``project_match`` (``matching.services.runs``) does the work; this module
decides that it is due: a submission or a change of the project's inputs, a
staff re-run, or a roster change that may change the project's list.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from marketplace.models import Project, Specialist
from matching.models import MatchRun
from matching.ranking import projects_affected_by, scoring_params

logger = logging.getLogger(__name__)


def project_match_enqueue(*, project: Project, trigger: str) -> None:
    """Queue a run for the project's current inputs once the transaction commits."""
    from matching.tasks import project_match_task

    project_id, inputs_version = project.pk, project.inputs_version
    transaction.on_commit(
        lambda: project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger=trigger
        )
    )


def project_inputs_changed(*, project: Project, trigger: str) -> None:
    """The project's inputs changed (its brief, or its role need): rank it afresh.

    The one place that says what that means: a newer ``inputs_version`` makes
    any run still working on the old inputs stand down; the project is pending
    again with a clean slate of attempts and no failure reason; it is saved and
    ranked again once the transaction commits. The caller holds the row lock.
    """
    project.inputs_version += 1
    project.status = Project.Status.PENDING
    project.status_changed_at = timezone.now()
    project.failure_reason = ""
    project.attempts = 0
    project.read_version += 1
    project.save()
    project_match_enqueue(project=project, trigger=trigger)


def _rematch_marker(project_id: int) -> str:
    return f"matching:rematch-queued:{project_id}"


def rematch_marker_clear(*, project_id: int) -> None:
    try:
        cache.delete(_rematch_marker(project_id))
    except Exception:
        # The marker lapses by itself; a cache outage must not stop matching.
        logger.warning("could not clear the re-match marker", exc_info=True)


def project_rematch_enqueue(*, project_id: int, inputs_version: int) -> None:
    """Queue a roster-change run once the transaction commits, unless one is queued already.

    The marker is set after the change commits and cleared by the run before
    it reads the roster, so a change either finds no marker (and queues a run)
    or finds a run that has not read the roster yet (and will see it).
    """
    from matching.tasks import project_match_task

    def enqueue() -> None:
        try:
            first = cache.add(
                _rematch_marker(project_id),
                inputs_version,
                timeout=settings.MATCHING_REMATCH_COALESCE_SECONDS,
            )
        except Exception:
            logger.warning("could not set the re-match marker; queueing anyway", exc_info=True)
            first = True
        if first:
            project_match_task.apply_async(
                kwargs={
                    "project_id": project_id,
                    "inputs_version": inputs_version,
                    "trigger": MatchRun.Trigger.ROSTER_CHANGE,
                },
                countdown=settings.MATCHING_REMATCH_DELAY_SECONDS,
            )

    transaction.on_commit(enqueue)


def open_projects() -> QuerySet[Project]:
    """Projects still looking for specialists: not closed and not failed."""
    return Project.objects.filter(closed_at__isnull=True).exclude(status=Project.Status.FAILED)


@transaction.atomic
def project_rerun(*, project: Project, trigger: str = MatchRun.Trigger.STAFF) -> None:
    """Rank the project again with its current inputs (the roster may have changed)."""
    project_match_enqueue(project=project, trigger=trigger)


@transaction.atomic
def specialists_changed(
    *, specialist_ids: Iterable[int], except_project_ids: Iterable[int] = ()
) -> int:
    """Re-rank the open projects that a change to these specialists may affect.

    A change of rate, availability, tier, vetting, activity, hours or skills
    can add a specialist to a project's list or remove one from it: every
    open, matched project whose latest list holds one of them, or whose need,
    budget, start and hours one of them could now meet, is ranked again (once
    each, after the change commits, coalesced with other changes while its run
    is still queued: see ``project_rematch_enqueue``). ``except_project_ids`` are left alone
    (the project whose own decision changed the specialist). Returns how many
    projects were queued.
    """
    ids = sorted(set(specialist_ids))
    if not ids:
        return 0
    skipped = set(except_project_ids)
    affected = [
        project_id
        for project_id in projects_affected_by(
            specialist_ids=ids, params=scoring_params(), today=timezone.localdate()
        )
        if project_id not in skipped
    ]
    for project in Project.objects.filter(pk__in=affected).only("pk", "inputs_version"):
        project_rematch_enqueue(project_id=project.pk, inputs_version=project.inputs_version)
    return len(affected)


def _capacity_marker(specialist_id: int) -> str:
    return f"matching:capacity-changed:{specialist_id}"


def specialist_capacity_changed(
    *, specialist_id: int, hours_before: int, except_project_ids: Iterable[int] = ()
) -> None:
    """A client decision moved the specialist's free hours: re-rank where that matters.

    Coalesced per specialist: the first change of a burst remembers the free
    hours before it, in the shared cache, and queues one task; later changes
    queue nothing. The task compares those hours with the hours it finds
    (``specialist_capacity_settle``), so accepting and declining back and forth
    ends in one comparison, and no re-ranking at all when it ends where it began.
    """
    from matching.tasks import specialist_capacity_settle_task

    skipped = sorted(set(except_project_ids))

    def enqueue() -> None:
        try:
            first = cache.add(
                _capacity_marker(specialist_id),
                {"hours_before": hours_before, "except_project_ids": skipped},
                timeout=settings.MATCHING_REMATCH_COALESCE_SECONDS,
            )
        except Exception:
            logger.warning("could not set the capacity marker; settling now", exc_info=True)
            specialist_capacity_settle(
                specialist_id=specialist_id, hours_before=hours_before, except_project_ids=skipped
            )
            return
        if first:
            specialist_capacity_settle_task.apply_async(
                kwargs={"specialist_id": specialist_id},
                countdown=settings.MATCHING_REMATCH_DELAY_SECONDS,
            )

    transaction.on_commit(enqueue)


def specialist_capacity_settle_queued(*, specialist_id: int) -> int:
    """Run the coalesced comparison queued by ``specialist_capacity_changed``."""
    # Taken before the hours are read: a change committed after this queues its own.
    try:
        marker = cache.get(_capacity_marker(specialist_id))
        cache.delete(_capacity_marker(specialist_id))
    except Exception:
        logger.warning("could not read the capacity marker", exc_info=True)
        marker = None
    if not isinstance(marker, dict) or not isinstance(marker.get("hours_before"), int):
        # Lost (or lapsed): fall back to re-ranking every list it may touch.
        return specialists_changed(specialist_ids=[specialist_id])
    return specialist_capacity_settle(
        specialist_id=specialist_id,
        hours_before=marker["hours_before"],
        except_project_ids=marker.get("except_project_ids") or (),
    )


@transaction.atomic
def specialist_capacity_settle(
    *, specialist_id: int, hours_before: int, except_project_ids: Iterable[int] = ()
) -> int:
    """Re-rank the open projects whose list the change of free hours moves the specialist on or off.

    Free hours only ever decide whether a specialist can be listed for a
    project at all (at least the project's hours a week), never their score:
    so only projects whose hours lie between the free hours before and after,
    ``before < hours <= after`` or ``after < hours <= before``, can see their
    list change. Returns how many projects were queued.
    """
    specialist = Specialist.objects.filter(pk=specialist_id).first()
    if specialist is None:
        return 0
    hours_after = specialist.remaining_hours
    low, high = sorted((hours_before, hours_after))
    if low == high:
        return 0
    skipped = set(except_project_ids)
    candidates = [
        project_id
        for project_id in projects_affected_by(
            specialist_ids=[specialist_id], params=scoring_params(), today=timezone.localdate()
        )
        if project_id not in skipped
    ]
    crossed = Project.objects.filter(
        pk__in=candidates, hours_per_week__gt=low, hours_per_week__lte=high
    ).only("pk", "inputs_version")
    queued = 0
    for project in crossed:
        project_rematch_enqueue(project_id=project.pk, inputs_version=project.inputs_version)
        queued += 1
    return queued
