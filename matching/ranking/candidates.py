"""The ranked list: the statement's top rows, re-scored and sorted in Python.

PostgreSQL reads the matchable roster through a covering partial index (no
heap rows; migration 0002) and keeps a top-K heap while it scans, so only
K + a few rows ever reach Python. Python rescores those rows with the pure
functions (bit-identical doubles: same operands, same order) and sorts them
with the same key, so the list equals a brute-force ranking of the whole
roster; the few extra rows mean even a last-bit disagreement at the boundary
could not change it.
"""

import json
import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

from marketplace.models import Specialist
from matching.ranking.sql import RESULT_COLUMNS, ranking_sql
from matching.scoring import Candidate, Need, Scored, ScoringParams, is_listable, rank, score

logger = logging.getLogger(__name__)

_CENT = Decimal("0.01")
# Extra rows read past K so the Python re-sort can never miss a boundary swap.
WINDOW_MARGIN = 8


@dataclass(frozen=True)
class Ranked:
    scored: Scored
    rank: int
    # Kept on the list whatever the score: the client accepted them for this project.
    pinned: bool = False


def _candidate(row: Sequence[Any]) -> Candidate:
    pk, tier, rate, available_from, skill_keys = row[:5]
    return Candidate(
        id=pk,
        tier=tier,
        rate=rate,
        available_from=available_from,
        skill_keys=frozenset(skill_keys or ()),
    )


def rank_specialists(
    *,
    need: Need,
    params: ScoringParams,
    top_k: int,
    pinned_ids: Collection[int] = (),
) -> list[Ranked]:
    """The best ``top_k`` listable specialists, best first, plus any pinned ones."""
    sql, sql_params = ranking_sql(need=need, params=params, limit=top_k + WINDOW_MARGIN)
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
            .values_list(*RESULT_COLUMNS)
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
    listable = [c for c in roster if is_listable(need=need, candidate=c, params=params)]
    return rank((score(need=need, candidate=c, params=params) for c in listable), top_k=top_k)
