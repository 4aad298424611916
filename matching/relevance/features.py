"""A profile's stored representation: computed once when the profile is written.

Pure Python. ``profile_features`` turns a headline, bio and skills into what
ranking reads back (concept strengths with their quotes, BM25 term counts)
as plain JSON, and ``concept_keys`` into the short list the ranking SQL tests
with a JSON containment, as it does for skills.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .concepts import specialist_concepts
from .lexical import FIELD_WEIGHTS, Document
from .scorer import SHOWN, ProfileFeatures

# Bumped when what is read of a profile changes (the representation, the vocabulary,
# the phrase finder): rows written before are recomputed when next written, and all
# at once by ``manage.py refreshprofiles``.
# 2: quoted phrases aligned after "3,000"/"Q&A"; multilingual apart from translation;
#    "crm", "automat* the", "orchestrat*", bare "contract", "applicant*", "fields" dropped.
FEATURES_VERSION = 2
_QUOTE_CHARS = 240
# Term counts are sums of field weights; when every weight is a multiple of 0.5
# the sums are exact and rounding them to 2 places (94 calls a profile) is a no-op.
_TF_EXACT = all((2 * w).is_integer() for w in (*FIELD_WEIGHTS.values(), 1.0))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1].rstrip() + "…"


def profile_features(*, headline: str, bio: str, skills: Iterable[str]) -> dict[str, Any]:
    skills = [str(s) for s in skills]
    # The concept reader normalises each text once; BM25 counts the same words.
    field_words: dict[str, list[str]] = {}
    concepts = specialist_concepts(
        headline=headline, bio=bio, skills=skills, field_words=field_words
    )
    document = Document.from_words(field_words)
    tf = sorted(document.tf.items())
    return {
        "v": FEATURES_VERSION,
        "concepts": {
            key: [round(strength, 3), concepts.phrases[key], _clip(concepts.quotes[key])]
            for key, strength in sorted(concepts.strengths.items())
        },
        "tf": dict(tf) if _TF_EXACT else {term: round(count, 2) for term, count in tf},
        "len": round(document.length, 2),
    }


def concept_keys(features: Mapping[str, Any]) -> list[str]:
    """The concepts a profile shows clearly enough to be pre-selected by SQL."""
    return sorted(k for k, v in (features.get("concepts") or {}).items() if v[0] >= SHOWN)


def load_features(
    *, id: int, features: Mapping[str, Any] | None, embedding: np.ndarray | None = None
) -> ProfileFeatures:
    features = features or {}
    concepts = {
        key: (float(v[0]), str(v[1]), str(v[2]))
        for key, v in (features.get("concepts") or {}).items()
    }
    document = Document(tf=dict(features.get("tf") or {}), length=float(features.get("len") or 0))
    return ProfileFeatures(id=id, document=document, concepts=concepts, embedding=embedding)
