"""A simulated desk that decides on lists, and what the re-ranker learns from it.

    python benchmarks/desk.py [--projects 120] [--desk overlap-and-fit|no-signal|top-only]

The desk has a hidden preference the hand weights lack: it favours more
working-hours overlap and a closer domain fit over a lower rate. On each
simulated project it is shown the hand-weighted top 20 of a window of 120,
reads the list down to some depth (a cascade: nobody reads it all), approves
or shortlists the best it read, rejects the worst, and the client accepts one
of the approved. The log is then used exactly as ``manage.py trainranker``
uses the real one (``matching.reranker``): graded labels, the examination-
depth rule for position bias, a pairwise logistic model with non-negative
coefficients, cross-validated on held-out projects.

The script prints held-out NDCG@5/@10 of both orders against the logged
labels (what ``trainranker`` prints), the verdict of the activation rule,
and, because the simulation knows the desk's hidden taste, NDCG@5 of the
top 20 each order would show, graded by that taste over the whole window.

``no-signal`` decides at random; ``top-only`` always takes the first match
and does nothing else (pure position bias). Neither should activate.
The pure parts (``simulate``) are what the tests use too.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from marketplace import settings as project_settings
from marketplace.vocabulary import AI_ENGINEER, ML_ENGINEER
from matching.relevance.evaluation import ndcg
from matching.relevance.scorer import Relevance, blend
from matching.reranker import (
    FEATURES,
    Group,
    LinearRanker,
    Shown,
    TrainingRule,
    evaluate,
    feature_vector,
)
from matching.reranker.labels import (
    GRADE_ACCEPTED,
    GRADE_APPROVED,
    GRADE_DECLINED,
    GRADE_SHOWN,
)
from matching.scoring import Candidate, Need, Scored, ScoringParams, Weights, score

# The service's default weights, read from the settings module itself (no Django setup).
HAND_WEIGHTS = dict(project_settings.MATCHING_WEIGHTS)
PARAMS = ScoringParams(weights=Weights.normalised(HAND_WEIGHTS))
START = date(2031, 3, 3)
SKILLS = ("llm", "rag", "python", "kafka", "pytorch")
TOP_K = 20
WINDOW = 120
DESKS = ("overlap-and-fit", "no-signal", "top-only")


@dataclass(frozen=True)
class Listed:
    scored: Scored
    features: dict[str, float]


def _window(rng: random.Random) -> tuple[Need, list[Listed]]:
    """One project's window: candidates as the ranking statement would return them."""
    budget = Decimal(rng.randint(30, 70))
    need = Need(
        role=AI_ENGINEER,
        budget=budget,
        start=START,
        hours_per_week=40,
        required_skills=tuple(rng.sample(SKILLS, 3)),
        overlap_wanted=4.0,
    )
    listed = []
    for i in range(WINDOW):
        concept = rng.random()
        lexical = rng.random()
        fit = Relevance(
            score=blend(concept=concept, lexical=lexical, semantic=None),
            concept=round(concept, 4),
            lexical=round(lexical, 4),
            semantic=None,
        )
        candidate = Candidate(
            id=i + 1,
            tier=AI_ENGINEER if rng.random() < 0.8 else ML_ENGINEER,
            rate=(budget * Decimal(rng.uniform(0.55, 1.3))).quantize(Decimal("0.01")),
            available_from=START + timedelta(days=rng.randint(-25, 20)),
            skill_keys=frozenset(rng.sample(SKILLS, rng.randint(1, 5))),
            overlap_hours=round(rng.choice([0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0]), 1),
        )
        scored = score(need=need, candidate=candidate, params=PARAMS, relevance=fit.score)
        listed.append(
            Listed(
                scored=scored,
                features=feature_vector(scored=scored, need=need, params=PARAMS, fit=fit),
            )
        )
    return need, listed


def taste(item: Listed) -> float:
    """The desk's hidden preference: overlap and domain fit first, a low rate barely."""
    f = item.features
    return (
        2.0 * min(f["overlap"], 1.0)
        + 1.6 * f["concept"]
        + 0.4 * f["skills"]
        + 0.3 * f["tier"]
        + 0.3 * f["budget"]
        + 0.2 * f["headroom"]
    )


