"""Reproducible training and honest evaluation of the role classifier.

Composed briefs are assembled from shared building blocks, so a random split puts
near-duplicates on both sides and any score looks perfect. Evaluation therefore only ever
tests on hand-written briefs: composed briefs are always training data.

Command line (the Django commands ``trainclassifier`` / ``evaluateclassifier`` call the same
functions):
    python -m matching.classifier.training train [--corpus PATH] [--out PATH] [--seed N]
    python -m matching.classifier.training evaluate [--corpus PATH] [--seed N] [--worst 10]
    python -m matching.classifier.training select [--corpus PATH] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold, train_test_split

from .checklist import normalise_answers
from .corpus_io import (
    COMPOSED,
    DEFAULT_CORPUS_PATH,
    DEV_PATH,
    HANDWRITTEN,
    HELD_OUT_PATH,
    ROLES,
    Brief,
    corpus_sha256,
    load_corpus,
    version_for,
)
from .decision import LOW_CONFIDENCE_THRESHOLD, decide
from .inference import read_brief
from .text_model import (
    ARTIFACT_PATH,
    DEFAULT_C,
    DEFAULT_SEED,
    TextModel,
    fit_pipeline,
    save_artifact,
    train_text_model,
)

TEST_FRACTION = 0.25
FOLDS = 5
WITH_CHECKLIST, TEXT_ONLY = "brief + checklist", "text alone"


@dataclass(frozen=True)
class TrainResult:
    version: str
    artifact_path: Path
    cv: CrossValidation
    n_briefs: int


@dataclass(frozen=True)
class CrossValidation:
    """Accuracy over folds of the hand-written briefs; composed briefs always train."""

    accuracy: float  # brief + checklist
    std: float
    text_accuracy: float  # checklists withheld
    text_std: float
    folds: int


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str
    expected: str
    predicted: str
    confidence: float
    mode: str = WITH_CHECKLIST  # which held-out evaluation made it


@dataclass(frozen=True)
class EvaluationReport:
    version: str
    # (role, source) -> number of briefs in the corpus
    corpus_counts: dict[tuple[str, str], int]
    n_train: int  # composed + the hand-written briefs not held out
    n_test: int  # held-out hand-written briefs
    accuracy: float  # (a) held-out, brief + checklist; the --min-accuracy gate
    text_only_accuracy: float  # (b) held-out, checklists withheld
    # Context for reading (a) and (b): how many held-out briefs carry any checklist answer,
    # and how many text-alone answers fall below the confidence at which the service asks
    # the client the checklist questions instead of trusting the wording.
    n_test_with_answers: int
    n_text_only_uncertain: int
    cv: CrossValidation  # (c)
    # (d) for (a): rows = true role, columns = predicted role, both in ROLES order (ai, ml)
    confusion: list[list[int]]
    labels: tuple[str, ...] = ROLES
    # (e) highest-confidence wrong answers across (a) and (b)
    worst_mistakes: list[Mistake] = field(default_factory=list)
    # (f) the hard sets, scored by a model trained on the whole corpus
    hard: list[HardReport] = field(default_factory=list)

    def format(self, worst: int = 10) -> str:
        counts = self.corpus_counts
        per_source = "; ".join(
            f"{source}: " + ", ".join(f"{counts.get((r, source), 0)} {r}" for r in self.labels)
            for source in (HANDWRITTEN, COMPOSED)
        )
        right_a = round(self.accuracy * self.n_test)
        right_b = round(self.text_only_accuracy * self.n_test)
        width = max(len(label) for label in self.labels) + 2
        lines = [
            f"version: {self.version}",
            f"corpus: {sum(counts.values())} briefs ({per_source})",
            f"held out: {self.n_test} hand-written briefs (stratified "
            f"{TEST_FRACTION:.0%}); trained on the other {self.n_train} "
            "(all composed + remaining hand-written)",
            f"(a) held-out accuracy, {WITH_CHECKLIST}: {self.accuracy:.4f} "
            f"({right_a}/{self.n_test}; {self.n_test_with_answers} of them answered at least "
            "one checklist question)",
            f"(b) held-out accuracy, {TEXT_ONLY} (checklists withheld): "
            f"{self.text_only_accuracy:.4f} ({right_b}/{self.n_test}; "
            f"{self.n_text_only_uncertain} below {LOW_CONFIDENCE_THRESHOLD:.2f} confidence, "
            "where the service would ask the checklist questions)",
            f"(c) {self.cv.folds}-fold CV over hand-written briefs (each fold trains on composed "
            "+ the other folds):",
            f"    {WITH_CHECKLIST}: {self.cv.accuracy:.4f} +/- {self.cv.std:.4f}",
            f"    {TEXT_ONLY}: {self.cv.text_accuracy:.4f} +/- {self.cv.text_std:.4f}",
            "(d) confusion matrix for (a) (rows = true, columns = predicted):",
            " " * width + "".join(f"{label:>{width}}" for label in self.labels),
        ]
        for label, row in zip(self.labels, self.confusion, strict=True):
            lines.append(f"{label:<{width}}" + "".join(f"{n:>{width}}" for n in row))
        shown = self.worst_mistakes[:worst]
        lines.append(
            f"(e) worst mistakes on the held-out briefs, (a) and (b) "
            f"({len(shown)} of {len(self.worst_mistakes)}):"
        )
        for m in shown:
            lines.append(
                f"  {m.id} [{m.mode}] {m.title!r}: expected {m.expected}, "
                f"predicted {m.predicted} @ {m.confidence:.2f}"
            )
        if self.hard:
            lines.append("(f) hard briefs (never trained on; trained on the whole corpus):")
            lines.extend(h.format() for h in self.hard)
        return "\n".join(lines)


@dataclass(frozen=True)
class HardReport:
    """Accuracy on one hard set per kind, and of the checklist answers read from its briefs."""

    name: str
    per_kind: dict[str, tuple[int, int]]  # kind -> (right, total)
    # Over the answers the briefs are labelled with: read right, read wrong, not read.
    checklist_right: int
    checklist_wrong: int
    checklist_missed: int
    misses: list[Mistake] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        right = sum(r for r, _ in self.per_kind.values())
        total = sum(t for _, t in self.per_kind.values())
        return right / total if total else 0.0

    def format(self) -> str:
        labelled = self.checklist_right + self.checklist_wrong + self.checklist_missed
        read = self.checklist_right + self.checklist_wrong
        total = sum(t for _, t in self.per_kind.values())
        lines = [f"{self.name}: {total} hard briefs, role accuracy {self.accuracy:.4f}, per kind:"]
        for kind, (right, n) in self.per_kind.items():
            lines.append(f"    {kind:<22} {right / n:.4f} ({right}/{n})")
        lines.append(
            f"    inferred checklist answers: {self.checklist_right}/{labelled} labelled answers "
            f"read right ({self.checklist_right / max(labelled, 1):.4f}); of those read, "
            f"{self.checklist_right}/{read} right ({self.checklist_right / max(read, 1):.4f}); "
            f"{self.checklist_missed} not read"
        )
        for m in self.misses:
            lines.append(
                f"    miss {m.id} {m.title!r}: expected {m.expected}, predicted {m.predicted} "
                f"@ {m.confidence:.2f}"
            )
        return "\n".join(lines)


def evaluate_hard(model: TextModel, path: str | Path, name: str) -> HardReport:
    """Score a hard set with its given checklists, by kind; the briefs never trained."""
    briefs = load_corpus(path)
    predicted, confidence = _score(model, briefs)
    per_kind: dict[str, tuple[int, int]] = {}
    misses = []
    right = wrong = missed = 0
    for b, p, c in zip(briefs, predicted, confidence, strict=True):
        ok, n = per_kind.get(b.kind, (0, 0))
        per_kind[b.kind] = (ok + (p == b.role), n + 1)
        if p != b.role:
            misses.append(Mistake(b.id, b.title, b.role, p, c))
        read = read_brief(b.title, b.description).answers
        for key, expected in b.expected_checklist.items():
            got = read.get(key)
            if got is None or got.answer is None:
                missed += 1
            elif got.answer == expected:
                right += 1
            else:
                wrong += 1
    return HardReport(name, per_kind, right, wrong, missed, misses)


def _model_for(briefs: Sequence[Brief], seed: int, c: float = DEFAULT_C) -> TextModel:
    return TextModel(fit_pipeline(briefs, seed=seed, c=c), "eval", {})


def _score(
    model: TextModel, briefs: Sequence[Brief], with_checklist: bool = True
) -> tuple[list[str], list[float]]:
    evidence = model.evidence_many([(b.title, b.description, b.required_skills) for b in briefs])
    results = [
        decide(
            text,
            b.checklist if with_checklist else None,
            model.version,
            read_brief(b.title, b.description),
        )
        for text, b in zip(evidence, briefs, strict=True)
    ]
    return [r.role_need for r in results], [r.confidence for r in results]


def _accuracy(predicted: Sequence[str], briefs: Sequence[Brief]) -> float:
    return float(np.mean([p == b.role for p, b in zip(predicted, briefs, strict=True)]))


def split_by_source(briefs: Sequence[Brief]) -> tuple[list[Brief], list[Brief]]:
    """(hand-written, composed), each sorted by id.

    The builder shuffles the corpus, so corpus order changes whenever composed briefs do;
    sorting keeps the held-out set and the folds fixed while the training data evolves.
    """
    ordered = sorted(briefs, key=lambda b: b.id)
    return (
        [b for b in ordered if b.source == HANDWRITTEN],
        [b for b in ordered if b.source == COMPOSED],
    )


def holdout_split(
    briefs: Sequence[Brief], seed: int = DEFAULT_SEED, test_fraction: float = TEST_FRACTION
) -> tuple[list[Brief], list[Brief]]:
    """(train, test): test is a stratified share of the hand-written briefs only."""
    handwritten, composed = split_by_source(briefs)
    hw_train, hw_test = train_test_split(
        handwritten,
        test_size=test_fraction,
        stratify=[b.role for b in handwritten],
        random_state=seed,
    )
    return composed + list(hw_train), list(hw_test)


def cross_validate(
    briefs: Sequence[Brief], seed: int = DEFAULT_SEED, folds: int = FOLDS, c: float = DEFAULT_C
) -> CrossValidation:
    """Stratified folds over the hand-written briefs in ``briefs``; composed ones always train.

    Each fold's model is scored twice: with the briefs' checklists, and from text alone.
    """
    handwritten, composed = split_by_source(briefs)
    labels = [b.role for b in handwritten]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    full, text = [], []
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels):
        model = _model_for(composed + [handwritten[i] for i in train_idx], seed, c)
        test = [handwritten[i] for i in test_idx]
        full.append(_accuracy(_score(model, test)[0], test))
        text.append(_accuracy(_score(model, test, with_checklist=False)[0], test))
    return CrossValidation(
        float(np.mean(full)), float(np.std(full)), float(np.mean(text)), float(np.std(text)), folds
    )


def train(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    out_path: str | Path = ARTIFACT_PATH,
    seed: int = DEFAULT_SEED,
) -> TrainResult:
    """Fit on the whole corpus and save; the CV figure is the honest one over hand-written."""
    briefs = load_corpus(corpus_path)
    cv = cross_validate(briefs, seed=seed)
    model = train_text_model(corpus_path, seed=seed)
    model.metadata["cv_accuracy"] = round(cv.accuracy, 4)
    model.metadata["cv_text_accuracy"] = round(cv.text_accuracy, 4)
    path = save_artifact(model, out_path)
    return TrainResult(model.version, path, cv, len(briefs))


def evaluate(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    seed: int = DEFAULT_SEED,
    test_fraction: float = TEST_FRACTION,
    hard_sets: Sequence[tuple[str, str | Path]] = (("dev", DEV_PATH), ("held out", HELD_OUT_PATH)),
) -> EvaluationReport:
    briefs = load_corpus(corpus_path)
    full_model = _model_for(briefs, seed) if hard_sets else None
    hard = [
        evaluate_hard(full_model, path, name)
        for name, path in hard_sets
        if full_model is not None and Path(path).exists()
    ]
    train_b, test_b = holdout_split(briefs, seed=seed, test_fraction=test_fraction)
    model = _model_for(train_b, seed)
    predicted, confidence = _score(model, test_b)
    text_predicted, text_confidence = _score(model, test_b, with_checklist=False)
    confusion = [[0] * len(ROLES) for _ in ROLES]
    for b, p in zip(test_b, predicted, strict=True):
        confusion[ROLES.index(b.role)][ROLES.index(p)] += 1
    mistakes = [
        Mistake(b.id, b.title, b.role, p, conf, mode)
        for mode, preds, confs in (
            (WITH_CHECKLIST, predicted, confidence),
            (TEXT_ONLY, text_predicted, text_confidence),
        )
        for b, p, conf in zip(test_b, preds, confs, strict=True)
        if p != b.role
    ]
    mistakes.sort(key=lambda m: (-m.confidence, m.id, m.mode))
    counts: dict[tuple[str, str], int] = {}
    for b in briefs:
        counts[(b.role, b.source)] = counts.get((b.role, b.source), 0) + 1
    return EvaluationReport(
        version=version_for(corpus_sha256(corpus_path)),
        corpus_counts=counts,
        n_train=len(train_b),
        n_test=len(test_b),
        accuracy=_accuracy(predicted, test_b),
        text_only_accuracy=_accuracy(text_predicted, test_b),
        n_test_with_answers=sum(bool(normalise_answers(b.checklist)) for b in test_b),
        n_text_only_uncertain=sum(c < LOW_CONFIDENCE_THRESHOLD for c in text_confidence),
        cv=cross_validate(briefs, seed=seed),
        confusion=confusion,
        worst_mistakes=mistakes,
        hard=hard,
    )


def compare_settings(
    corpus_path: str | Path = DEFAULT_CORPUS_PATH,
    seed: int = DEFAULT_SEED,
    cs: Sequence[float] = (0.3, 1.0, 3.0, 10.0, 30.0),
) -> dict[float, CrossValidation]:
    """Model selection by CV on the development briefs only.

    The held-out hand-written briefs are dropped before the folds are made, so nothing
    reported as (a) or (b) by ``evaluate`` ever influenced the chosen settings.
    """
    development, _ = holdout_split(load_corpus(corpus_path), seed=seed)
    return {c: cross_validate(development, seed=seed, c=c) for c in cs}


def format_cv(cv: CrossValidation) -> str:
    return (
        f"{cv.folds}-fold CV over hand-written briefs: {WITH_CHECKLIST} {cv.accuracy:.4f} "
        f"+/- {cv.std:.4f}, {TEXT_ONLY} {cv.text_accuracy:.4f} +/- {cv.text_std:.4f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matching.classifier.training")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train and write the artifact")
    t.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    t.add_argument("--out", default=str(ARTIFACT_PATH))
    t.add_argument("--seed", type=int, default=DEFAULT_SEED)
    e = sub.add_parser("evaluate", help="accuracy on held-out hand-written briefs, and CV")
    e.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    e.add_argument("--seed", type=int, default=DEFAULT_SEED)
    e.add_argument("--worst", type=int, default=10)
    e.add_argument("--min-accuracy", type=float, default=0.95)
    s = sub.add_parser("select", help="compare settings by CV on the development briefs")
    s.add_argument("--corpus", default=str(DEFAULT_CORPUS_PATH))
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)

    if args.command == "train":
        result = train(args.corpus, args.out, seed=args.seed)
        print(f"version: {result.version}")
        print(f"artifact: {result.artifact_path}")
        print(format_cv(result.cv))
        return 0
    if args.command == "evaluate":
        report = evaluate(args.corpus, seed=args.seed)
        print(report.format(worst=args.worst))
        if report.accuracy < args.min_accuracy:
            print(f"FAIL: accuracy {report.accuracy:.4f} < {args.min_accuracy}", file=sys.stderr)
            return 1
        return 0
    for c, cv in compare_settings(args.corpus, seed=args.seed).items():
        print(f"C={c:<6} {format_cv(cv)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
