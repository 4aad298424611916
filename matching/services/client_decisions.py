"""Writes for a client's own decisions on its matches: accept or decline.

Accepting commits the project's weekly hours on the specialist; declining an
accepted match (un-accepting) releases them. Hours belong to the pair
(project, specialist): the same specialist proposed again by a later run is
not committed twice. Locks are taken in one order everywhere: the match, then
the specialist (then, to count its holds, the project).

The rule against booking the roster away: a client's accept holds the
specialist's hours only for ``MATCHING_ACCEPT_HOLD_HOURS`` unless staff
approve the match meanwhile (``match_holds_expire`` releases lapsed holds),
and a project holds at most ``MATCHING_MAX_HELD_PER_PROJECT`` specialists at
once.
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.actors import Actor
from marketplace.errors import DomainError
from marketplace.models import Project, Specialist
from matching.models import Decision, Match
from matching.selectors import latest_run
from matching.services.read_versions import project_reads_changed
from matching.services.rematch import specialist_capacity_changed
from matching.services.reviews import decision_record
from webhooks.services import EVENT_MATCH_UPDATED, event_publish


class MatchDecisionConflict(DomainError):
    """The decision cannot be made in the current state (capacity, closed project)."""


def _pair_accepted_elsewhere(match: Match) -> bool:
    return (
        Match.objects.filter(
            project_id=match.project_id,
            specialist_id=match.specialist_id,
            client_status=Match.ClientStatus.ACCEPTED,
        )
        .exclude(pk=match.pk)
        .exists()
    )


def _hours_committed_for(match: Match, project: Project) -> int:
    """What accepting this pair committed, as recorded at the time (hours may change since)."""
    decisions = Decision.objects.filter(
        action=Decision.Action.CLIENT_ACCEPT,
        project_id=match.project_id,
        specialist_id=match.specialist_id,
    ).order_by("-created_at", "-id")
    for decision in decisions:
        hours = decision.details.get("committed_hours")
        if isinstance(hours, int) and hours > 0:
            return hours
    return project.hours_per_week


def _publish(match: Match, project: Project) -> None:
    event_publish(
        organization=project.organization,
        event=EVENT_MATCH_UPDATED,
        payload={
            "project_id": project.pk,
            "match_id": match.pk,
            "specialist_id": match.specialist_id,
            "rank": match.rank,
            "client_status": match.client_status,
            "client_reason": match.client_reason,
            "decided_at": match.client_decided_at.isoformat() if match.client_decided_at else None,
        },
    )


def _locked(match: Match) -> tuple[Match, Project, Specialist]:
    match = Match.objects.select_for_update().get(pk=match.pk)
    specialist = Specialist.objects.select_for_update().get(pk=match.specialist_id)
    project = Project.objects.select_related("organization").get(pk=match.project_id)
    return match, project, specialist


def _capacity_change(specialist: Specialist, project: Project, hours: int) -> None:
    """Commit (or release, when negative) hours, and re-rank the lists that offer them."""
    if not hours:
        return
    hours_before = specialist.remaining_hours
    specialist.committed_hours += hours
    specialist.save(update_fields=["committed_hours", "updated_at"])
    # Other open projects may list this specialist beyond their new capacity,
    # or may now have room for them: only those whose hours the change
    # crosses, coalesced per specialist. The deciding project keeps its list.
    specialist_capacity_changed(
        specialist_id=specialist.pk, hours_before=hours_before, except_project_ids=[project.pk]
    )


def _decide(
    *,
    match: Match,
    project: Project,
    specialist: Specialist,
    status: str,
    action: str,
    actor: Actor,
    reason: str,
    details: dict[str, Any],
) -> Match:
    match.client_status = status
    match.client_reason = reason
    match.client_decided_at = timezone.now()
    match.save(update_fields=["client_status", "client_reason", "client_decided_at"])
    project_reads_changed(project_ids=[project.pk])
    decision_record(
        actor=actor,
        action=action,
        reason=reason,
        project=project,
        specialist=specialist,
        match=match,
        details=details,
    )
    _publish(match, project)
    return match


@transaction.atomic
def match_client_accept(*, match: Match, actor: Actor, reason: str = "") -> Match:
    """The client takes the specialist on: commit the project's hours on them.

    Accepting an accepted match changes nothing. Raises ``MatchDecisionConflict``
    when the project is closed or the specialist no longer has the hours.
    """
    match, project, specialist = _locked(match)
    if match.client_status == Match.ClientStatus.ACCEPTED:
        return match
    if not project.is_open:
        raise MatchDecisionConflict("This project is closed.")
    _hold_limit_check(match, project)
    committed = 0
    if not _pair_accepted_elsewhere(match):
        if not (specialist.is_active and specialist.vetted):
            raise MatchDecisionConflict("This specialist is no longer available.")
        if specialist.remaining_hours < project.hours_per_week:
            raise MatchDecisionConflict(
                f"This specialist has {specialist.remaining_hours} hours a week left; "
                f"the project needs {project.hours_per_week}."
            )
        committed = project.hours_per_week
        _capacity_change(specialist, project, committed)
    return _decide(
        match=match,
        project=project,
        specialist=specialist,
        status=Match.ClientStatus.ACCEPTED,
        action=Decision.Action.CLIENT_ACCEPT,
        actor=actor,
        reason=reason,
        details={"committed_hours": committed},
    )


def _hold_limit_check(match: Match, project: Project) -> None:
    """Refuse a hold beyond the project's limit; the project's row serialises its accepts."""
    Project.objects.select_for_update().filter(pk=project.pk).values_list("pk").first()
    limit = settings.MATCHING_MAX_HELD_PER_PROJECT
    run = latest_run(project=project)
    held = (
        Match.objects.filter(run=run, client_status=Match.ClientStatus.ACCEPTED)
        .exclude(specialist_id=match.specialist_id)
        .values("specialist_id")
        .distinct()
        .count()
        if run is not None
        else 0
    )
    if held >= limit:
        raise MatchDecisionConflict(
            f"A project may hold at most {limit} specialists at once; "
            "decline one before accepting another."
        )


def hold_expired_before(*, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(hours=settings.MATCHING_ACCEPT_HOLD_HOURS)


def match_holds_expire(*, now: datetime | None = None, limit: int = 500) -> int:
    """Release the hours of accepts that staff did not approve within the hold time.

    The matches go back to open (the client may accept again while the hours
    are free), with the reason on the match and in the decision log. Returns
    how many holds were released.
    """
    before = hold_expired_before(now=now)
    pairs = list(
        Match.objects.filter(
            client_status=Match.ClientStatus.ACCEPTED,
            client_decided_at__lt=before,
            project__closed_at__isnull=True,
        )
        .exclude(review_status=Match.ReviewStatus.APPROVED)
        .values_list("project_id", "specialist_id")
        .distinct()
        .order_by("project_id", "specialist_id")[:limit]
    )
    return sum(
        _hold_expire(project_id=project_id, specialist_id=specialist_id, before=before)
        for project_id, specialist_id in pairs
    )


@transaction.atomic
def _hold_expire(*, project_id: int, specialist_id: int, before: datetime) -> int:
    held = list(
        Match.objects.select_for_update()
        .filter(
            project_id=project_id,
            specialist_id=specialist_id,
            client_status=Match.ClientStatus.ACCEPTED,
        )
        .order_by("pk")
    )
    # Checked again under the locks: approved or decided again meanwhile, it stays.
    if not held or any(
        m.review_status == Match.ReviewStatus.APPROVED or m.client_decided_at >= before
        for m in held
        if m.client_decided_at is not None
    ):
        return 0
    specialist = Specialist.objects.select_for_update().get(pk=specialist_id)
    project = Project.objects.select_related("organization").get(pk=project_id)
    released = min(_hours_committed_for(held[-1], project), specialist.committed_hours)
    _capacity_change(specialist, project, -released)
    reason = (
        f"Held for {settings.MATCHING_ACCEPT_HOLD_HOURS} h without staff approval; "
        "the hours were released."
    )
    for match in held[:-1]:
        match.client_status = Match.ClientStatus.OPEN
        match.client_reason = reason
        match.save(update_fields=["client_status", "client_reason"])
    _decide(
        match=held[-1],
        project=project,
        specialist=specialist,
        status=Match.ClientStatus.OPEN,
        action=Decision.Action.CLIENT_DECLINE,
        actor=None,
        reason=reason,
        details={"released_hours": released, "hold_expired": True},
    )
    return 1


@transaction.atomic
def match_client_decline(*, match: Match, actor: Actor, reason: str = "") -> Match:
    """The client passes on the specialist; an accepted match releases its hours.

    Declining a declined match changes nothing.
    """
    match, project, specialist = _locked(match)
    if match.client_status == Match.ClientStatus.DECLINED:
        return match
    released = 0
    if match.client_status == Match.ClientStatus.ACCEPTED and not _pair_accepted_elsewhere(match):
        released = min(_hours_committed_for(match, project), specialist.committed_hours)
        _capacity_change(specialist, project, -released)
    return _decide(
        match=match,
        project=project,
        specialist=specialist,
        status=Match.ClientStatus.DECLINED,
        action=Decision.Action.CLIENT_DECLINE,
        actor=actor,
        reason=reason,
        details={"released_hours": released},
    )
