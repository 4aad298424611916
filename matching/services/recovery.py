"""Recovery: projects that a dead worker or a failing task left behind."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from marketplace.models import Project


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
