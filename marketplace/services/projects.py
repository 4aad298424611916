"""Writes for projects: submission and changes by their owners."""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from accounts.models import Organization, PartnerAPIKey, User
from marketplace.errors import DomainError
from marketplace.models import Project
from marketplace.vocabulary import CHECKLIST_KEYS
from matching.models import MatchRun
from matching.services.rematch import project_inputs_changed, project_match_enqueue


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
    timezone: str = "",
    working_hours: str = "",
    min_overlap_hours: Decimal = Decimal("0"),
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
        timezone=timezone,
        working_hours=working_hours if timezone else "",
        min_overlap_hours=min_overlap_hours if timezone else Decimal("0"),
        **{key: answers.get(key) for key in CHECKLIST_KEYS},
    )
    project.full_clean()
    project.save()
    project_match_enqueue(project=project, trigger=MatchRun.Trigger.SUBMIT)
    return project


_EDITABLE_FIELDS = (
    "title",
    "description",
    "hourly_budget_max",
    "desired_start",
    "hours_per_week",
    "required_skills",
    "timezone",
    "working_hours",
    "min_overlap_hours",
)


class ProjectClosed(DomainError):
    """The project no longer takes changes (the client closed it)."""


@transaction.atomic
def project_update(*, project: Project, data: Mapping[str, Any]) -> Project:
    """Change a client's open project and rank it again for the new inputs.

    ``data`` holds only what changes; ``checklist`` holds only the answers that
    change (this is how a client answers the clarifying questions). Nothing
    changed means no new run.
    """
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not project.is_open:
        raise ProjectClosed("This project is closed and no longer takes changes.")
    changes: dict[str, Any] = {key: data[key] for key in _EDITABLE_FIELDS if key in data}
    if "required_skills" in changes:
        changes["required_skills"] = list(changes["required_skills"])
    for key, answer in dict(data.get("checklist") or {}).items():
        if key in CHECKLIST_KEYS:
            changes[key] = answer
    if changes.get("timezone") == "":
        # No time zone, no working day: overlap plays no part again.
        changes.update(working_hours="", min_overlap_hours=Decimal("0"))
    changed = {key: value for key, value in changes.items() if getattr(project, key) != value}
    if not changed:
        return project
    for key, value in changed.items():
        setattr(project, key, value)
    project.full_clean()
    project_inputs_changed(project=project, trigger=MatchRun.Trigger.PROJECT_UPDATE)
    return project
