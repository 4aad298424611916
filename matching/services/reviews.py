"""Writes for people's decisions on matches: staff review, role overrides, clients."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from marketplace.models import Project, Specialist
from matching.models import Decision, Match, MatchRun
from matching.services.runs import project_match_enqueue

_REVIEW_ACTIONS: dict[str, str] = {
    Match.ReviewStatus.APPROVED: Decision.Action.APPROVE,
    Match.ReviewStatus.SHORTLISTED: Decision.Action.SHORTLIST,
    Match.ReviewStatus.REJECTED: Decision.Action.REJECT,
}


def decision_record(
    *,
    actor: Any,
    action: str,
    reason: str = "",
    project: Project | None = None,
    specialist: Specialist | None = None,
    match: Match | None = None,
    details: dict[str, Any] | None = None,
) -> Decision:
    """Keep who decided what, when and why."""
    return Decision.objects.create(
        actor=actor if isinstance(actor, User) else None,
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        reason=reason,
        project=project,
        specialist=specialist,
        match=match,
        details=details or {},
    )


@transaction.atomic
def match_review(*, match: Match, status: str, actor: User, reason: str = "") -> Match:
    """Staff approve, shortlist or reject a match; a rejection needs a reason."""
    if status not in _REVIEW_ACTIONS:
        raise ValueError(f"unknown review status {status!r}")
    if status == Match.ReviewStatus.REJECTED and not reason.strip():
        raise ValueError("a rejection needs a reason")
    match = Match.objects.select_for_update().get(pk=match.pk)
    match.review_status = status
    match.review_reason = reason
    match.reviewed_by = actor
    match.reviewed_at = timezone.now()
    match.save(update_fields=["review_status", "review_reason", "reviewed_by", "reviewed_at"])
    decision_record(
        actor=actor,
        action=_REVIEW_ACTIONS[status],
        reason=reason,
        project=match.project,
        specialist=match.specialist,
        match=match,
    )
    return match


@transaction.atomic
def project_role_override(*, project: Project, role: str, actor: User, reason: str = "") -> Project:
    """Staff set the role need themselves; the project is ranked again for it."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    previous = project.role_override or project.role_need
    project.role_override = role
    project.role_override_by = actor
    project.role_override_at = timezone.now()
    project.role_override_reason = reason
    project.inputs_version += 1
    project.save()
    decision_record(
        actor=actor,
        action=Decision.Action.OVERRIDE_ROLE,
        reason=reason,
        project=project,
        details={"from": previous, "to": role},
    )
    project_match_enqueue(project=project, trigger=MatchRun.Trigger.ROLE_OVERRIDE)
    return project
