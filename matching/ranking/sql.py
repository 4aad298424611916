"""The ranking statement and its SQL pieces, for PostgreSQL and SQLite side by side.

The statement is written by hand rather than built from ORM expressions:
compiling the expression tree cost more than running the query on rosters of
a few thousand. Each criterion is one ``Criterion`` (a name, its SQL and its
parameters); the statement selects each once and weighs them in the order of
``matching.scoring.CRITERIA``, so a new criterion is one more piece here and
one more function there.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Expression, F, Func, IntegerField, Q
from django.db.models.sql.compiler import SQLCompiler

from marketplace.models import Specialist
from matching.scoring import CRITERIA, Need, ScoringParams


@dataclass(frozen=True)
class Dialect:
    double: str
    text: str
    least: str
    greatest: str
    fence: str  # keeps the planner from inlining the subquery (and re-evaluating it)
    days_after: str  # whole days from a date parameter to available_from
    # 1 when the JSON list in {column} holds the key parameter, else 0.
    has_skill_template: str

    @property
    def is_postgres(self) -> bool:
        return self.double == "double precision"

    def has_skill(self, column: str = "skill_keys") -> str:
        return self.has_skill_template.format(column=column)

    def cast_double(self, placeholder: str = "%s") -> str:
        return f"CAST({placeholder} AS {self.double})"

    def date_param(self, value: date) -> Any:
        return value if self.is_postgres else value.isoformat()

    def rate_param(self, value: Decimal) -> Any:
        # SQLite keeps rates as REAL: compare with the same double, not text.
        return value if self.is_postgres else float(value)


POSTGRES = Dialect(
    double="double precision",
    text="text",
    least="LEAST",
    greatest="GREATEST",
    fence="OFFSET 0",
    days_after="(available_from - %s::date)",
    # "?" (the array holds this string) rather than "@> '[key]'": the same answer
    # for a flat list of keys, without building a JSON container per test (about
    # 15% of the statement at a million specialists).
    has_skill_template="({column} ? %s)::integer",
)
SQLITE = Dialect(
    double="REAL",
    text="TEXT",
    least="MIN",
    greatest="MAX",
    fence="LIMIT -1 OFFSET 0",
    days_after="CAST(julianday(available_from) - julianday(%s) AS INTEGER)",
    has_skill_template="EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = %s)",
)


def dialect(vendor: str | None = None) -> Dialect:
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return POSTGRES
    if vendor == "sqlite":
        return SQLITE
    raise NotImplementedError(f"ranking has no SQL for {vendor}")


class HasSkill(Func):
    """1 when the JSON list of canonical skill keys holds ``key``, else 0 (the ORM form)."""

    output_field = IntegerField()

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
        d = dialect(connection.vendor)
        # Func fills the template with %-formatting: escape the key's placeholder.
        template = d.has_skill("%(expressions)s").replace("%s", "%%s")
        sql, params = super().as_sql(compiler, connection, function, template, arg_joiner, **extra)
        return sql, [*params, self.key]


def covered_expression(keys: Sequence[str]) -> Expression:
    """How many of ``keys`` a specialist's canonical skills hold."""
    parts: list[Any] = [HasSkill(F("skill_keys"), key) for key in keys]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def has_capacity(hours_per_week: int) -> Q:
    return Q(hours_per_week__gte=F("committed_hours") + hours_per_week)


@dataclass(frozen=True)
class Criterion:
    """One criterion's score as SQL: selected as ``s_<name>``, weighed by ``name``."""

    name: str
    sql: str
    args: list[Any]


@dataclass(frozen=True)
class OverlapTable:
    """Daily overlap with the client's day per stored work window ("zone hours").

    A roster has a few hundred distinct windows however many specialists it
    holds, so overlap is computed once per window in Python and joined in as
    a small table rather than evaluated per row.
    """

    rows: tuple[tuple[str, float, float], ...]  # (work_window, hours, score)

    @property
    def by_window(self) -> dict[str, float]:
        return {window: hours for window, hours, _score in self.rows}


def overlap_cte(*, d: Dialect, table: OverlapTable | None) -> tuple[str, list[Any]]:
    """``WITH overlap(work_window, hours, score) AS (VALUES ...)`` or nothing."""
    if table is None:
        return "", []
    rows = table.rows or (("", 0.0, 0.0),)
    values = ", ".join(
        f"(CAST(%s AS {d.text}), CAST(%s AS {d.double}), CAST(%s AS {d.double}))" for _ in rows
    )
    args = [value for row in rows for value in row]
    return f"WITH overlap(work_window, hours, score) AS (VALUES {values})", args


