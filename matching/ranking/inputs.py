"""What ranking reads: the scoring settings, the project as a ``Need``, the
brief as relevance reads it, the overlap table, and the record of everything a
run used."""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings

from marketplace.models import Project, Specialist
from matching import working_hours as wh
from matching.classifier import LOW_CONFIDENCE_THRESHOLD
from matching.ranking.fit import BriefFit
from matching.ranking.sql import OverlapTable
from matching.relevance.concepts import BriefNeed, brief_needs
from matching.scoring import Candidate, Need, ScoringParams, Weights, timezone_score
from matching.skills import labelled_skills


def scoring_params() -> ScoringParams:
    return ScoringParams(
        weights=Weights.normalised(settings.MATCHING_WEIGHTS),
        budget_falloff=Decimal(str(settings.MATCHING_BUDGET_FALLOFF)),
        start_falloff_days=int(settings.MATCHING_START_FALLOFF_DAYS),
        overqualified_tier_score=float(settings.MATCHING_OVERQUALIFIED_TIER_SCORE),
    )


def read_brief_needs(*, project: Project) -> list[BriefNeed]:
    """The skills and problem domains the brief asks for, with the brief's words."""
    return brief_needs(
        title=project.title,
        description=project.description,
        skills=[str(s) for s in project.required_skills or []],
    )


def stored_needs(project: Project) -> list[BriefNeed]:
    return [
        BriefNeed(
            key=str(n["key"]),
            label=str(n.get("label", n["key"])),
            kind=str(n.get("kind", "")),
            weight=float(n.get("weight", 0.0)),
            phrase=str(n.get("phrase", "")),
            quote=str(n.get("quote", "")),
        )
        for n in project.brief_needs or []
        if isinstance(n, Mapping) and "key" in n
    ]


def client_week(project: Project) -> wh.WorkWeek | None:
    """The client's working day, or None when the project gives no time zone."""
    if not project.timezone:
        return None
    return wh.work_week(
        timezone=project.timezone, working_hours=project.working_hours or wh.DEFAULT_WORKING_HOURS
    )


def wanted_overlap(project: Project) -> float | None:
    """Daily hours that earn full marks: the client's minimum, else a preference of 4 h."""
    week = client_week(project)
    if week is None:
        return None
    minimum = float(project.min_overlap_hours or 0)
    wanted = minimum if minimum > 0 else wh.DEFAULT_WANTED_OVERLAP_HOURS
    return min(wanted, week.window.hours)


def project_need(*, project: Project, today: date) -> Need:
    """The project as ranking sees it; a start date that has passed counts as today."""
    labels = labelled_skills(str(skill) for skill in project.required_skills or [])
    return Need(
        role=project.role_need,
        budget=project.hourly_budget_max,
        start=max(project.desired_start, today),
        hours_per_week=project.hours_per_week,
        required_skills=tuple(labels),
        skill_labels=labels,
        today=today,
        concepts=tuple((n.key, n.weight) for n in stored_needs(project)),
        overlap_wanted=wanted_overlap(project),
        min_overlap_hours=float(project.min_overlap_hours or 0) if project.timezone else 0.0,
        role_uncertain=role_uncertain(project),
    )


def role_uncertain(project: Project) -> bool:
    """The classifier's call is too weak to rule a role out and nobody has settled it.

    Below the confidence at which the service asks the checklist questions (the
    admin's "low confidence" filter), unless staff overrode the role; the
    client's checklist answers feed the classifier, so answering raises it.
    """
    if project.role_override or project.role_confidence is None:
        return False
    return project.role_confidence < LOW_CONFIDENCE_THRESHOLD


def work_windows() -> list[str]:
    """The distinct work windows of the listable roster (a few hundred at most)."""
    return list(
        Specialist.objects.filter(vetted=True, is_active=True)
        .order_by()
        .values_list("work_window", flat=True)
        .distinct()
    )


def _split_window(work_window: str) -> tuple[str, str]:
    zone, _, hours = work_window.partition(" ")
    return zone or wh.DEFAULT_TIMEZONE, hours or wh.DEFAULT_WORKING_HOURS


@lru_cache(maxsize=256)
def _overlap_hours(
    week: wh.WorkWeek, start: date, windows: tuple[str, ...]
) -> dict[tuple[str, str], float]:
    # The same client day against the same roster windows gives the same table: a
    # worker ranking many projects of one time zone computes it once.
    pairs = [_split_window(window) for window in windows]
    return wh.overlap_table(client=week, specialists=pairs, start=start)


def overlap_for(*, project: Project, need: Need) -> OverlapTable | None:
    """Daily overlap of each distinct work window with the client's first four weeks."""
    week = client_week(project)
    if week is None or need.overlap_wanted is None:
        return None
    windows = tuple(sorted(work_windows()))
    table = _overlap_hours(week, need.start, windows)
    pairs = {window: _split_window(window) for window in windows}
    rows = []
    for window, pair in pairs.items():
        hours = table.get(pair, 0.0)
        probe = Candidate(
            id=0, tier="", rate=Decimal(0), available_from=need.start, overlap_hours=hours
        )
        rows.append((window, hours, timezone_score(need=need, candidate=probe)))
    return OverlapTable(rows=tuple(sorted(rows)))


def brief_fit(*, project: Project, needs: Sequence[BriefNeed]) -> BriefFit:
    """The brief as relevance reads it; its vector only where a worker has the encoder."""
    from matching.relevance.embedding import backend_name, brief_text, encoder

    text = brief_text(
        title=project.title,
        description=project.description,
        skills=[str(s) for s in project.required_skills or []],
    )
    model = encoder()
    vector = model.encode([text])[0] if model is not None else None
    return BriefFit(query=text, needs=tuple(needs), embedding=vector, backend=backend_name())


def run_inputs(
    *, project: Project, need: Need, params: ScoringParams, top_k: int
) -> dict[str, Any]:
    """Everything a run used, so its result can be explained and reproduced later."""
    return {
        "brief_concepts": [list(c) for c in need.concepts],
        "timezone": project.timezone or None,
        "working_hours": (project.working_hours or wh.DEFAULT_WORKING_HOURS)
        if project.timezone
        else None,
        "overlap_wanted_hours": need.overlap_wanted,
        "min_overlap_hours": need.min_overlap_hours,
        "role_need": need.role,
        "role_uncertain": need.role_uncertain,
        "hourly_budget_max": str(need.budget),
        "desired_start": project.desired_start.isoformat(),
        "effective_start": need.start.isoformat(),
        "today": need.today.isoformat() if need.today else None,
        "hours_per_week": need.hours_per_week,
        "required_skills": list(project.required_skills or []),
        "required_skill_keys": list(need.required_skills),
        "weights": params.weights.as_dict(),
        "budget_falloff": str(params.budget_falloff),
        "start_falloff_days": params.start_falloff_days,
        "overqualified_tier_score": params.overqualified_tier_score,
        "top_k": top_k,
    }
