"""Reading the labelled corpus of briefs and fingerprinting it for the model version."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marketplace.vocabulary import ROLES

# "handwritten" briefs were written one by one like real client briefs; "composed" ones are
# assembled from shared building blocks, so they resemble each other and are only trusted as
# training data, never as evidence of accuracy.
HANDWRITTEN, COMPOSED = "handwritten", "composed"
SOURCES = (HANDWRITTEN, COMPOSED)
DEFAULT_CORPUS_PATH = Path(__file__).resolve().parent / "corpus" / "briefs.jsonl"
# Hard briefs (worded against the keywords, terse, fine-tuning traps...), each with the
# checklist answers it states. dev.jsonl is what the cues and weights are tuned on;
# heldout.jsonl is only ever scored. Neither trains the text model.
DEV_PATH = DEFAULT_CORPUS_PATH.parent / "dev.jsonl"
HELD_OUT_PATH = DEFAULT_CORPUS_PATH.parent / "heldout.jsonl"
# Bump the base when the features, model or combination rules change; the corpus hash is
# appended so two artifacts trained on different data never share a version.
VERSION_BASE = "role-clf-1.1.0"


@dataclass(frozen=True)
class Brief:
    id: str
    title: str
    description: str
    required_skills: tuple[str, ...] = ()
    checklist: Mapping[str, bool | None] = field(default_factory=dict)
    role: str = ""
    source: str = HANDWRITTEN
    kind: str = ""  # hard sets only: which way the brief is hard
    # hard sets only: the checklist answers the brief itself states
    expected_checklist: Mapping[str, bool] = field(default_factory=dict)


def load_corpus(path: str | Path = DEFAULT_CORPUS_PATH) -> list[Brief]:
    briefs: list[Brief] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["role"] not in ROLES:
                raise ValueError(f"{path}:{line_no}: unknown role {row['role']!r}")
            if row.get("source") not in SOURCES:
                raise ValueError(f"{path}:{line_no}: source must be one of {SOURCES}")
            briefs.append(
                Brief(
                    id=str(row["id"]),
                    title=row.get("title") or "",
                    description=row.get("description") or "",
                    required_skills=tuple(row.get("required_skills") or ()),
                    checklist=dict(row.get("checklist") or {}),
                    role=row["role"],
                    source=row["source"],
                    kind=row.get("kind") or "",
                    expected_checklist=dict(row.get("expected_checklist") or {}),
                )
            )
    return briefs


def corpus_sha256(path: str | Path = DEFAULT_CORPUS_PATH) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def version_for(sha256: str) -> str:
    return f"{VERSION_BASE}+{sha256[:8]}"


def brief_text(title: str, description: str, required_skills: Sequence[str] = ()) -> str:
    """The single string the text model reads; identical at training and serving time."""
    skills = ", ".join(str(s) for s in required_skills)
    return f"{title}. {description}. Skills: {skills}"
