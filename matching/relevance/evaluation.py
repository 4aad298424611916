"""NDCG of rankings over a judged set of briefs and profiles.

A judged set is a folder of three JSON-lines files: ``briefs.jsonl`` (id,
title, description, required_skills), ``profiles.jsonl`` (id, name, tier,
headline, bio, skills) and ``judgments.jsonl`` (brief, profile, grade 0-3;
anything unlisted is 0). Pure Python: the ranking functions to compare are
passed in, so the same figures can be taken of today's order and the new one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marketplace.vocabulary import role_from_name

from .concepts import brief_needs
from .embedding import Encoder, brief_text, profile_text
from .features import load_features, profile_features
from .scorer import ProfileFeatures, Relevance, score_window


@dataclass(frozen=True)
class JudgedSet:
    briefs: list[dict[str, Any]]
    profiles: list[dict[str, Any]]
    grades: dict[str, dict[str, int]]  # brief id -> profile id -> grade

    @classmethod
    def load(cls, folder: str | Path) -> JudgedSet:
        """Read a judged set, tolerant of how another team may have written one.

        Ids may be numbers or strings; skills a list or one ";"- or ","-separated
        string; text fields null; tiers "ai", "ML engineer" or "ml_engineering";
        grades "3" or 3.0. Each is brought to the one form the rankers read.
        """
        root = Path(folder)

        def rows(name: str) -> list[dict[str, Any]]:
            with (root / name).open(encoding="utf-8-sig") as handle:
                return [json.loads(line) for line in handle if line.strip()]

        grades: dict[str, dict[str, int]] = {}
        for j in rows("judgments.jsonl"):
            grades.setdefault(str(j["brief"]), {})[str(j["profile"])] = int(float(j["grade"]))
        briefs = [
            {
                **b,
                "id": str(b["id"]),
                "title": b.get("title") or "",
                "description": b.get("description") or "",
                "required_skills": _skill_list(b.get("required_skills")),
            }
            for b in rows("briefs.jsonl")
        ]
        profiles = [
            {
                **p,
                "id": str(p["id"]),
                "headline": p.get("headline") or "",
                "bio": p.get("bio") or "",
                "skills": _skill_list(p.get("skills")),
                "tier": _tier(p.get("tier")),
            }
            for p in rows("profiles.jsonl")
        ]
        return cls(briefs=briefs, profiles=profiles, grades=grades)


def _skill_list(raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        parts = raw.split(";") if ";" in raw else raw.split(",")
        return [s.strip() for s in parts if s.strip()]
    return [str(s).strip() for s in raw if str(s).strip()]


def _tier(raw: Any) -> str:
    """ai_engineer or ml_engineer from the ways a set may name them ("" when unknown)."""
    return role_from_name(str(raw or "")) or ""


def dcg(gains: Sequence[int], k: int) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))


def ndcg(order: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg([grades.get(pid, 0) for pid in order], k) / ideal


@dataclass(frozen=True)
class PreparedSet:
    judged: JudgedSet
    features: list[ProfileFeatures]
    profile_ids: list[str]
    brief_vectors: dict[str, np.ndarray | None]


def prepare(judged: JudgedSet, *, encoder: Encoder | None) -> PreparedSet:
    """Compute every profile's stored representation once, as a roster write would."""
    vectors: list[np.ndarray | None] = [None] * len(judged.profiles)
    if encoder is not None:
        encoded = encoder.encode(
            [
                profile_text(
                    headline=p.get("headline", ""), bio=p.get("bio", ""), skills=p.get("skills", [])
                )
                for p in judged.profiles
            ]
        )
        vectors = list(encoded)
    features = [
        load_features(
            id=i,
            features=profile_features(
                headline=p.get("headline", ""), bio=p.get("bio", ""), skills=p.get("skills", [])
            ),
            embedding=vectors[i],
        )
        for i, p in enumerate(judged.profiles)
    ]
    brief_vectors: dict[str, np.ndarray | None] = {}
    if encoder is not None:
        encoded_briefs = encoder.encode([_brief_text(b) for b in judged.briefs])
        brief_vectors = {
            str(b["id"]): v for b, v in zip(judged.briefs, encoded_briefs, strict=True)
        }
    return PreparedSet(
        judged=judged,
        features=features,
        profile_ids=[str(p["id"]) for p in judged.profiles],
        brief_vectors=brief_vectors,
    )


def _brief_text(brief: Mapping[str, Any]) -> str:
    return brief_text(
        title=brief.get("title", ""),
        description=brief.get("description", ""),
        skills=brief.get("required_skills") or [],
    )


def relevance_for(prepared: PreparedSet, brief: Mapping[str, Any]) -> list[Relevance]:
    needs = brief_needs(
        title=brief.get("title", ""),
        description=brief.get("description", ""),
        skills=brief.get("required_skills") or [],
    )
    return score_window(
        query=_brief_text(brief),
        needs=needs,
        profiles=prepared.features,
        brief_embedding=prepared.brief_vectors.get(str(brief["id"])),
    )


Ranker = Callable[[PreparedSet, Mapping[str, Any]], Sequence[str]]


def relevance_order(prepared: PreparedSet, brief: Mapping[str, Any]) -> list[str]:
    """Profiles by relevance alone, ties by position in the set."""
    results = relevance_for(prepared, brief)
    order = sorted(range(len(results)), key=lambda i: (-results[i].score, i))
    return [prepared.profile_ids[i] for i in order]


@dataclass(frozen=True)
class Figures:
    ndcg5: float
    ndcg10: float
    per_brief: dict[str, tuple[float, float]]


def evaluate(prepared: PreparedSet, ranker: Ranker) -> Figures:
    per_brief = {}
    for brief in prepared.judged.briefs:
        bid = str(brief["id"])
        grades = prepared.judged.grades.get(bid, {})
        order = list(ranker(prepared, brief))
        per_brief[bid] = (ndcg(order, grades, 5), ndcg(order, grades, 10))
    n = len(per_brief) or 1
    return Figures(
        ndcg5=sum(v[0] for v in per_brief.values()) / n,
        ndcg10=sum(v[1] for v in per_brief.values()) / n,
        per_brief=per_brief,
    )
