"""The ranked list: the statement's window, scored for fit and sorted in Python.

PostgreSQL reads the matchable roster through a covering partial index (no
heap rows; migrations 0002 and 0003) and keeps a top-N heap while it scans.
The statement orders by every criterion with the brief's concepts standing in
for fit (``scoring.concept_prescore``), so the window it returns holds the
candidates who are strongest on budget, start, tier, skills, overlap and the
brief's problem domains. Python checks each row's total against the pure
functions (bit-identical doubles: same operands, same order), scores the
window's fit to the brief (``ranking.fit``) and sorts with the same key, so
the list equals the same two steps run over the whole roster in memory (the
tests check this on SQLite and PostgreSQL).
"""

import json
import logging
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

from marketplace.models import Specialist
from matching.ranking.fit import BriefFit, WindowFit, fit_window
from matching.ranking.sql import RESULT_COLUMNS, OverlapTable, ranking_sql
from matching.relevance.scorer import Relevance
from matching.reranker.features import feature_vector
from matching.reranker.model import LinearRanker, Move, window_moves
from matching.scoring import Candidate, Need, Scored, ScoringParams, is_listable, score

logger = logging.getLogger(__name__)

_CENT = Decimal("0.01")
# Extra rows read past the window so the Python re-sort can never miss a boundary swap.
WINDOW_MARGIN = 8
# The window fit is scored over: this many times the list, and at least WINDOW_MIN rows.
WINDOW_FACTOR = 6
WINDOW_MIN = 120


def window_size(top_k: int) -> int:
    return max(top_k * WINDOW_FACTOR, WINDOW_MIN)


@dataclass(frozen=True)
class Ranked:
    scored: Scored
    rank: int
    # Kept on the list whatever the score: the client accepted them for this project.
    pinned: bool = False
    fit: Relevance | None = None
    # What the re-ranker reads of the match (stored with it, for learning later).
    features: Mapping[str, float] | None = None
    # Set when a learned ranker placed it elsewhere than the hand weights would have.
    move: Move | None = None


@dataclass(frozen=True)
class RankedList:
    entries: list[Ranked]
    window: int
    embeddings_pending: int = 0
    semantic_used: bool = False

    # A sequence of its entries, so callers that only need the list can treat it as one.
    def __iter__(self) -> Iterator[Ranked]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> Ranked:
        return self.entries[index]


def _json_list(value: Any) -> frozenset[str]:
    # Django reads jsonb as text on PostgreSQL, as SQLite does.
    return frozenset(json.loads(value) if isinstance(value, str) else value or ())


def _candidate(row: Sequence[Any], *, need: Need, overlap: Mapping[str, float] | None) -> Candidate:
    pk, tier, rate, available_from, skill_keys, concept_keys, work_window = row[:7]
    rate_field = Specialist._meta.get_field("hourly_rate")
    date_field = Specialist._meta.get_field("available_from")
    return Candidate(
        id=pk,
        tier=tier,
        # Raw rows: let the fields turn backend values into Python ones.
        rate=rate_field.to_python(rate).quantize(_CENT),
        available_from=date_field.to_python(available_from),
        skill_keys=_json_list(skill_keys),
        concept_keys=_json_list(concept_keys),
        overlap_hours=(
            None
            if overlap is None or need.overlap_wanted is None
            else overlap.get(work_window, 0.0)
        ),
    )


def _rescore(
    window: Iterable[Scored], *, need: Need, params: ScoringParams, fit: Mapping[int, Relevance]
) -> list[Scored]:
    return [
        score(
            need=need,
            candidate=s.candidate,
            params=params,
            relevance=fit[s.candidate.id].score if s.candidate.id in fit else s.relevance,
        )
        for s in window
    ]


