"""Writes for projects and specialists."""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction

from accounts.models import Organization, PartnerAPIKey, User
from marketplace.models import CHECKLIST_KEYS, Project, Specialist


def _enqueue_match(*, project: Project, trigger: str) -> None:
    from matching.tasks import project_match_task

    project_id, inputs_version = project.pk, project.inputs_version
    transaction.on_commit(
        lambda: project_match_task.delay(
            project_id=project_id, inputs_version=inputs_version, trigger=trigger
        )
    )


@transaction.atomic
def project_submit(
    *,
    organization: Organization,
    title: str,
    description: str,
    hourly_budget_max: Decimal,
    desired_start: date,
    hours_per_week: int = 40,
    required_skills: Sequence[str] = (),
    checklist: Mapping[str, bool | None] | None = None,
    submitted_by: User | None = None,
    submitted_via_key: PartnerAPIKey | None = None,
) -> Project:
    """Store a client's brief as pending and queue its classification and ranking."""
    answers = dict(checklist or {})
    project = Project(
        organization=organization,
        submitted_by=submitted_by,
        submitted_via_key=submitted_via_key,
        title=title,
        description=description,
        hourly_budget_max=hourly_budget_max,
        desired_start=desired_start,
        hours_per_week=hours_per_week,
        required_skills=list(required_skills),
        **{key: answers.get(key) for key in CHECKLIST_KEYS},
    )
    project.full_clean()
    project.save()
    _enqueue_match(project=project, trigger="submit")
    return project


def specialist_upsert(*, data: Mapping[str, object]) -> tuple[Specialist, bool]:
    """Create or update one specialist by email."""
    fields = {key: value for key, value in data.items() if key != "email"}
    email = str(data["email"]).strip().lower()
    specialist = Specialist.objects.filter(email=email).first()
    created = specialist is None
    if specialist is None:
        specialist = Specialist(email=email)
    for key, value in fields.items():
        setattr(specialist, key, value)
    specialist.full_clean()
    specialist.save()
    return specialist, created
