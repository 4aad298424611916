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
# Chosen by cross-validation over the development hand-written briefs only (see
# training.compare_settings): accuracy is flat from C=3 to C=30, and 10 gave the best
# log-loss across several builder seeds, i.e. the most honest confidences.
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

# Rationale quotes. A phrase is only quoted when it moves the text logit by at least this
# much on its own; weaker phrases are noise a client cannot act on.
MIN_QUOTE_CONTRIBUTION = 0.06
# A bigram ("sensor logs") explains more than either word, so it ranks as if this much
# stronger; its real contribution must still clear the minimum.
BIGRAM_PREFERENCE = 2.0
MAX_QUOTES = 4
# Everyday words that carry weight in the model (ML briefs say "years" and "know", AI briefs
# say "new" and "let") but mean nothing to a client as a reason. Never quoted on their own.
GENERIC_WORDS = frozenset({
    "able", "actually", "already", "asked", "bad", "based", "best", "better", "big", "business",
    "change", "changes", "client", "clients", "come", "company", "correct", "current", "currently",
    "customer", "customers", "data", "day", "days", "did", "different", "does", "dozens", "drawn",
    "end", "final", "gets", "going", "good", "got", "great", "hand", "help", "hours", "hundreds",
    "idea", "information", "just", "kind", "know", "large", "let", "like", "look", "looking",
    "lot", "lots", "make", "makes", "making", "mention", "million", "millions", "month", "months",
    "need", "needs", "new", "number", "numbers", "ones", "open", "past", "people", "place", "plus",
    "previous", "proper", "properly", "quick", "quickly", "real", "really", "relevant", "result",
    "results", "right", "set", "short", "skills", "small", "staff", "start", "sure", "team",
    "tell", "thing", "things", "thousands", "time", "times", "today", "use", "used", "uses",
    "using", "value", "want", "wanted", "wants", "way", "week", "weeks", "work", "works", "wrong",
    "year", "years"
})  # fmt: skip
_UNQUOTABLE = ENGLISH_STOP_WORDS | GENERIC_WORDS


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
                # The dual formulation reaches the same optimum about ten times faster
                # here, because there are far more n-gram features than briefs.
                LogisticRegression(
                    C=c, class_weight="balanced", solver="liblinear", dual=True, random_state=seed
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
        return self.evidence_many([(title, description, skills)])[0]

    def evidence_many(self, briefs: Sequence[tuple[str, str, Sequence[str]]]) -> list[TextEvidence]:
        """Evidence for several briefs with one transform (evaluation scores hundreds)."""
        texts = [brief_text(t, d, s)[:MAX_TEXT_CHARS] for t, d, s in briefs]
        rows = self.pipeline.named_steps["features"].transform(texts).tocsr()
        raws = np.asarray(rows @ self._coef).ravel() + self._intercept
        words = rows[:, : self._n_word_features].tocsr()
        return [
            self._row_evidence(
                float(raws[i]),
                words.indices[words.indptr[i] : words.indptr[i + 1]],
                words.data[words.indptr[i] : words.indptr[i + 1]],
            )
            for i in range(len(texts))
        ]

    def _row_evidence(self, raw: float, idx: np.ndarray, values: np.ndarray) -> TextEvidence:
        known = int(self._is_content_unigram[idx].sum()) if idx.size else 0
        strength = min(1.0, known / FULL_EVIDENCE_WORDS)
        # Text-only certainty is capped so a clearly answered checklist can overrule it.
        logit = float(np.clip(raw * strength, -TEXT_LOGIT_LIMIT, TEXT_LOGIT_LIMIT))
        contributions = values * self._coef[idx]
        ml = _rank_quotes(self._word_names, idx, contributions, self._quotable)
        ai = _rank_quotes(self._word_names, idx, -contributions, self._quotable)
        return TextEvidence(logit, raw, known, ml, ai)


def _quotable(ngram: str) -> bool:
    """Whether an n-gram could explain anything to a client if quoted back to them."""
    tokens = ngram.split()
    # "skills rag" straddles brief_text's own "Skills:" label and the client's words.
    if "skills" in tokens:
        return False
    # "of the", "data of": an n-gram that starts or ends on a stop-word reads as a fragment.
    if tokens[0] in ENGLISH_STOP_WORDS or tokens[-1] in ENGLISH_STOP_WORDS:
        return False
    # "past years" is as empty as "years"; "sensor logs" is not.
    return any(t not in _UNQUOTABLE and len(t) > 2 for t in tokens)


def _rank_quotes(
    names: np.ndarray, idx: np.ndarray, pulls: np.ndarray, quotable: np.ndarray
) -> list[str]:
    """Quotable n-grams pulling the wanted way (``pulls`` > 0), most telling first.

    Bigrams are preferred over their own words; a phrase sharing a word with one already
    chosen is skipped so the rationale never says "sensor", "sensor logs".
    """
    candidates = [
        (pull * (BIGRAM_PREFERENCE if " " in str(names[f]) else 1.0), str(names[f]))
        for f, pull in zip(idx, pulls, strict=True)
        if pull >= MIN_QUOTE_CONTRIBUTION and quotable[f]
    ]
    candidates.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[str] = []
    used: set[str] = set()
    for _, name in candidates:
        tokens = set(name.split())
        if tokens & used:
            continue
        chosen.append(name)
        used |= tokens
        if len(chosen) == MAX_QUOTES:
            break
    return chosen


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
