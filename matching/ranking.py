"""Choose and order candidates inside the database, then explain them in Python.

The whole score of ``matching.scoring`` is one SQL statement: tier by CASE,
budget and start as clamped linear fall-offs, skills as JSON containment of
canonical keys. PostgreSQL reads the matchable roster through a covering
partial index (no heap rows; migration 0002) and keeps a top-K heap while it
scans, so only K + a few rows ever reach Python. Python rescores those rows
with the pure functions (bit-identical doubles: same operands, same order)
and sorts them with the same key, so the list equals a brute-force ranking of
the whole roster (the tests check this on SQLite and PostgreSQL); the few
extra rows mean even a last-bit disagreement at the boundary could not
change it.

Why not order by tier/budget/start in SQL and finish skills in Python with a
threshold: with a generous budget and start date most of the roster ties on
those three and the skills decide, so such a scan would still read most of it.

The ranking statement is written by hand (with the two dialects side by side)
rather than built from ORM expressions: compiling the expression tree cost
more than running the query on rosters of a few thousand.
"""

import json
import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from math import ceil
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Count,
    Expression,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
)
from django.db.models.sql.compiler import SQLCompiler

from marketplace.models import Project, Specialist
from matching.models import Match, MatchRun
from matching.scoring import (
    AI_ENGINEER,
    ML_ENGINEER,
    Candidate,
    Need,
    Scored,
    ScoringParams,
    Weights,
    eligible_tiers,
    score,
    usd,
)
from matching.skills import labelled_skills

logger = logging.getLogger(__name__)

_CENT = Decimal("0.01")
# Extra rows read past K so the Python re-sort can never miss a boundary swap.
WINDOW_MARGIN = 8
# Specialist ids go into IN (...) lists at most this many at a time.
ID_CHUNK = 5_000


# --- Settings and inputs -------------------------------------------------------


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


# --- SQL pieces ------------------------------------------------------------------


