"""Which open projects a roster change affects (a read)."""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.db.models import F, Max, Min, Q

from marketplace.models import Project, Specialist
from matching.models import Match
from matching.scoring import AI_ENGINEER, ML_ENGINEER, ScoringParams
from matching.selectors import latest_run_id

# Specialist ids go into IN (...) lists at most this many at a time.
ID_CHUNK = 5_000


def _chunks(ids: Sequence[int], size: int = ID_CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def projects_affected_by(
    *, specialist_ids: Sequence[int], params: ScoringParams, today: date
) -> list[int]:
    """Open, matched projects whose list these specialists are on or could now join.

    "Could join" is tested against the tightest figures of the changed
    specialists per tier (cheapest rate, earliest date, most free hours), so a
    bulk import of thousands costs a handful of queries; it may re-rank a
    project that none of them makes the list of, never miss one they do.
    """
    open_matched = Project.objects.filter(closed_at__isnull=True, status=Project.Status.MATCHED)
    affected: set[int] = set()
    stats: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(specialist_ids):
        for row in (
            Specialist.objects.filter(pk__in=chunk, vetted=True, is_active=True)
            .values("tier")
            .annotate(
                cheapest=Min("hourly_rate"),
                earliest=Min("available_from"),
                most_free=Max(F("hours_per_week") - F("committed_hours")),
            )
            .order_by()
        ):
            seen = stats.setdefault(row["tier"], dict(row))
            seen["cheapest"] = min(seen["cheapest"], row["cheapest"])
            seen["earliest"] = min(seen["earliest"], row["earliest"])
            seen["most_free"] = max(seen["most_free"], row["most_free"])
        # Already listed by the project's latest run: a change may drop or move them.
        listed = Match.objects.filter(
            specialist_id__in=chunk,
            project__in=open_matched,
            run_id=latest_run_id("project"),
        ).values_list("project_id", flat=True)
        affected.update(listed)

    could_join = Q(pk__in=[])
    for tier, row in stats.items():
        if row["most_free"] is None or row["most_free"] < 1:
            continue
        # rate < budget * (1 + falloff)  <=>  budget > rate / (1 + falloff)
        budget_floor = row["cheapest"] / (1 + params.budget_falloff)
        # available_from < max(desired_start, today) + falloff days
        start_floor = row["earliest"] - timedelta(days=params.start_falloff_days)
        roles = [AI_ENGINEER] if tier == AI_ENGINEER else [AI_ENGINEER, ML_ENGINEER]
        in_time = Q(desired_start__gt=start_floor) if today <= start_floor else Q()
        could_join |= (
            Q(role_need__in=roles, hourly_budget_max__gt=budget_floor)
            & Q(hours_per_week__lte=row["most_free"])
            & in_time
        )
    if stats:
        affected.update(open_matched.filter(could_join).values_list("pk", flat=True))
    return sorted(affected)
