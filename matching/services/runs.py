"""Writes for matching runs: classify a project and rank specialists for it."""

import logging
import time
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from marketplace.models import Project, Role, Specialist
from matching.classifier import classify
from matching.models import Match, MatchRun

logger = logging.getLogger(__name__)

ALGORITHM_VERSION = "placeholder-0"


def project_classify(*, project: Project) -> None:
    """Set the project's role need from its brief and checklist (not saved here)."""
    result = classify(
        title=project.title,
        description=project.description,
        required_skills=project.required_skills,
        checklist=project.checklist,
    )
    project.classified_role = result.role_need
    project.role_need = project.role_override or result.role_need
    project.role_confidence = result.confidence
    project.role_rationale = list(result.rationale)
    if project.role_override:
        project.role_rationale.insert(
            0,
            f"Our staff set this project's need to {project.get_role_override_display()}"
            + (f": {project.role_override_reason}" if project.role_override_reason else "."),
        )
    # Unanswered questions stay useful after an override only to the client.
    project.clarifying_questions = list(result.clarifying_questions)
    project.classifier_version = result.version


def project_match(
    *, project_id: int, inputs_version: int | None = None, trigger: str = "submit"
) -> MatchRun | None:
    """Classify a project and rank specialists for it; safe to run twice."""
    started = time.monotonic()
    with transaction.atomic():
        project = Project.objects.select_for_update().filter(pk=project_id).first()
        if project is None:
            return None
        if inputs_version is not None and inputs_version != project.inputs_version:
            # A newer task for the newer inputs is (or was) queued; it owns the work.
            return None
        if (
            trigger in {"submit", "sweep"}
            and project.status == Project.Status.MATCHED
            and project.match_runs.filter(
                inputs_version=project.inputs_version, outcome=MatchRun.Outcome.SUCCEEDED
            ).exists()
        ):
            return None
        project_classify(project=project)
        role = project.role_need
        run = MatchRun.objects.create(
            project=project,
            trigger=trigger,
            algorithm_version=ALGORITHM_VERSION,
            inputs_version=project.inputs_version,
            classifier_version=project.classifier_version,
            inputs={"role_need": role},
        )
        candidates = Specialist.objects.filter(vetted=True, is_active=True, tier=role).order_by(
            "hourly_rate", "available_from", "id"
        )[: settings.MATCHING_TOP_K]
        Match.objects.bulk_create(
            Match(
                run=run,
                project=project,
                specialist=specialist,
                rank=rank,
                score=1.0 / rank,
                breakdown={"tier": 1.0, "budget": 1.0, "start": 1.0},
                explanation=["Placeholder ranking."],
            )
            for rank, specialist in enumerate(candidates, start=1)
        )
        run.outcome = MatchRun.Outcome.SUCCEEDED
        run.finished_at = timezone.now()
        run.duration_ms = int((time.monotonic() - started) * 1000)
        run.candidate_count = run.matches.count()
        run.save()
        project.status = Project.Status.MATCHED
        project.status_changed_at = timezone.now()
        project.matched_at = timezone.now()
        project.save()
    return run


def project_match_enqueue(*, project: Project, trigger: str) -> None:
    """Queue a run for the project's current inputs once the transaction commits."""
    from matching.tasks import project_match_task

    project_id, inputs_version = project.pk, project.inputs_version
    transaction.on_commit(
        lambda: project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger=trigger
        )
    )


def open_projects() -> QuerySet[Project]:
    """Projects still looking for specialists: not closed and not failed."""
    return Project.objects.filter(closed_at__isnull=True).exclude(status=Project.Status.FAILED)


@transaction.atomic
def project_rerun(*, project: Project, trigger: str = MatchRun.Trigger.STAFF) -> None:
    """Rank the project again with its current inputs (the roster may have changed)."""
    project_match_enqueue(project=project, trigger=trigger)


@transaction.atomic
def specialists_changed(*, specialist_ids: Iterable[int]) -> int:
    """Re-rank the open projects that a change to these specialists may affect.

    A change of rate, availability, tier, vetting or activity can add a
    specialist to a project's list or remove one from it, so every open
    project whose need the specialist's tier (old or new) can serve is ranked
    again. Returns how many projects were queued.
    """
    ids = list(specialist_ids)
    if not ids:
        return 0
    tiers = set(Specialist.objects.filter(pk__in=ids).values_list("tier", flat=True))
    affected = open_projects().filter(
        Q(matches__specialist_id__in=ids)
        | Q(role_need__in=tiers)
        | Q(role_override__in=tiers)
        # An AI need may list ML-tier specialists below the AI tier.
        | Q(role_need=Role.AI_ENGINEER)
    )
    queued = 0
    for project in affected.distinct().only("pk", "inputs_version"):
        project_match_enqueue(project=project, trigger=MatchRun.Trigger.ROSTER_CHANGE)
        queued += 1
    return queued
