"""Celery tasks: ids in, one service call, safe to run twice."""

from celery import shared_task


@shared_task(name="matching.project_match", acks_late=True)
def project_match_task(
    *, project_id: int, inputs_version: int | None = None, trigger: str = "submit"
) -> None:
    from matching.services.runs import project_match

    project_match(project_id=project_id, inputs_version=inputs_version, trigger=trigger)


@shared_task(name="matching.sweep_stuck_projects")
def sweep_stuck_projects_task() -> int:
    from matching.services.recovery import stuck_projects_sweep

    return stuck_projects_sweep()
