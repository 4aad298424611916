"""How well one specialist fits one project: per-criterion scores, a total, reasons.

Pure Python over plain values (no ORM), so the orderings that must always hold
are property-tested without a database. The words a client reads about a
score are in ``matching.wording``. ``matching.ranking`` computes the same
scores as SQL expressions to order the roster inside the database; the float
operations here are written in the same order as that SQL so that both give
bit-identical totals (IEEE doubles on both sides) and the two orders agree.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER

CRITERIA = ("tier", "budget", "start", "skills", "relevance", "timezone")
# The total adds criteria in this order (the SQL in matching.ranking.sql does the same).

_CENT = Decimal("0.01")
_WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


class ScoringConfigError(ValueError):
    """The matching settings cannot produce scores in [0, 1]."""


@dataclass(frozen=True)
class Weights:
    """Criterion weights, normalised to sum to 1 so totals stay in [0, 1]."""

    tier: float
    budget: float
    start: float
    skills: float
    relevance: float = 0.0
    timezone: float = 0.0

    @classmethod
    def normalised(cls, raw: Mapping[str, float]) -> "Weights":
        unknown = set(raw) - set(CRITERIA)
        if unknown:
            raise ScoringConfigError(f"unknown matching criteria: {sorted(unknown)}")
        values = {name: float(raw.get(name, 0.0)) for name in CRITERIA}
        if any(not math.isfinite(v) or v < 0 for v in values.values()):
            raise ScoringConfigError("matching weights must be finite and not negative")
        total = sum(values.values())
        if total <= 0:
            raise ScoringConfigError("at least one matching weight must be positive")
        return cls(**{name: value / total for name, value in values.items()})

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in CRITERIA}


@dataclass(frozen=True)
class ScoringParams:
    weights: Weights
    # Fraction of the budget above it at which the budget score reaches 0.
    budget_falloff: Decimal = Decimal("0.5")
    # Days after the desired start at which the start score reaches 0.
    start_falloff_days: int = 30
    overqualified_tier_score: float = 0.5

    def __post_init__(self) -> None:
        if self.budget_falloff <= 0:
            raise ScoringConfigError("the budget fall-off must be positive")
        if self.start_falloff_days < 1:
            raise ScoringConfigError("the start fall-off must be at least one day")
        if not 0 <= self.overqualified_tier_score <= 1:
            raise ScoringConfigError("the overqualified tier score must be in [0, 1]")


@dataclass(frozen=True)
class Need:
    """What the project asks for, as ranking sees it."""

    role: str
    budget: Decimal
    # The desired start, or today when that date has passed (a re-run later on).
    start: date
    hours_per_week: int
    required_skills: tuple[str, ...] = ()  # canonical keys, no duplicates
    skill_labels: Mapping[str, str] = field(default_factory=dict)  # key -> client's words
    today: date | None = None
    # The brief's concepts (key, weight), most decisive first: what fit is pre-selected by.
    concepts: tuple[tuple[str, float], ...] = ()
    # Hours of daily overlap that earn full marks; None when the project gives no time
    # zone (then the criterion is 1 for everyone and not shown).
    overlap_wanted: float | None = None
    # Listed only with at least this much daily overlap (0: a preference, not a filter).
    min_overlap_hours: float = 0.0
    # The classifier's call is below the confidence at which it asks the checklist
    # questions, and nobody has settled it: both roles are listed, on an equal footing.
    role_uncertain: bool = False

    @property
    def tiers(self) -> tuple[str, ...]:
        return eligible_tiers(self.role, uncertain=self.role_uncertain)

    def falloff_usd(self, params: ScoringParams) -> float:
        return float(self.budget * params.budget_falloff)

    def max_listed_rate(self, params: ScoringParams) -> Decimal:
        """The dearest rate (in whole cents) that still scores above 0 on budget."""
        ceiling = self.budget + self.budget * params.budget_falloff
        cents = (ceiling * 100).to_integral_value(rounding=ROUND_CEILING) - 1
        return (cents / 100).quantize(_CENT)


@dataclass(frozen=True)
class Candidate:
    id: int
    tier: str
    rate: Decimal
    available_from: date
    skill_keys: frozenset[str] = frozenset()
    # Concepts the profile shows clearly (``Specialist.concept_keys``).
    concept_keys: frozenset[str] = frozenset()
    # Daily hours of overlap with the client's working day; None when not computed.
    overlap_hours: float | None = None


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    tier: float
    budget: float
    start: float
    skills: float
    total: float
    days_late: int
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    relevance: float = 0.0
    timezone: float = 1.0
    has_timezone: bool = False

    @property
    def breakdown(self) -> dict[str, float]:
        return {
            name: getattr(self, name)
            for name in CRITERIA
            if name != "timezone" or self.has_timezone
        }

    @property
    def sort_key(
        self,
    ) -> tuple[float, float, float, float, float, float, float, Decimal, date, int]:
        """Best first: total, then each criterion, then cheaper, sooner, older id.

        Criterion scores break ties before rate and date, so a candidate at
        least as good on every criterion never ranks below a worse one even
        when a weight is zero or two totals round to the same float.
        """
        c = self.candidate
        return (
            -self.total,
            -self.tier,
            -self.relevance,
            -self.skills,
            -self.budget,
            -self.start,
            -self.timezone,
            c.rate,
            c.available_from,
            c.id,
        )


def eligible_tiers(role: str, *, uncertain: bool = False) -> tuple[str, ...]:
    """An ML need takes ML engineers only; an AI need may list ML engineers below; an
    uncertain call takes both."""
    if role not in (AI_ENGINEER, ML_ENGINEER):
        raise ValueError(f"unknown role need {role!r}")
    if role == ML_ENGINEER and not uncertain:
        return (ML_ENGINEER,)
    return (AI_ENGINEER, ML_ENGINEER)


def tier_score(*, role: str, tier: str, params: ScoringParams, uncertain: bool = False) -> float:
    if tier == role or (uncertain and tier in (AI_ENGINEER, ML_ENGINEER)):
        return 1.0
    if role == AI_ENGINEER and tier == ML_ENGINEER:
        return params.overqualified_tier_score
    return 0.0


def budget_score(*, rate: Decimal, budget: Decimal, falloff_usd: float) -> float:
    """1 within the budget, falling linearly to 0 at ``falloff_usd`` above it."""
    return max(0.0, min(1.0, 1.0 - (float(rate) - float(budget)) / falloff_usd))


def start_score(*, days_late: int, falloff_days: int) -> float:
    """1 when available by the start, losing 1/falloff_days for each day late."""
    return max(0.0, min(1.0, 1.0 - float(days_late) / float(falloff_days)))


def skills_score(*, covered: int, required: int) -> float:
    """Share of the required skills covered; 1 when none are required."""
    if required == 0:
        return 1.0
    return float(covered) / float(required)


def concept_prescore(*, need: Need, candidate: Candidate) -> float:
    """Weighted share of the brief's concepts the profile shows: fit as SQL can see it.

    The ranking statement orders the roster with this in place of relevance to
    choose the window; relevance proper (``matching.relevance``) is computed
    for the window's rows only.
    """
    total = 0.0
    met = 0.0
    for key, weight in need.concepts:
        total = total + weight
        if key in candidate.concept_keys:
            met = met + weight
    return met / total if total > 0 else 0.0


def timezone_score(*, need: Need, candidate: Candidate) -> float:
    """Full marks at the wanted daily overlap, falling linearly to 0 at none."""
    if need.overlap_wanted is None:
        return 1.0
    hours = candidate.overlap_hours or 0.0
    if need.overlap_wanted <= 0:
        return 1.0
    return max(0.0, min(1.0, hours / need.overlap_wanted))


def total_score(
    *,
    tier: float,
    budget: float,
    start: float,
    skills: float,
    w: Weights,
    relevance: float = 0.0,
    timezone: float = 0.0,
) -> float:
    # Same operand order as the SQL in matching.ranking: keep them in step.
    return min(
        1.0,
        w.tier * tier
        + w.budget * budget
        + w.start * start
        + w.skills * skills
        + w.relevance * relevance
        + w.timezone * timezone,
    )


def score(
    *,
    need: Need,
    candidate: Candidate,
    params: ScoringParams,
    relevance: float | None = None,
) -> Scored:
    """Every criterion and the total; ``relevance`` None scores fit by the concept pre-score."""
    covered = tuple(key for key in need.required_skills if key in candidate.skill_keys)
    missing = tuple(key for key in need.required_skills if key not in candidate.skill_keys)
    days_late = (candidate.available_from - need.start).days
    t = tier_score(
        role=need.role, tier=candidate.tier, params=params, uncertain=need.role_uncertain
    )
    b = budget_score(rate=candidate.rate, budget=need.budget, falloff_usd=need.falloff_usd(params))
    s = start_score(days_late=days_late, falloff_days=params.start_falloff_days)
    k = skills_score(covered=len(covered), required=len(need.required_skills))
    r = concept_prescore(need=need, candidate=candidate) if relevance is None else relevance
    z = timezone_score(need=need, candidate=candidate)
    return Scored(
        candidate=candidate,
        tier=t,
        budget=b,
        start=s,
        skills=k,
        relevance=r,
        timezone=z,
        has_timezone=need.overlap_wanted is not None,
        total=total_score(
            tier=t, budget=b, start=s, skills=k, relevance=r, timezone=z, w=params.weights
        ),
        days_late=days_late,
        covered=covered,
        missing=missing,
    )


def is_listable(*, need: Need, candidate: Candidate, params: ScoringParams) -> bool:
    """The hard limits: right tier, some budget score left, some start score left, and
    the least daily overlap when the client set one."""
    return (
        candidate.tier in need.tiers
        and candidate.rate <= need.max_listed_rate(params)
        and (candidate.available_from - need.start).days < params.start_falloff_days
        and (
            need.min_overlap_hours <= 0
            or (candidate.overlap_hours or 0.0) >= need.min_overlap_hours
        )
    )


def rank(scored: Iterable[Scored], *, top_k: int) -> list[Scored]:
    return sorted(scored, key=lambda s: s.sort_key)[:top_k]


# --- Money -------------------------------------------------------------------


def monthly_cost(*, rate: Decimal, hours_per_week: int) -> Decimal:
    """Cost of a month at the project's hours (52 weeks / 12 months)."""
    return (rate * hours_per_week * _WEEKS_PER_MONTH).quantize(_CENT, rounding=ROUND_HALF_UP)