def _decide(listed: Sequence[Listed], desk: str, rng: random.Random) -> list[int]:
    """Grades for the shown list (in shown order)."""
    grades = [GRADE_SHOWN] * len(listed)
    if desk == "top-only":
        grades[0] = GRADE_ACCEPTED
        return grades
    depth = rng.randint(6, len(listed))
    read = list(range(depth))
    if desk == "no-signal":
        for i in read:
            grades[i] = rng.choice([GRADE_DECLINED, GRADE_SHOWN, GRADE_SHOWN, GRADE_APPROVED])
        if rng.random() < 0.7:
            grades[rng.choice(read)] = GRADE_ACCEPTED
        return grades
    noisy = {i: taste(listed[i]) + rng.gauss(0, 0.25) for i in read}
    best_first = sorted(read, key=lambda i: -noisy[i])
    approved = best_first[: rng.randint(1, 3)]
    for i in approved:
        grades[i] = GRADE_APPROVED
    for i in best_first[-rng.randint(1, 3) :]:
        grades[i] = GRADE_DECLINED
    if rng.random() < 0.7:
        grades[approved[0]] = GRADE_ACCEPTED
    return grades


@dataclass(frozen=True)
class Simulated:
    groups: list[Group]
    windows: dict[int, list[Listed]]


def simulate(*, projects: int, desk: str = "overlap-and-fit", seed: int = 7) -> Simulated:
    """The decision log of ``projects`` simulated projects, each shown in hand order."""
    if desk not in DESKS:
        raise ValueError(f"unknown desk {desk!r}")
    rng = random.Random(seed)
    groups, windows = [], {}
    for project_id in range(1, projects + 1):
        _need, window = _window(rng)
        shown = sorted(window, key=lambda item: item.scored.sort_key)[:TOP_K]
        grades = _decide(shown, desk, rng)
        groups.append(
            Group(
                project_id=project_id,
                items=tuple(
                    Shown(
                        specialist_id=item.scored.candidate.id,
                        rank=rank,
                        grade=g,
                        features=item.features,
                    )
                    for rank, (item, g) in enumerate(zip(shown, grades, strict=True), start=1)
                ),
            )
        )
        windows[project_id] = window
    return Simulated(groups=groups, windows=windows)


def taste_ndcg(windows: dict[int, list[Listed]], ranker: LinearRanker | None, k: int = 5) -> float:
    """NDCG@k of the top 20 an order would show, graded 0-3 by the desk's taste in the window."""
    total = 0.0
    for window in windows.values():
        by_taste = sorted(window, key=lambda item: -taste(item))
        grades = {
            item.scored.candidate.id: 3 if i < 5 else 2 if i < 15 else 1 if i < 40 else 0
            for i, item in enumerate(by_taste)
        }
        if ranker is None:
            order = sorted(window, key=lambda item: item.scored.sort_key)
        else:
            order = sorted(window, key=lambda item: ranker.window_key(item.scored, item.features))
        total += ndcg([item.scored.candidate.id for item in order[:TOP_K]], grades, k)
    return total / max(1, len(windows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=120)
    parser.add_argument("--desk", choices=DESKS, default="overlap-and-fit")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-projects", type=int, default=30)
    parser.add_argument("--min-gain", type=float, default=0.02)
    args = parser.parse_args()
    sim = simulate(projects=args.projects, desk=args.desk, seed=args.seed)
    result = evaluate(
        sim.groups, TrainingRule(min_projects=args.min_projects, min_gain=args.min_gain)
    )
    print(f"desk: {args.desk}, {args.projects} projects, seed {args.seed}")
    print(
        f"projects with decisions {result.projects}, with pairs {result.informative_projects}, "
        f"pairs {result.pairs}, folds {result.folds}"
    )
    print(f"{'held-out order':<28} {'NDCG@5':>7} {'NDCG@10':>8}")
    print(f"{'hand weights':<28} {result.hand_ndcg5:>7.3f} {result.hand_ndcg10:>8.3f}")
    print(f"{'learned':<28} {result.learned_ndcg5:>7.3f} {result.learned_ndcg10:>8.3f}")
    print(f"activate: {'yes' if result.activate else 'no'} ({result.reason})")
    coefficients = {k: v for k, v in result.ranker.coefficients.items() if v > 0}
    print("coefficients:", ", ".join(f"{k}={v:.3g}" for k, v in coefficients.items()) or "none")
    unseen = simulate(projects=60, desk=args.desk, seed=args.seed + 1000)
    print(
        "desk's taste, NDCG@5 of the top 20 on 60 new projects: "
        f"hand {taste_ndcg(unseen.windows, None):.3f}, "
        f"learned {taste_ndcg(unseen.windows, result.ranker):.3f}"
    )
    assert set(result.ranker.coefficients) <= set(FEATURES)


if __name__ == "__main__":
    main()
