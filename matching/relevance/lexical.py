"""Field-weighted BM25 of a brief against a window of profiles.

Pure Python. Term statistics come from the window being ranked (the few
hundred candidates the database returned), so no roster-wide index has to be
kept in step with every write; on a window that small the IDF of a rare word
is what matters, and it is rare in the window too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from .concepts import fold, normalise, raw_words

# Words that say nothing about fit in a brief or a profile.
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves us via per etc using use used work worked working help need
needs want wants looking someone engineer engineers project projects team company
experience years year plus new get make build built building also well able like
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Field weights: a headline names what the person sells, skills what they use.
FIELD_WEIGHTS: Mapping[str, float] = {"headline": 2.0, "skills": 1.5, "bio": 1.0}
_K1 = 1.2
_B = 0.75


@cache
def stem(word: str) -> str:
    """A light suffix stemmer: enough to meet "forecasts" and "forecasting"."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return word


def terms(text: str) -> list[str]:
    return [term for raw in raw_words(normalise(text)) if (term := _term(raw))]


@cache
def _term(raw: str) -> str:
    """The BM25 term of one raw word ("" for a stopword): fold, then stem, cached."""
    word = fold(raw)
    return stem(word) if word not in STOPWORDS and len(word) > 1 else ""


@dataclass(frozen=True)
class Document:
    """A profile's weighted term frequencies and length."""

    tf: Mapping[str, float]
    length: float

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> Document:
        return cls.from_words({name: raw_words(normalise(text)) for name, text in fields.items()})

    @classmethod
    def from_words(cls, fields: Mapping[str, Sequence[str]]) -> Document:
        """From each field's raw words (``raw_words(normalise(text))``), in field order."""
        tf: dict[str, float] = {}
        length = 0.0
        for name, raw in fields.items():
            weight = FIELD_WEIGHTS.get(name, 1.0)
            for word in raw:
                if term := _term(word):
                    tf[term] = tf.get(term, 0.0) + weight
                    length += weight
        return cls(tf=tf, length=length)


def bm25_scores(query: str, documents: Sequence[Document]) -> list[float]:
    """BM25F of the query against each document, normalised to [0, 1] by the best.

    Normalising by the window's best keeps the figure comparable across briefs
    of different lengths; a window where nothing shares a word scores 0 for all.
    """
    if not documents:
        return []
    query_terms = Counter(terms(query))
    n = len(documents)
    avg_length = sum(d.length for d in documents) / n or 1.0
    df: Counter[str] = Counter()
    for doc in documents:
        for term in query_terms:
            if term in doc.tf:
                df[term] += 1
    raw = []
    for doc in documents:
        total = 0.0
        norm = _K1 * (1 - _B + _B * doc.length / avg_length)
        for term, q_count in query_terms.items():
            f = doc.tf.get(term)
            if not f:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            total += idf * f * (_K1 + 1) / (f + norm) * (1 + math.log(q_count))
        raw.append(total)
    best = max(raw)
    if best <= 0:
        return [0.0] * n
    return [r / best for r in raw]
