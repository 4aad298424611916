"""Reproducible training, cross-validation and held-out evaluation of the role classifier.

Command line (until the Django management commands are wired in):
    python -m matching.classifier.training train [--corpus PATH] [--out PATH] [--seed N]
    python -m matching.classifier.training evaluate [--corpus PATH] [--seed N] [--worst 10]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold, train_test_split

from .corpus_io import DEFAULT_CORPUS_PATH, ROLES, Brief, corpus_sha256, load_corpus, version_for
from .decision import classify_with_model
from .text_model import (
    ARTIFACT_PATH,
    DEFAULT_C,
    DEFAULT_SEED,
    TextModel,
    fit_pipeline,
    save_artifact,
    train_text_model,
)


@dataclass(frozen=True)
class TrainResult:
    version: str
    artifact_path: Path
    cv_accuracy: float
    cv_std: float
    n_briefs: int


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str
    expected: str
    predicted: str
    confidence: float


@dataclass(frozen=True)
class EvaluationReport:
    accuracy: float
    # rows = true role, columns = predicted role, both in ROLES order (ai, ml)
    confusion: list[list[int]]
    labels: tuple[str, ...]
    cv_accuracy: float
    cv_std: float
    n_train: int
    n_test: int
    # Same held-out split with the checklists withheld: how much the wording alone carries.
    text_only_accuracy: float
    worst_mistakes: list[Mistake] = field(default_factory=list)

    def format(self, worst: int = 10) -> str:
        width = max(len(label) for label in self.labels) + 2
        lines = [
            f"held-out accuracy: {self.accuracy:.4f} (train {self.n_train}, test {self.n_test})",
            f"5-fold CV accuracy: {self.cv_accuracy:.4f} +/- {self.cv_std:.4f}",
            f"held-out accuracy from text alone (checklists withheld): "
            f"{self.text_only_accuracy:.4f}",
            "confusion matrix (rows = true, columns = predicted):",
            " " * width + "".join(f"{label:>{width}}" for label in self.labels),
        ]
        for label, row in zip(self.labels, self.confusion, strict=True):
            lines.append(f"{label:<{width}}" + "".join(f"{n:>{width}}" for n in row))
        shown = self.worst_mistakes[:worst]
        lines.append(f"worst mistakes ({len(shown)} of {len(self.worst_mistakes)}):")
        for m in shown:
            lines.append(
                f"  {m.id}: {m.title!r} expected {m.expected}, "
                f"predicted {m.predicted} @ {m.confidence:.2f}"
            )
        return "\n".join(lines)


def _model_for(briefs: Sequence[Brief], seed: int, c: float = DEFAULT_C) -> TextModel:
    return TextModel(fit_pipeline(briefs, seed=seed, c=c), "eval", {})


def _score(
    model: TextModel, briefs: Sequence[Brief], with_checklist: bool = True
) -> tuple[list[str], list[float]]:
    predicted, confidence = [], []
    for b in briefs:
        result = classify_with_model(
            model,
            title=b.title,
            description=b.description,
            required_skills=b.required_skills,
            checklist=b.checklist if with_checklist else None,
        )
        predicted.append(result.role_need)
        confidence.append(result.confidence)
    return predicted, confidence


def cross_validate(
    briefs: Sequence[Brief], seed: int = DEFAULT_SEED, folds: int = 5, c: float = DEFAULT_C
) -> tuple[float, float]:
    """Accuracy of the full classify() (text + checklist) over stratified folds."""
    labels = [b.role for b in briefs]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    scores = []
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels):
        model = _model_for([briefs[i] for i in train_idx], seed, c)
        test = [briefs[i] for i in test_idx]
        predicted, _ = _score(model, test)
        scores.append(np.mean([p == b.role for p, b in zip(predicted, test, strict=True)]))
    return float(np.mean(scores)), float(np.std(scores))


def train(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    out_path: str | Path = ARTIFACT_PATH,
    seed: int = DEFAULT_SEED,
) -> TrainResult:
    briefs = load_corpus(corpus_path)
    cv_mean, cv_std = cross_validate(briefs, seed=seed)
    model = train_text_model(corpus_path, seed=seed)
    model.metadata["cv_accuracy"] = round(cv_mean, 4)
    path = save_artifact(model, out_path)
    return TrainResult(model.version, path, cv_mean, cv_std, len(briefs))


def evaluate(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    seed: int = DEFAULT_SEED,
    test_fraction: float = 0.25,
) -> EvaluationReport:
    briefs = load_corpus(corpus_path)
    labels = [b.role for b in briefs]
    train_b, test_b = train_test_split(
        briefs, test_size=test_fraction, stratify=labels, random_state=seed
    )
    model = _model_for(train_b, seed)
    predicted, confidence = _score(model, test_b)
    confusion = [[0, 0], [0, 0]]
    mistakes = []
    for b, p, conf in zip(test_b, predicted, confidence, strict=True):
        confusion[ROLES.index(b.role)][ROLES.index(p)] += 1
        if p != b.role:
            mistakes.append(Mistake(b.id, b.title, b.role, p, conf))
    mistakes.sort(key=lambda m: -m.confidence)
    accuracy = float(np.mean([p == b.role for p, b in zip(predicted, test_b, strict=True)]))
    text_only, _ = _score(model, test_b, with_checklist=False)
    text_accuracy = float(np.mean([p == b.role for p, b in zip(text_only, test_b, strict=True)]))
    cv_mean, cv_std = cross_validate(briefs, seed=seed)
    return EvaluationReport(
        accuracy,
        confusion,
        ROLES,
        cv_mean,
        cv_std,
        len(train_b),
        len(test_b),
        text_accuracy,
        mistakes,
    )


def compare_settings(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    seed: int = DEFAULT_SEED,
    cs: Sequence[float] = (0.3, 1.0, 3.0, 10.0, 30.0),
) -> dict[float, float]:
    """Model selection by CV only, so the held-out split is never used to pick settings."""
    briefs = load_corpus(corpus_path)
    return {c: cross_validate(briefs, seed=seed, c=c)[0] for c in cs}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matching.classifier.training")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train and write the artifact")
    t.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    t.add_argument("--out", default=str(ARTIFACT_PATH))
    t.add_argument("--seed", type=int, default=DEFAULT_SEED)
    e = sub.add_parser("evaluate", help="held-out and cross-validated accuracy")
    e.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    e.add_argument("--seed", type=int, default=DEFAULT_SEED)
    e.add_argument("--worst", type=int, default=10)
    e.add_argument("--min-accuracy", type=float, default=0.95)
    s = sub.add_parser("select", help="compare regularisation strengths by CV")
    s.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)

    if args.command == "train":
        result = train(args.corpus, args.out, seed=args.seed)
        print(f"version: {result.version}")
        print(f"artifact: {result.artifact_path}")
        print(f"5-fold CV accuracy: {result.cv_accuracy:.4f} +/- {result.cv_std:.4f}")
        return 0
    if args.command == "evaluate":
        report = evaluate(args.corpus, seed=args.seed)
        print(f"version: {version_for(corpus_sha256(args.corpus))}")
        print(report.format(worst=args.worst))
        if report.accuracy < args.min_accuracy:
            print(f"FAIL: accuracy {report.accuracy:.4f} < {args.min_accuracy}", file=sys.stderr)
            return 1
        return 0
    for c, acc in compare_settings(args.corpus, seed=args.seed).items():
        print(f"C={c:<6} CV accuracy {acc:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
