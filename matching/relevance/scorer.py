"""How well a profile fits a brief: one figure in [0, 1] from three signals, and the evidence.

Pure Python (numpy for the dot products). The signals, each in [0, 1]:

- ``concept``: the brief's needs (problem domains, techniques, industries from
  ``concepts``) weighted by how decisive each is, met by the strength with which
  the profile shows them. Explainable and robust to paraphrase within the
  vocabulary; blind outside it.
- ``lexical``: field-weighted BM25 over the window, for the words the
  vocabulary does not know (a tool, a data source, a regulation).
- ``semantic``: cosine of sentence embeddings (when the ``semantic`` extra is
  installed), for paraphrase the vocabulary misses.

The blend weights were chosen on the development set
(``benchmarks/data/relevance_dev``), never on the evaluation set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .concepts import BriefNeed
from .lexical import Document, bm25_scores
from .vocabulary import INDUSTRY as INDUSTRY_KIND

# Blend weights (see the module docstring for how they were chosen).
WEIGHTS_SEMANTIC: Mapping[str, float] = {"concept": 0.30, "lexical": 0.20, "semantic": 0.50}
WEIGHTS_PLAIN: Mapping[str, float] = {"concept": 0.60, "lexical": 0.40}
# A MiniLM cosine below this says nothing; at the ceiling the texts are near paraphrases.
COSINE_FLOOR = 0.15
COSINE_CEILING = 0.65
# A profile shows a concept when its stored strength is above this.
SHOWN = 0.3


@dataclass(frozen=True)
class ProfileFeatures:
    """What ranking keeps of a profile: computed when the profile is written."""

    id: int
    document: Document
    # concept key -> (strength, the profile's phrase, the sentence it stands in)
    concepts: Mapping[str, tuple[float, str, str]]
    embedding: np.ndarray | None = None


@dataclass(frozen=True)
class Evidence:
    need: BriefNeed
    phrase: str
    quote: str
    strength: float


@dataclass(frozen=True)
class Relevance:
    score: float
    concept: float
    lexical: float
    semantic: float | None
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[BriefNeed, ...] = ()
    signals: Mapping[str, float | None] = field(default_factory=dict)


def concept_score(
    needs: Sequence[BriefNeed], concepts: Mapping[str, tuple[float, str, str]]
) -> float:
    """Weighted share of the brief's needs the profile shows (industries count least).

    With no need recognised in the brief the concept signal is silent (0 for
    everyone), so it cannot reorder what the other signals say.
    """
    total = sum(n.weight for n in needs)
    if total <= 0:
        return 0.0
    met = sum(n.weight * min(concepts.get(n.key, (0.0, "", ""))[0], 1.0) for n in needs)
    return max(0.0, min(1.0, met / total))


def semantic_score(brief: np.ndarray | None, profile: np.ndarray | None) -> float | None:
    if brief is None or profile is None:
        return None
    cosine = float(np.dot(brief, profile))
    return max(0.0, min(1.0, (cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR)))


def blend(*, concept: float, lexical: float, semantic: float | None) -> float:
    if semantic is None:
        w = WEIGHTS_PLAIN
        value = w["concept"] * concept + w["lexical"] * lexical
    else:
        w = WEIGHTS_SEMANTIC
        value = w["concept"] * concept + w["lexical"] * lexical + w["semantic"] * semantic
    return round(max(0.0, min(1.0, value)), 4)


def score_window(
    *,
    query: str,
    needs: Sequence[BriefNeed],
    profiles: Sequence[ProfileFeatures],
    brief_embedding: np.ndarray | None = None,
) -> list[Relevance]:
    """Relevance of every profile in the window, in the window's order."""
    lexical = bm25_scores(query, [p.document for p in profiles])
    # A window where some profiles have no vector yet is scored without the semantic
    # signal for all of them, so a pending embedding neither helps nor hurts anyone.
    use_semantic = brief_embedding is not None and all(p.embedding is not None for p in profiles)
    results = []
    for profile, lex in zip(profiles, lexical, strict=True):
        concept = concept_score(needs, profile.concepts)
        semantic = semantic_score(brief_embedding, profile.embedding) if use_semantic else None
        evidence = tuple(
            Evidence(
                need=n,
                phrase=profile.concepts[n.key][1],
                quote=profile.concepts[n.key][2],
                strength=profile.concepts[n.key][0],
            )
            for n in needs
            if profile.concepts.get(n.key, (0.0,))[0] >= SHOWN
        )
        shown = {e.need.key for e in evidence}
        missing = tuple(n for n in needs if n.key not in shown and n.kind != INDUSTRY_KIND)
        results.append(
            Relevance(
                score=blend(concept=concept, lexical=lex, semantic=semantic),
                concept=round(concept, 4),
                lexical=round(lex, 4),
                semantic=None if semantic is None else round(semantic, 4),
                evidence=evidence,
                missing=missing,
            )
        )
    return results
