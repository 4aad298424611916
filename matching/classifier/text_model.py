"""The text half of the classifier: a TF-IDF + logistic regression pipeline over the brief.

Positive class is ``ml_engineer``, so a positive logit leans ML and a negative one leans AI.
The pipeline is loaded once per process from the committed artifact; when that is missing or
was written by another scikit-learn version we retrain in memory instead of crashing.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from .corpus_io import (
    DEFAULT_CORPUS_PATH,
    Brief,
    brief_text,
    corpus_sha256,
    load_corpus,
    version_for,
)

logger = logging.getLogger(__name__)

ARTIFACT_PATH = Path(__file__).resolve().parent / "artifacts" / "role_text_model.joblib"
DEFAULT_SEED = 20240611
# Chosen by 5-fold cross-validation on the corpus (see training.compare_settings).
DEFAULT_C = 10.0
# Serving-time inputs are cut here: TF-IDF cost grows with length, and the first 20k
# characters of a brief carry all the signal a human reader would use anyway.
MAX_TEXT_CHARS = 20_000
# A brief needs this many recognised content words before its text counts fully; fewer
# words (or gibberish that only matches character fragments) pull the logit towards 0.
FULL_EVIDENCE_WORDS = 6
TEXT_LOGIT_LIMIT = 2.5
# "skills" comes from brief_text's own template, not from the client, so it proves nothing.
_NOT_EVIDENCE = ENGLISH_STOP_WORDS | {"skills"}


def build_pipeline(seed: int = DEFAULT_SEED, c: float = DEFAULT_C) -> Pipeline:
    words = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        strip_accents="unicode",
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9+#-]+\b",
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=40_000
    )
    return Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("chars", chars)])),
            (
                "clf",
                LogisticRegression(
                    C=c, class_weight="balanced", solver="liblinear", random_state=seed
                ),
            ),
        ]
    )


def fit_pipeline(briefs: Sequence[Brief], seed: int = DEFAULT_SEED, c: float = DEFAULT_C) -> Any:
    texts = [brief_text(b.title, b.description, b.required_skills) for b in briefs]
    labels = [1 if b.role == "ml_engineer" else 0 for b in briefs]
    pipeline = build_pipeline(seed=seed, c=c)
    pipeline.fit(texts, labels)
    # The pruned-term sets are only kept for introspection and would bloat the artifact.
    for _, vec in pipeline.named_steps["features"].transformer_list:
        if hasattr(vec, "stop_words_"):
            del vec.stop_words_
    return pipeline


@dataclass(frozen=True)
class TextEvidence:
    logit: float  # clipped and scaled by how much recognisable text there was
    raw_logit: float
    known_words: int
    phrases_ml: list[str]  # brief n-grams pushing towards ML, strongest first
    phrases_ai: list[str]


class TextModel:
    """A fitted pipeline plus its provenance, with the explanations the service needs."""

    def __init__(self, pipeline: Any, version: str, metadata: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.version = version
        self.metadata = metadata
        union = pipeline.named_steps["features"]
        self._words: TfidfVectorizer = union.transformer_list[0][1]
        self._n_word_features = len(self._words.vocabulary_)
        self._coef = pipeline.named_steps["clf"].coef_[0]
        self._intercept = float(pipeline.named_steps["clf"].intercept_[0])
        names = self._words.get_feature_names_out()
        self._word_names = names
        self._is_content_unigram = np.array(
            [" " not in n and n not in _NOT_EVIDENCE for n in names], dtype=bool
        )
        self._quotable = np.array([_quotable(n) for n in names], dtype=bool)

    def evidence(self, title: str, description: str, skills: Sequence[str] = ()) -> TextEvidence:
        text = brief_text(title, description, skills)[:MAX_TEXT_CHARS]
        features = self.pipeline.named_steps["features"].transform([text])
        row = features.tocsr()
        raw = float((row @ self._coef)[0] + self._intercept)
        word_part = row[:, : self._n_word_features]
        idx = word_part.indices
        known = int(self._is_content_unigram[idx].sum()) if idx.size else 0
        strength = min(1.0, known / FULL_EVIDENCE_WORDS)
        # Text-only certainty is capped so a clearly answered checklist can overrule it.
        logit = float(np.clip(raw * strength, -TEXT_LOGIT_LIMIT, TEXT_LOGIT_LIMIT))
        contributions = word_part.data * self._coef[idx]
        order = np.argsort(-np.abs(contributions))
        ml: list[str] = []
        ai: list[str] = []
        for j in order:
            feature = idx[j]
            if not self._quotable[feature] or abs(contributions[j]) < 1e-3:
                continue
            target = ml if contributions[j] > 0 else ai
            name = str(self._word_names[feature])
            # Skip a unigram already covered by a stronger bigram so quotes don't repeat.
            if any(name in q.split() for q in target) or len(target) >= 4:
                continue
            target.append(name)
        return TextEvidence(logit, raw, known, ml, ai)


def _quotable(ngram: str) -> bool:
    tokens = ngram.split()
    # "of the", "we want": quoting stopword n-grams would explain nothing to a client.
    if tokens[0] in ENGLISH_STOP_WORDS or tokens[-1] in ENGLISH_STOP_WORDS:
        return False
    return not any(t in {"skills", "need", "want", "like", "help"} for t in tokens)


def save_artifact(model: TextModel, path: str | Path) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"pipeline": model.pipeline, "version": model.version, **model.metadata}
    joblib.dump(payload, out, compress=3)
    return out


def train_text_model(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH, seed: int = DEFAULT_SEED
) -> TextModel:
    sha = corpus_sha256(corpus_path)
    pipeline = fit_pipeline(load_corpus(corpus_path), seed=seed)
    metadata = {
        "corpus_sha256": sha,
        "sklearn_version": sklearn.__version__,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
    }
    return TextModel(pipeline, version_for(sha), metadata)


def load_artifact(path: str | Path) -> TextModel:
    with warnings.catch_warnings():
        # A version mismatch is detected from our own metadata below, with a clearer message.
        warnings.simplefilter("ignore")
        payload = joblib.load(path)
    if payload.get("sklearn_version") != sklearn.__version__:
        raise ValueError(
            f"artifact written by scikit-learn {payload.get('sklearn_version')}, "
            f"running {sklearn.__version__}"
        )
    metadata = {k: v for k, v in payload.items() if k not in {"pipeline", "version"}}
    return TextModel(payload["pipeline"], payload["version"], metadata)


_MODEL: TextModel | None = None
_LOCK = threading.Lock()


def get_model() -> TextModel:
    """Process-wide model, loaded on first use; concurrent first calls load it only once."""
    global _MODEL
    model = _MODEL
    if model is not None:
        return model
    with _LOCK:
        if _MODEL is None:
            try:
                _MODEL = load_artifact(ARTIFACT_PATH)
            except Exception as exc:  # any unreadable artifact must not take the service down
                logger.warning(
                    "Role classifier artifact %s unusable (%s); training in memory from %s",
                    ARTIFACT_PATH,
                    exc,
                    DEFAULT_CORPUS_PATH,
                )
                _MODEL = train_text_model(DEFAULT_CORPUS_PATH)
        return _MODEL


def reset_model_cache() -> None:
    global _MODEL
    with _LOCK:
        _MODEL = None
