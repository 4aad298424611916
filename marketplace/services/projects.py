"""Writes for projects: submission and changes by their owners."""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction

from accounts.models import Organization, PartnerAPIKey, User
from marketplace.models import CHECKLIST_KEYS, Project
from matching.models import MatchRun
from matching.services.runs import project_match_enqueue


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
    project_match_enqueue(project=project, trigger=MatchRun.Trigger.SUBMIT)
    return project
