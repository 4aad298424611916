"""What the budget and the date cost the client, and why nobody fits: the counts.

Each is one aggregate query over the roster; the sentences are built from the
counts by ``matching.wording``.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from math import ceil
from typing import Any

from django.db.models import Count, F, Min, Q, QuerySet

from marketplace.models import Specialist
from matching import wording
from matching.ranking.sql import HasSkill, OverlapTable, covered_expression, has_capacity
from matching.scoring import Need, ScoringParams


def _strong_skill_minimum(need: Need) -> int:
    """A strong candidate covers at least half the required skills (rounded up)."""
    return ceil(len(need.required_skills) / 2)


def fits_brief(queryset: QuerySet[Specialist], fit_keys: Sequence[str]) -> QuerySet[Specialist]:
    """Those who show at least one of the brief's main problem domains (all, when it
    names none). Tested on the row itself: ``concept_keys`` is in the covering index,
    so the count never visits the table."""
    if not fit_keys:
        return queryset
    shown: Any = HasSkill(F("concept_keys"), fit_keys[0])
    for key in fit_keys[1:]:
        shown = shown + HasSkill(F("concept_keys"), key)
    return queryset.alias(shown=shown).filter(shown__gte=1)


def overlapping(overlap: OverlapTable, hours: float) -> Q:
    return Q(work_window__in=[window for window, h, _ in overlap.rows if h >= hours])


def trade_offs(
    *,
    need: Need,
    params: ScoringParams,
    budget_steps: Sequence[int],
    start_steps: Sequence[int],
    fit_keys: Sequence[str] = (),
    overlap: OverlapTable | None = None,
    overlap_steps: Sequence[float] = (),
) -> list[dict[str, Any]]:
    """How many more strong candidates a higher budget, a later start or less overlap
    would bring.

    A strong candidate is of the tier the project needs (either, when the role
    call is uncertain), within the budget,
    available by the start date, free for the project's hours, covering at
    least half the required skills, showing one of the brief's main problem
    domains and, when the client gave a time zone, overlapping the wanted hours
    of their day. One aggregate query counts them all.
    """
    max_budget = need.budget + max(budget_steps, default=0)
    max_start = need.start + timedelta(days=max(start_steps, default=0))
    queryset = Specialist.objects.filter(
        has_capacity(need.hours_per_week),
        vetted=True,
        is_active=True,
        # Of the role needed: both when the call is uncertain, never an overqualified one.
        tier__in=need.tiers if need.role_uncertain else (need.role,),
        hourly_rate__lte=max_budget,
        available_from__lte=max_start,
    )
    minimum = _strong_skill_minimum(need)
    if minimum:
        queryset = queryset.alias(covered=covered_expression(need.required_skills)).filter(
            covered__gte=minimum
        )
    queryset = fits_brief(queryset, fit_keys)
    table = overlap if overlap is not None and need.overlap_wanted is not None else None
    wanted = need.overlap_wanted or 0.0
    steps = [float(step) for step in overlap_steps if table is not None and wanted - step >= 0]
    in_overlap = Q()
    if table is not None:
        queryset = queryset.filter(overlapping(table, wanted - max(steps, default=0.0)))
        in_overlap = overlapping(table, wanted)

    def fits(budget: Decimal, start: date, hours: Q = in_overlap) -> Q:
        return Q(hourly_rate__lte=budget, available_from__lte=start) & hours

    counts = queryset.aggregate(
        now=Count("id", filter=fits(need.budget, need.start)),
        **{
            f"budget_{step}": Count("id", filter=fits(need.budget + step, need.start))
            for step in budget_steps
        },
        **{
            f"start_{step}": Count(
                "id", filter=fits(need.budget, need.start + timedelta(days=step))
            )
            for step in start_steps
        },
        **{
            f"overlap_{i}": Count(
                "id",
                filter=fits(need.budget, need.start, overlapping(table, wanted - step)),
            )
            for i, step in enumerate(steps)
            if table is not None
        },
    )
    now = counts["now"]
    offers: list[dict[str, Any]] = [
        {
            "kind": "current",
            "hourly_budget_max": str(need.budget),
            "desired_start": need.start.isoformat(),
            "strong_candidates": now,
            "message": wording.trade_off_current(count=now, need=need),
        }
    ]
    for step in budget_steps:
        total = counts[f"budget_{step}"]
        offers.append(
            {
                "kind": "budget",
                "delta_usd_per_hour": step,
                "hourly_budget_max": str(need.budget + step),
                "strong_candidates": total,
                "additional_candidates": total - now,
                "message": wording.trade_off_budget(step=step, need=need, additional=total - now),
            }
        )
    for step in start_steps:
        total = counts[f"start_{step}"]
        later = need.start + timedelta(days=step)
        offers.append(
            {
                "kind": "start",
                "delta_days": step,
                "desired_start": later.isoformat(),
                "strong_candidates": total,
                "additional_candidates": total - now,
                "message": wording.trade_off_start(step=step, later=later, additional=total - now),
            }
        )
    for i, hours_less in enumerate(steps):
        total = counts[f"overlap_{i}"]
        at_least = wanted - hours_less
        offers.append(
            {
                "kind": "overlap",
                "delta_hours": hours_less,
                "min_overlap_hours": at_least,
                "strong_candidates": total,
                "additional_candidates": total - now,
                "message": wording.trade_off_overlap(
                    step=hours_less, hours=at_least, additional=total - now
                ),
            }
        )
    return offers


def no_match_reason(
    *, need: Need, params: ScoringParams, overlap: OverlapTable | None = None
) -> str:
    """Why nobody fits: no one of the tier, all booked, all too dear or too late, or none
    overlapping the client's day enough."""
    free = has_capacity(need.hours_per_week)
    if overlap is not None and need.min_overlap_hours > 0:
        reachable = Q(hourly_rate__lte=need.max_listed_rate(params)) & Q(
            available_from__lt=need.start + timedelta(days=params.start_falloff_days)
        )
        shared = Specialist.objects.filter(
            free, reachable, vetted=True, is_active=True, tier__in=need.tiers
        ).aggregate(
            reachable=Count("id"),
            overlapping=Count("id", filter=overlapping(overlap, need.min_overlap_hours)),
        )
        if shared["reachable"] and not shared["overlapping"]:
            return wording.no_overlap_reason(
                reachable=shared["reachable"], minimum=need.min_overlap_hours
            )
    in_budget = Q(hourly_rate__lte=need.max_listed_rate(params))
    in_time = Q(available_from__lt=need.start + timedelta(days=params.start_falloff_days))
    stats = Specialist.objects.filter(vetted=True, is_active=True, tier__in=need.tiers).aggregate(
        total=Count("id"),
        free=Count("id", filter=free),
        free_in_budget=Count("id", filter=free & in_budget),
        free_in_time=Count("id", filter=free & in_time),
        cheapest=Min("hourly_rate", filter=free),
        earliest=Min("available_from", filter=free),
    )
    return wording.no_match_reason_text(need=need, params=params, stats=stats)
