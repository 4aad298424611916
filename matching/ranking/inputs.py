"""What ranking reads: the scoring settings, the project as a ``Need``, and the
record of everything a run used."""

from datetime import date
from decimal import Decimal

from django.conf import settings

from marketplace.models import Project
from matching.scoring import Need, ScoringParams, Weights
from matching.skills import labelled_skills


def scoring_params() -> ScoringParams:
    return ScoringParams(
        weights=Weights.normalised(settings.MATCHING_WEIGHTS),
        budget_falloff=Decimal(str(settings.MATCHING_BUDGET_FALLOFF)),
        start_falloff_days=int(settings.MATCHING_START_FALLOFF_DAYS),
        overqualified_tier_score=float(settings.MATCHING_OVERQUALIFIED_TIER_SCORE),
    )


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
    )


def run_inputs(*, project: Project, need: Need, params: ScoringParams, top_k: int) -> dict:
    """Everything a run used, so its result can be explained and reproduced later."""
    return {
        "role_need": need.role,
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
