"""Writes for matching: run classification and ranking for a project."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marketplace.models import Project, Role, Specialist
from matching.models import Match, MatchRun

logger = logging.getLogger(__name__)

ALGORITHM_VERSION = "placeholder-0"


def _placeholder_role(project: Project) -> tuple[str, float, list[str]]:
    if project.model_is_moat or project.needs_continuous_retraining:
        return Role.ML_ENGINEER, 0.7, ["Placeholder: the checklist points to model training."]
    return Role.AI_ENGINEER, 0.6, ["Placeholder: no sign of custom model training."]


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
        role, confidence, rationale = _placeholder_role(project)
        project.role_need = role
        project.classified_role = role
        project.role_confidence = confidence
        project.role_rationale = rationale
        run = MatchRun.objects.create(
            project=project,
            trigger=trigger,
            algorithm_version=ALGORITHM_VERSION,
            inputs_version=project.inputs_version,
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


def stuck_projects_sweep() -> int:
    """Re-enqueue projects left pending too long (a worker died holding them)."""
    from matching.tasks import project_match_task

    threshold = timezone.now() - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS)
    stuck = list(
        Project.objects.filter(
            status=Project.Status.PENDING, status_changed_at__lt=threshold
        ).values_list("pk", "inputs_version")
    )
    for project_id, inputs_version in stuck:
        project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger="sweep"
        )
    return len(stuck)