def rank_specialists(
    *,
    need: Need,
    params: ScoringParams,
    top_k: int,
    pinned_ids: Collection[int] = (),
    brief: BriefFit | None = None,
    overlap: OverlapTable | None = None,
    ranker: LinearRanker | None = None,
) -> RankedList:
    """The best ``top_k`` listable specialists, best first, plus any pinned ones.

    With a learned ``ranker`` the window (never more) is re-ordered by it.
    """
    size = window_size(top_k)
    sql, sql_params = ranking_sql(
        need=need, params=params, limit=size + WINDOW_MARGIN, overlap=overlap
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        rows = cursor.fetchall()
    by_window = overlap.by_window if overlap is not None else None
    prescored = []
    for row in rows:
        candidate = _candidate(row, need=need, overlap=by_window)
        result = score(need=need, candidate=candidate, params=params)
        if result.total != row[-1]:
            # Never expected (same doubles, same operations); the margin absorbs it.
            logger.warning(
                "SQL and Python scores differ for specialist %s: %r != %r",
                candidate.id,
                row[-1],
                result.total,
            )
        prescored.append(result)
    window = sorted(prescored, key=lambda s: s.sort_key)[:size]

    pinned = set(pinned_ids)
    missing_pinned = pinned - {s.candidate.id for s in window}
    if missing_pinned:
        window += [
            score(need=need, candidate=_candidate(row, need=need, overlap=by_window), params=params)
            for row in Specialist.objects.filter(pk__in=missing_pinned, is_active=True)
            .order_by("id")
            .values_list(*RESULT_COLUMNS)
        ]
    fit = (
        fit_window(brief=brief, ids=[s.candidate.id for s in window])
        if brief is not None
        else WindowFit(by_id={})
    )
    ordered = sorted(
        _rescore(window, need=need, params=params, fit=fit.by_id), key=lambda s: s.sort_key
    )
    features = {
        s.candidate.id: feature_vector(
            scored=s, need=need, params=params, fit=fit.by_id.get(s.candidate.id)
        )
        for s in ordered
    }
    moves: Mapping[int, Move] = {}
    if ranker is not None:
        hand_ids = [s.candidate.id for s in ordered]
        ordered = sorted(ordered, key=lambda s: ranker.window_key(s, features[s.candidate.id]))
        moves = window_moves(
            ranker=ranker,
            hand=hand_ids,
            learned=[s.candidate.id for s in ordered],
            features=features,
            listed=top_k,
        )
    top = ordered[:top_k]
    listed = {s.candidate.id for s in top}
    top += [s for s in ordered if s.candidate.id in pinned and s.candidate.id not in listed]
    return RankedList(
        entries=[
            Ranked(
                scored=s,
                rank=rank,
                pinned=s.candidate.id in pinned,
                fit=fit.by_id.get(s.candidate.id),
                features=features[s.candidate.id],
                move=moves.get(s.candidate.id),
            )
            for rank, s in enumerate(top, start=1)
        ],
        window=len(window),
        embeddings_pending=fit.embeddings_pending,
        semantic_used=fit.semantic_used,
    )


def rank_roster_in_python(
    *,
    need: Need,
    params: ScoringParams,
    top_k: int,
    roster: Iterable[Candidate],
    relevance: Mapping[int, float] | None = None,
) -> list[Scored]:
    """Reference ranking of a roster already in memory (tests compare against it).

    The same two steps as the database: the window by every criterion with the
    concept pre-score for fit, then the window re-scored with ``relevance``.
    """
    listable = [c for c in roster if is_listable(need=need, candidate=c, params=params)]
    window = sorted(
        (score(need=need, candidate=c, params=params) for c in listable), key=lambda s: s.sort_key
    )[: window_size(top_k)]
    if relevance is None:
        return window[:top_k]
    rescored = [
        score(
            need=need,
            candidate=s.candidate,
            params=params,
            relevance=relevance.get(s.candidate.id, 0.0),
        )
        for s in window
    ]
    return sorted(rescored, key=lambda s: s.sort_key)[:top_k]
