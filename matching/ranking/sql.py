"""The ranking statement and its SQL pieces, for PostgreSQL and SQLite side by side.

The statement is written by hand rather than built from ORM expressions:
compiling the expression tree cost more than running the query on rosters of
a few thousand. Each criterion is one ``Criterion`` (a name, its SQL and its
parameters); the statement selects each once and weighs them in the order of
``matching.scoring.CRITERIA``, so a new criterion is one more piece here and
one more function there.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Expression, F, Func, IntegerField, Q
from django.db.models.sql.compiler import SQLCompiler

from marketplace.models import Specialist
from matching.scoring import CRITERIA, Need, ScoringParams, eligible_tiers


@dataclass(frozen=True)
class Dialect:
    double: str
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

    def date_param(self, value: date) -> Any:
        return value if self.is_postgres else value.isoformat()

    def skill_param(self, key: str) -> str:
        return json.dumps([key]) if self.is_postgres else key

    def rate_param(self, value: Decimal) -> Any:
        # SQLite keeps rates as REAL: compare with the same double, not text.
        return value if self.is_postgres else float(value)


POSTGRES = Dialect(
    double="double precision",
    least="LEAST",
    greatest="GREATEST",
    fence="OFFSET 0",
    days_after="(available_from - %s::date)",
    has_skill_template="({column} @> %s::jsonb)::integer",
)
SQLITE = Dialect(
    double="REAL",
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
        return sql, [*params, d.skill_param(self.key)]


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
            [*(d.skill_param(key) for key in keys), float(len(keys))],
        )
    else:
        skills = Criterion("skills", num(), [1.0])
    return [
        Criterion(
            "tier",
            f"CASE WHEN tier = %s THEN {num()} ELSE {num()} END",
            [need.role, 1.0, params.overqualified_tier_score],
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
    ]


RESULT_COLUMNS = ("id", "tier", "hourly_rate", "available_from", "skill_keys")


def ranking_sql(*, need: Need, params: ScoringParams, limit: int) -> tuple[str, list[Any]]:
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
    tiers = eligible_tiers(need.role)
    columns = ", ".join(RESULT_COLUMNS)
    inner = " ".join(
        (
            f"SELECT {columns},",
            ", ".join(f"{c.sql} AS s_{c.name}" for c in ordered),
            f"FROM {Specialist._meta.db_table}",
            "WHERE vetted AND is_active",
            f"AND tier IN ({', '.join(['%s'] * len(tiers))})",
            "AND hours_per_week >= committed_hours + %s",
            "AND hourly_rate <= %s AND available_from < %s",
            d.fence,
        )
    )
    inner_args: list[Any] = [
        *(arg for c in ordered for arg in c.args),
        *tiers,
        need.hours_per_week,
        d.rate_param(need.max_listed_rate(params)),
        d.date_param(need.start + timedelta(days=params.start_falloff_days)),
    ]
    weighted = " + ".join(f"CAST(%s AS {d.double}) * s_{c.name}" for c in ordered)
    total = f"{d.least}(CAST(%s AS {d.double}), {weighted})"
    sql = " ".join(
        (
            f"SELECT {columns}, {total} AS s_total",
            f"FROM ({inner}) AS candidate",
            "ORDER BY s_total DESC, s_tier DESC, s_skills DESC, s_budget DESC, s_start DESC,",
            "hourly_rate ASC, available_from ASC, id ASC",
            "LIMIT %s",
        )
    )
    return sql, [1.0, *(weights[c.name] for c in ordered), *inner_args, limit]