class HasSkill(Func):
    """1 when the JSON list of canonical skill keys holds ``key``, else 0."""

    output_field = IntegerField()
    template = "(%(expressions)s @> %%s::jsonb)::integer"

    def __init__(self, expression: Any, key: str) -> None:
        super().__init__(expression)
        self.key = key

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra: Any,
    ) -> tuple[str, list[Any]]:
        sql, params = super().as_sql(compiler, connection, function, template, arg_joiner, **extra)
        return sql, [*params, json.dumps([self.key])]

    def as_sqlite(
        self, compiler: SQLCompiler, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        sql, params = super().as_sql(
            compiler,
            connection,
            template=(
                "EXISTS (SELECT 1 FROM json_each(%(expressions)s) WHERE json_each.value = %%s)"
            ),
            **extra,
        )
        return sql, [*params, self.key]


def covered_expression(keys: Sequence[str]) -> Expression:
    """How many of ``keys`` a specialist's canonical skills hold."""
    parts: list[Any] = [HasSkill(F("skill_keys"), key) for key in keys]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def _has_capacity(hours_per_week: int) -> Q:
    return Q(hours_per_week__gte=F("committed_hours") + hours_per_week)


# --- Ranking -----------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    scored: Scored
    rank: int
    # Kept on the list whatever the score: the client accepted them for this project.
    pinned: bool = False


_FIELDS = ("id", "tier", "hourly_rate", "available_from", "skill_keys")


def _candidate(row: Sequence[Any]) -> Candidate:
    pk, tier, rate, available_from, skill_keys = row[:5]
    return Candidate(
        id=pk,
        tier=tier,
        rate=rate,
        available_from=available_from,
        skill_keys=frozenset(skill_keys or ()),
    )


@dataclass(frozen=True)
class _Dialect:
    double: str
    least: str
    greatest: str
    fence: str  # keeps the planner from inlining the subquery (and re-evaluating it)
    days_after: str  # whole days from a date parameter to available_from
    has_skill: str  # 1 when skill_keys holds the key parameter, else 0

    def date_param(self, value: date) -> Any:
        return value if self.double == "double precision" else value.isoformat()

    def skill_param(self, key: str) -> str:
        return json.dumps([key]) if self.double == "double precision" else key

    def rate_param(self, value: Decimal) -> Any:
        # SQLite keeps rates as REAL: compare with the same double, not text.
        return value if self.double == "double precision" else float(value)


_POSTGRES = _Dialect(
    double="double precision",
    least="LEAST",
    greatest="GREATEST",
    fence="OFFSET 0",
    days_after="(available_from - %s::date)",
    has_skill="(skill_keys @> %s::jsonb)::integer",
)
_SQLITE = _Dialect(
    double="REAL",
    least="MIN",
    greatest="MAX",
    fence="LIMIT -1 OFFSET 0",
    days_after="CAST(julianday(available_from) - julianday(%s) AS INTEGER)",
    has_skill="EXISTS (SELECT 1 FROM json_each(skill_keys) WHERE json_each.value = %s)",
)


def _dialect() -> _Dialect:
    if connection.vendor == "postgresql":
        return _POSTGRES
    if connection.vendor == "sqlite":
        return _SQLITE
    raise NotImplementedError(f"ranking has no SQL for {connection.vendor}")


def _ranking_sql(*, need: Need, params: ScoringParams, limit: int) -> tuple[str, list[Any]]:
    """One statement: score the listable roster, keep the best ``limit`` rows.

    The inner query computes each criterion once per row (the fence stops
    PostgreSQL from inlining it, which would evaluate the skill look-ups once
    for the total and again for the skills sort key); the outer one adds the
    weighted total (operand for operand as matching.scoring.total_score) and
    sorts with the same key as ``Scored.sort_key``. Only fixed text is joined
    into the statement; every value is a parameter.
    """
    d = _dialect()
    w = params.weights

    def num(placeholder: str = "%s") -> str:
        return f"CAST({placeholder} AS {d.double})"

    def clamp01(expression: str) -> str:
        return f"{d.greatest}({num()}, {d.least}({num()}, {expression}))"

    tiers = eligible_tiers(need.role)
    keys = need.required_skills
    if keys:
        covered = " + ".join([d.has_skill] * len(keys))
        skills_sql, skills_args = (
            f"CAST({covered} AS {d.double}) / {num()}",
            [
                *(d.skill_param(key) for key in keys),
                float(len(keys)),
            ],
        )
    else:
        skills_sql, skills_args = num(), [1.0]
    inner = " ".join(
        (
            "SELECT id, tier, hourly_rate, available_from, skill_keys,",
            f"CASE WHEN tier = %s THEN {num()} ELSE {num()} END AS s_tier,",
            clamp01(f"{num()} - (CAST(hourly_rate AS {d.double}) - {num()}) / {num()}"),
            "AS s_budget,",
            clamp01(f"{num()} - CAST({d.days_after} AS {d.double}) / {num()}"),
            "AS s_start,",
            skills_sql,
            "AS s_skills",
            f"FROM {Specialist._meta.db_table}",
            "WHERE vetted AND is_active",
            f"AND tier IN ({', '.join(['%s'] * len(tiers))})",
            "AND hours_per_week >= committed_hours + %s",
            "AND hourly_rate <= %s AND available_from < %s",
            d.fence,
        )
    )
    inner_args: list[Any] = [
        need.role,
        1.0,
        params.overqualified_tier_score,
        0.0,
        1.0,
        1.0,
        float(need.budget),
        need.falloff_usd(params),
        0.0,
        1.0,
        1.0,
        d.date_param(need.start),
        float(params.start_falloff_days),
        *skills_args,
        *tiers,
        need.hours_per_week,
        d.rate_param(need.max_listed_rate(params)),
        d.date_param(need.start + timedelta(days=params.start_falloff_days)),
    ]
    total = (
        f"{d.least}({num()}, {num()} * s_tier + {num()} * s_budget"
        f" + {num()} * s_start + {num()} * s_skills)"
    )
    sql = " ".join(
        (
            f"SELECT id, tier, hourly_rate, available_from, skill_keys, {total} AS s_total",
            f"FROM ({inner}) AS candidate",
            "ORDER BY s_total DESC, s_tier DESC, s_skills DESC, s_budget DESC, s_start DESC,",
            "hourly_rate ASC, available_from ASC, id ASC",
            "LIMIT %s",
        )
    )
    return sql, [1.0, w.tier, w.budget, w.start, w.skills, *inner_args, limit]


def rank_specialists(
    *,
    need: Need,
    params: ScoringParams,
    top_k: int,
    pinned_ids: Collection[int] = (),
) -> list[Ranked]:
    """The best ``top_k`` listable specialists, best first, plus any pinned ones."""
    sql, sql_params = _ranking_sql(need=need, params=params, limit=top_k + WINDOW_MARGIN)
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        rows = cursor.fetchall()
    rate_field = Specialist._meta.get_field("hourly_rate")
    date_field = Specialist._meta.get_field("available_from")
    scored = {}
    for pk, tier, rate, available_from, skill_keys, sql_total in rows:
        # Raw rows: let the fields turn backend values into Python ones.
        candidate = Candidate(
            id=pk,
            tier=tier,
            rate=rate_field.to_python(rate).quantize(_CENT),
            available_from=date_field.to_python(available_from),
            # Django reads jsonb as text on PostgreSQL, as SQLite does.
            skill_keys=frozenset(
                json.loads(skill_keys) if isinstance(skill_keys, str) else skill_keys or ()
            ),
        )
        result = score(need=need, candidate=candidate, params=params)
        if result.total != sql_total:
            # Never expected (same doubles, same operations); the margin absorbs it.
            logger.warning(
                "SQL and Python scores differ for specialist %s: %r != %r",
                pk,
                sql_total,
                result.total,
            )
        scored[pk] = result
    top = sorted(scored.values(), key=lambda s: s.sort_key)[:top_k]

    pinned = set(pinned_ids)
    missing_pinned = pinned - {s.candidate.id for s in top}
    if missing_pinned:
        extra = [
            scored.get(row[0]) or score(need=need, candidate=_candidate(row), params=params)
            for row in Specialist.objects.filter(pk__in=missing_pinned, is_active=True)
            .order_by("id")
            .values_list(*_FIELDS)
        ]
        top = sorted([*top, *extra], key=lambda s: s.sort_key)
    return [
        Ranked(scored=s, rank=rank, pinned=s.candidate.id in pinned)
        for rank, s in enumerate(top, start=1)
    ]


def rank_roster_in_python(
    *, need: Need, params: ScoringParams, top_k: int, roster: Iterable[Candidate]
) -> list[Scored]:
    """Reference ranking of a roster already in memory (tests compare against it)."""
    from matching.scoring import is_listable, rank

    listable = [c for c in roster if is_listable(need=need, candidate=c, params=params)]
    return rank((score(need=need, candidate=c, params=params) for c in listable), top_k=top_k)


# --- What the budget and the date cost the client ----------------------------------


def _strong_skill_minimum(need: Need) -> int:
    """A strong candidate covers at least half the required skills (rounded up)."""
    return ceil(len(need.required_skills) / 2)


def _weeks_or_days(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return "1 week" if weeks == 1 else f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


def _more(n: int) -> str:
    if n == 0:
        return "no more strong candidates"
    return "1 more strong candidate" if n == 1 else f"{n} more strong candidates"


def trade_offs(
    *,
    need: Need,
    params: ScoringParams,
    budget_steps: Sequence[int],
    start_steps: Sequence[int],
) -> list[dict[str, Any]]:
    """How many more strong candidates a higher budget or a later start would bring.

    A strong candidate is of the tier the project needs, within the budget,
    available by the start date, free for the project's hours and covering at
    least half the required skills. One aggregate query counts them all.
    """
    max_budget = need.budget + max(budget_steps, default=0)
    max_start = need.start + timedelta(days=max(start_steps, default=0))
    queryset = Specialist.objects.filter(
        _has_capacity(need.hours_per_week),
        vetted=True,
        is_active=True,
        tier=need.role,
        hourly_rate__lte=max_budget,
        available_from__lte=max_start,
    )
    minimum = _strong_skill_minimum(need)
    if minimum:
        queryset = queryset.alias(covered=covered_expression(need.required_skills)).filter(
            covered__gte=minimum
        )

    def fits(budget: Decimal, start: date) -> Q:
        return Q(hourly_rate__lte=budget, available_from__lte=start)

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
    )
    now = counts["now"]
    offers: list[dict[str, Any]] = [
        {
            "kind": "current",
            "hourly_budget_max": str(need.budget),
            "desired_start": need.start.isoformat(),
            "strong_candidates": now,
            "message": (
                f"{now} strong candidate{'' if now == 1 else 's'} at {usd(need.budget)}/h "
                f"starting {need.start.isoformat()}"
            ),
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
                "message": f"+${step}/h (up to {usd(need.budget + step)}/h): {_more(total - now)}",
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
                "message": f"start {_weeks_or_days(step)} later ({later.isoformat()}): "
                + _more(total - now),
            }
        )
    return offers


def no_match_reason(*, need: Need, params: ScoringParams) -> str:
    """Why nobody fits: no one of the tier, all booked, all too dear or too late."""
    pool = "ML engineers" if need.role == ML_ENGINEER else "AI or ML engineers"
    free = _has_capacity(need.hours_per_week)
    in_budget = Q(hourly_rate__lte=need.max_listed_rate(params))
    in_time = Q(available_from__lt=need.start + timedelta(days=params.start_falloff_days))
    stats = Specialist.objects.filter(
        vetted=True, is_active=True, tier__in=eligible_tiers(need.role)
    ).aggregate(
        total=Count("id"),
        free=Count("id", filter=free),
        free_in_budget=Count("id", filter=free & in_budget),
        free_in_time=Count("id", filter=free & in_time),
        cheapest=Min("hourly_rate", filter=free),
        earliest=Min("available_from", filter=free),
    )
    hours = f"{need.hours_per_week} hours a week"
    if stats["total"] == 0:
        return f"No vetted {pool} are on the roster right now."
    if stats["free"] == 0:
        if stats["total"] == 1:
            return f"The one vetted specialist of the right tier is booked: {hours} are not free."
        return f"All {stats['total']} vetted {pool} are booked: none has {hours} free."
    who = f"vetted {pool} with {hours} free ({stats['free']})"
    too_dear = (
        f"the cheapest charges {usd(stats['cheapest'])}/h, too far above your "
        f"{usd(need.budget)}/h budget (we list rates up to "
        f"{usd(need.max_listed_rate(params))}/h)"
    )
    too_late = (
        f"none can start within {params.start_falloff_days} days of your start date "
        f"(the earliest is free on {stats['earliest'].isoformat()})"
    )
    if stats["free_in_budget"] == 0 and stats["free_in_time"] == 0:
        return f"Of the {who}, {too_dear}, and {too_late}."
    if stats["free_in_budget"] == 0:
        return f"Of the {who}, {too_dear}."
    if stats["free_in_time"] == 0:
        return f"Of the {who}, {too_late}."
    return (
        f"Of the {who}, those within reach of your {usd(need.budget)}/h budget cannot "
        f"start within {params.start_falloff_days} days of your start date, and those "
        "free in time charge too much."
    )


# --- Which projects a roster change affects -------------------------------------------


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
        latest_run = (
            MatchRun.objects.filter(project=OuterRef("project"), outcome=MatchRun.Outcome.SUCCEEDED)
            .order_by("-started_at", "-id")
            .values("id")[:1]
        )
        listed = Match.objects.filter(
            specialist_id__in=chunk,
            project__in=open_matched,
            run_id=latest_run,
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