def criteria_sql(*, d: Dialect, need: Need, params: ScoringParams) -> list[Criterion]:
    """Each criterion of ``matching.scoring`` as SQL over one specialist row."""

    def num(placeholder: str = "%s") -> str:
        return f"CAST({placeholder} AS {d.double})"

    def clamp01(expression: str) -> str:
        return f"{d.greatest}({num()}, {d.least}({num()}, {expression}))"

    keys = need.required_skills
    if keys:
        covered = " + ".join([d.has_skill()] * len(keys))
        skills = Criterion(
            "skills",
            f"CAST({covered} AS {d.double}) / {num()}",
            [*keys, float(len(keys))],
        )
    else:
        skills = Criterion("skills", num(), [1.0])
    if need.concepts:
        # Left to right, as matching.scoring.concept_prescore adds them.
        shown = " + ".join(
            f"{num()} * CAST({d.has_skill('concept_keys')} AS {d.double})" for _ in need.concepts
        )
        total = sum_in_order(weight for _key, weight in need.concepts)
        relevance = Criterion(
            "relevance",
            f"({num()} + {shown}) / {num()}",
            [
                0.0,
                *(arg for key, weight in need.concepts for arg in (weight, key)),
                total,
            ],
        )
    else:
        relevance = Criterion("relevance", num(), [0.0])
    if need.overlap_wanted is None:
        timezone = Criterion("timezone", num(), [1.0])
    else:
        timezone = Criterion("timezone", f"COALESCE(overlap.score, {num()})", [0.0])
    return [
        Criterion(
            "tier",
            f"CASE WHEN tier = %s THEN {num()} ELSE {num()} END",
            # An uncertain call scores both roles alike (``scoring.tier_score``).
            [
                need.role,
                1.0,
                1.0 if need.role_uncertain else params.overqualified_tier_score,
            ],
        ),
        Criterion(
            "budget",
            clamp01(f"{num()} - (CAST(hourly_rate AS {d.double}) - {num()}) / {num()}"),
            [0.0, 1.0, 1.0, float(need.budget), need.falloff_usd(params)],
        ),
        Criterion(
            "start",
            clamp01(f"{num()} - CAST({d.days_after} AS {d.double}) / {num()}"),
            [0.0, 1.0, 1.0, d.date_param(need.start), float(params.start_falloff_days)],
        ),
        skills,
        relevance,
        timezone,
    ]


def sum_in_order(values: Any) -> float:
    total = 0.0
    for value in values:
        total = total + value
    return total


RESULT_COLUMNS = (
    "id",
    "tier",
    "hourly_rate",
    "available_from",
    "skill_keys",
    "concept_keys",
    "work_window",
)


def ranking_sql(
    *, need: Need, params: ScoringParams, limit: int, overlap: OverlapTable | None = None
) -> tuple[str, list[Any]]:
    """One statement: score the listable roster, keep the best ``limit`` rows.

    The inner query computes each criterion once per row (the fence stops
    PostgreSQL from inlining it, which would evaluate the skill look-ups once
    for the total and again for the skills sort key); the outer one adds the
    weighted total (operand for operand as matching.scoring.total_score) and
    sorts with the same key as ``Scored.sort_key``. Only fixed text is joined
    into the statement; every value is a parameter.
    """
    d = dialect()
    criteria = {c.name: c for c in criteria_sql(d=d, need=need, params=params)}
    ordered = [criteria[name] for name in CRITERIA]
    weights = params.weights.as_dict()
    tiers = need.tiers
    table = Specialist._meta.db_table
    columns = ", ".join(f"{table}.{c}" for c in RESULT_COLUMNS)
    with_overlap, overlap_args = overlap_cte(
        d=d, table=overlap if need.overlap_wanted is not None else None
    )
    join = f"LEFT JOIN overlap ON overlap.work_window = {table}.work_window" if with_overlap else ""
    min_overlap = need.min_overlap_hours if with_overlap and need.min_overlap_hours > 0 else None
    inner = " ".join(
        (
            f"SELECT {columns},",
            ", ".join(f"{c.sql} AS s_{c.name}" for c in ordered),
            f"FROM {table} {join}",
            "WHERE vetted AND is_active",
            f"AND tier IN ({', '.join(['%s'] * len(tiers))})",
            "AND hours_per_week >= committed_hours + %s",
            "AND hourly_rate <= %s AND available_from < %s",
            f"AND COALESCE(overlap.hours, 0) >= {d.cast_double('%s')}" if min_overlap else "",
            d.fence,
        )
    )
    inner_args: list[Any] = [
        *(arg for c in ordered for arg in c.args),
        *tiers,
        need.hours_per_week,
        d.rate_param(need.max_listed_rate(params)),
        d.date_param(need.start + timedelta(days=params.start_falloff_days)),
        *([min_overlap] if min_overlap else []),
    ]
    weighted = " + ".join(f"CAST(%s AS {d.double}) * s_{c.name}" for c in ordered)
    total = f"{d.least}(CAST(%s AS {d.double}), {weighted})"
    outer_columns = ", ".join(RESULT_COLUMNS)
    sql = " ".join(
        (
            with_overlap,
            f"SELECT {outer_columns}, {total} AS s_total",
            f"FROM ({inner}) AS candidate",
            "ORDER BY s_total DESC, s_tier DESC, s_relevance DESC, s_skills DESC,",
            "s_budget DESC, s_start DESC, s_timezone DESC,",
            "hourly_rate ASC, available_from ASC, id ASC",
            "LIMIT %s",
        )
    )
    return sql, [*overlap_args, 1.0, *(weights[c.name] for c in ordered), *inner_args, limit]
