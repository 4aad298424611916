"""Writes for people's decisions on matches: staff review, role overrides, clients."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.actors import Actor, actor_user
from marketplace.errors import InvalidRequest
from marketplace.models import Project, Specialist
from matching.models import Decision, Match, MatchRun
from matching.services.read_versions import project_reads_changed, specialist_reads_changed
from matching.services.rematch import (
    project_inputs_changed,
    project_rerun,
    specialists_changed,
)

_REVIEW_ACTIONS: dict[str, str] = {
    Match.ReviewStatus.APPROVED: Decision.Action.APPROVE,
    Match.ReviewStatus.SHORTLISTED: Decision.Action.SHORTLIST,
    Match.ReviewStatus.REJECTED: Decision.Action.REJECT,
}


def decision_record(
    *,
    actor: Actor,
    action: str,
    reason: str = "",
    project: Project | None = None,
    specialist: Specialist | None = None,
    match: Match | None = None,
    details: dict[str, Any] | None = None,
    actor_label: str = "",
) -> Decision:
    """Keep who decided what, when and why (``actor_label`` names a system actor, a command)."""
    return Decision.objects.create(
        actor=actor_user(actor),
        actor_label=actor_label or (str(actor) if actor is not None else "system"),
        action=action,
        reason=reason,
        project=project,
        specialist=specialist,
        match=match,
        details=details or {},
    )


@transaction.atomic
def match_review(*, match: Match, status: str, actor: Actor, reason: str = "") -> Match:
    """Staff approve, shortlist or reject a match; a rejection needs a reason."""
    if status not in _REVIEW_ACTIONS:
        raise InvalidRequest(f"unknown review status {status!r}")
    if status == Match.ReviewStatus.REJECTED and not reason.strip():
        raise InvalidRequest("a rejection needs a reason")
    match = Match.objects.select_for_update().get(pk=match.pk)
    review = {
        "review_status": status,
        "review_reason": reason,
        "reviewed_by": actor_user(actor),
        "reviewed_at": timezone.now(),
    }
    for field, value in review.items():
        setattr(match, field, value)
    match.save(update_fields=list(review))
    # A run that finished while staff looked at an older one already copied the
    # old review; the decision applies to the same pair in the newer runs too.
    Match.objects.filter(
        project_id=match.project_id, specialist_id=match.specialist_id, run_id__gt=match.run_id
    ).update(**review)
    project_reads_changed(project_ids=[match.project_id])
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
def project_role_override(
    *, project: Project, role: str, actor: Actor, reason: str = ""
) -> Project:
    """Staff set the role need themselves; the project is ranked again for it."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    previous = project.role_override or project.role_need
    project.role_override = role
    project.role_override_by = actor_user(actor)
    project.role_override_at = timezone.now()
    project.role_override_reason = reason
    project_inputs_changed(project=project, trigger=MatchRun.Trigger.ROLE_OVERRIDE)
    decision_record(
        actor=actor,
        action=Decision.Action.OVERRIDE_ROLE,
        reason=reason,
        project=project,
        details={"from": previous, "to": role},
    )
    return project


# What each bulk change to the roster means as a decision. Only the changes
# staff make from the admin are listed: anything else is an edit, not a decision.
# What a bulk change of each field records, by the value it is set to.
_SPECIALIST_CHANGES: dict[str, dict[Any, str]] = {
    "vetted": {True: Decision.Action.VET, False: Decision.Action.UNVET},
    "is_active": {True: Decision.Action.REACTIVATE, False: Decision.Action.DEACTIVATE},
}


def _specialist_change_action(field: str, value: Any) -> str:
    if field == "available_from":
        if not isinstance(value, date):
            raise InvalidRequest("available_from must be a date")
        return Decision.Action.CHANGE_AVAILABILITY
    if field not in _SPECIALIST_CHANGES:
        raise InvalidRequest(f"{field!r} cannot be changed in bulk")
    if not isinstance(value, bool):
        raise InvalidRequest(f"{field!r} must be true or false")
    return _SPECIALIST_CHANGES[field][value]


@transaction.atomic
def specialists_bulk_update(
    *,
    specialist_ids: Iterable[int],
    changes: Mapping[str, Any],
    actor: Actor,
    reason: str = "",
) -> list[Specialist]:
    """Vet, deactivate (or undo either) or move the availability of specialists.

    ``changes`` holds any of ``vetted=<bool>``, ``is_active=<bool>`` and
    ``available_from=<date>``. Each specialist the change really alters gets a
    Decision; the open projects they may enter or leave are ranked again once
    the transaction commits. Returns the specialists that changed.
    """
    if not changes:
        raise InvalidRequest("nothing to change")
    actions = {field: _specialist_change_action(field, value) for field, value in changes.items()}
    changed: list[Specialist] = []
    # Locked in id order, like every other writer of specialists, so two bulk
    # updates over overlapping selections cannot deadlock.
    for specialist in (
        Specialist.objects.select_for_update().filter(pk__in=list(specialist_ids)).order_by("pk")
    ):
        altered = {
            field: (getattr(specialist, field), value)
            for field, value in changes.items()
            if getattr(specialist, field) != value
        }
        if not altered:
            continue
        for field, (_old, new) in altered.items():
            setattr(specialist, field, new)
        specialist.save(update_fields=[*altered, "updated_at"])
        for field, (old, new) in altered.items():
            decision_record(
                actor=actor,
                action=actions[field],
                reason=reason,
                specialist=specialist,
                details={"field": field, "from": _plain(old), "to": _plain(new)},
            )
        changed.append(specialist)
    if changed:
        specialist_reads_changed(specialist_ids=[specialist.pk for specialist in changed])
        specialists_changed(specialist_ids=[specialist.pk for specialist in changed])
    return changed


@transaction.atomic
def projects_rerun(*, projects: Iterable[Project], actor: Actor, reason: str = "") -> int:
    """Staff rank projects again (the roster may have changed); closed projects are left alone.

    Returns how many projects were queued.
    """
    queued = 0
    for project in projects:
        if not project.is_open:
            continue
        decision_record(actor=actor, action=Decision.Action.RERUN, reason=reason, project=project)
        project_rerun(project=project, trigger=MatchRun.Trigger.STAFF)
        queued += 1
    return queued


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value for a decision's details."""
    return value.isoformat() if isinstance(value, date) else value
