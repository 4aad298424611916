"""Fit to the brief for the window the ranking statement returned.

The statement pre-selects by every criterion, with the brief's concepts
(a JSON containment over ``Specialist.concept_keys``, as for skills) standing
in for fit. This module reads the window's stored profile representations in
one query and scores them with ``matching.relevance``: concepts with their
strengths, BM25 over the window, and sentence embeddings where every profile in
the window has one (a window with a profile still waiting for its vector is
scored without them, and the run records how many were waiting).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from marketplace.models import Specialist
from matching.relevance.concepts import BriefNeed
from matching.relevance.embedding import EMBEDDING_VERSION, from_bytes
from matching.relevance.features import load_features
from matching.relevance.scorer import ProfileFeatures, Relevance, score_window


@dataclass(frozen=True)
class BriefFit:
    """The brief as relevance reads it: its text, its needs and (maybe) its vector."""

    query: str
    needs: tuple[BriefNeed, ...] = ()
    embedding: np.ndarray | None = None
    backend: str = "concepts+bm25"

    @property
    def concept_weights(self) -> tuple[tuple[str, float], ...]:
        return tuple((n.key, n.weight) for n in self.needs)


@dataclass(frozen=True)
class WindowFit:
    by_id: Mapping[int, Relevance]
    embeddings_pending: int = 0
    semantic_used: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def profiles_for(ids: Collection[int], *, with_embeddings: bool) -> list[ProfileFeatures]:
    fields = ["id", "profile_features"]
    if with_embeddings:
        fields += ["embedding", "embedding_version"]
    rows = Specialist.objects.filter(pk__in=list(ids)).order_by("id").values(*fields)
    profiles = []
    for row in rows:
        vector = None
        if with_embeddings and row.get("embedding_version") == EMBEDDING_VERSION:
            vector = from_bytes(row.get("embedding"))
        profiles.append(
            load_features(id=row["id"], features=row["profile_features"], embedding=vector)
        )
    return profiles


def fit_window(*, brief: BriefFit, ids: Sequence[int]) -> WindowFit:
    """Relevance of each specialist in ``ids`` to the brief."""
    if not ids:
        return WindowFit(by_id={})
    wants_semantic = brief.embedding is not None
    profiles = profiles_for(ids, with_embeddings=wants_semantic)
    pending = sum(1 for p in profiles if p.embedding is None) if wants_semantic else 0
    results = score_window(
        query=brief.query,
        needs=brief.needs,
        profiles=profiles,
        brief_embedding=brief.embedding,
    )
    return WindowFit(
        by_id={p.id: r for p, r in zip(profiles, results, strict=True)},
        embeddings_pending=pending,
        semantic_used=wants_semantic and pending == 0,
    )
