"""Build matching/classifier/corpus/briefs.jsonl from hand-written briefs and blocks.

Run: python scripts/role_corpus/build.py [--per-role 300] [--seed 7] [--out PATH]
The output is committed; rerunning with the same arguments gives the same bytes (a test
checks this). Every row records its ``source``: "handwritten" briefs are the ones the
evaluation holds out, because composed briefs share building blocks with each other and
would make any split between them look easier than real client briefs are.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import blocks as b
from handwritten import AI_BRIEFS, ML_BRIEFS
from hard_dev import DEV
from hard_heldout import HELD_OUT, HardBrief

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "matching" / "classifier" / "corpus" / "briefs.jsonl"
# The hard sets are written next to the corpus: dev.jsonl (tuning) and heldout.jsonl
# (evaluation only). Neither is ever training data.
HARD_SETS = (("dev", DEV), ("heldout", HELD_OUT))
KINDS = (
    "against_keywords",
    "long_noisy",
    "terse",
    "imperfect_english",
    "checklist_only",
    "ownership_over_time",
    "fine_tuning_trap",
)
CODES = {
    "G": "general_model_sufficient",
    "M": "model_is_moat",
    "D": "has_training_data",
    "R": "needs_continuous_retraining",
    "W": "needs_value_within_weeks",
}

# Which answer each role's client would usually give. Weak keys sometimes get the
# "wrong" answer on purpose: real ML projects are often under time pressure too.
TYPICAL = {
    "ai_engineer": {
        "general_model_sufficient": True,
        "model_is_moat": False,
        "has_training_data": False,
        "needs_continuous_retraining": False,
        "needs_value_within_weeks": True,
    },
    "ml_engineer": {
        "general_model_sufficient": False,
        "model_is_moat": True,
        "has_training_data": True,
        "needs_continuous_retraining": True,
        "needs_value_within_weeks": False,
    },
}
WEAK_KEYS = ("has_training_data", "needs_value_within_weeks")


def fill(text: str, dom: dict[str, list[str]], rng: random.Random) -> str:
    def pick(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in dom:
            return rng.choice(dom[key])
        if key == "horizon":
            return rng.choice(b.HORIZONS)
        if key == "years":
            return str(rng.choice([2, 3, 4, 5, 6, 8, 10, 12]))
        if key == "millions":
            return str(rng.choice([1, 3, 5, 12, 40, 200]))
        if key == "since":
            return str(rng.choice([2009, 2012, 2015, 2017, 2019]))
        raise KeyError(key)

    return re.sub(r"\{(\w+)\}", pick, text)


def sample_checklist(role: str, rng: random.Random) -> dict[str, bool]:
    if rng.random() < 0.4:
        return {}
    keys = rng.sample(list(TYPICAL[role]), k=rng.choice([1, 1, 2, 2, 3, 5]))
    out = {}
    for key in keys:
        answer = TYPICAL[role][key]
        if key in WEAK_KEYS and rng.random() < 0.2:
            answer = not answer
        out[key] = answer
    return out


def compose(role: str, rng: random.Random) -> tuple[str, str, list[str]]:
    ai = role == "ai_engineer"
    goals = b.AI_GOALS if ai else b.ML_GOALS
    titles, phrases, goal_skills = rng.choice(goals)
    dom = rng.choice(b.DOMAINS)
    goal = fill(rng.choice(phrases), dom, rng)
    intro = rng.choice(dom["intro"])
    pain = fill(rng.choice(b.AI_PAINS if ai else b.ML_PAINS), dom, rng)
    data = fill(rng.choice(b.AI_DATA if ai else b.ML_DATA), dom, rng)
    cons = rng.sample(b.AI_CONSTRAINTS if ai else b.ML_CONSTRAINTS, k=2)
    aside = rng.choice(b.AI_ASIDES if ai else b.ML_ASIDES)
    neutral = rng.choice(b.NEUTRAL)
    when = rng.choice(b.AI_TIMELINES if ai else b.ML_TIMELINES)
    title = rng.choice(titles)
    style = rng.choice(["terse", "terse", "plain", "story", "bullets", "long", "question"])
    if style == "terse":
        frame = rng.choice(["We want to {g}.", "Looking for someone to {g}.", "Need to {g}."])
        desc = frame.format(g=goal)
    elif style == "plain":
        desc = f"{intro}. We want to {goal}. {data} {cons[0]}"
    elif style == "story":
        desc = f"{pain} {intro.split(',')[0]} and we'd like to {goal}. {aside} {cons[0]}"
    elif style == "bullets":
        desc = (
            f"{intro}.\n\nWhat we need:\n- {goal[0].upper()}{goal[1:]}\n- {cons[0]}\n"
            f"- {cons[1]}\n\nTimeline: {when}."
        )
    elif style == "question":
        desc = f"Can you help us {goal}? {data} {neutral}"
    else:
        desc = (
            f"{intro}. {pain}\n\n"
            f"The project: we want to {goal}. {data} {aside}\n\n"
            f"Constraints: {cons[0]} {cons[1]} We hope to see results {when}.\n\n"
            f"{neutral} {rng.choice(b.NEUTRAL)}"
        )
    if rng.random() < 0.15:
        title = f"{title} ({intro.split(' ')[-1]})"
    pool = goal_skills + (b.AI_SKILLS if ai else b.ML_SKILLS)
    skills = rng.sample(pool, k=rng.choice([0, 0, 1, 2, 3, 4]))
    if rng.random() < 0.4:
        skills.append(rng.choice(b.NEUTRAL_SKILLS))
    return title, desc, list(dict.fromkeys(skills))


def answers(codes: str) -> dict[str, bool]:
    """ "D0 W1" -> {"has_training_data": False, "needs_value_within_weeks": True}."""
    out: dict[str, bool] = {}
    for code in codes.split():
        if len(code) != 2 or code[0] not in CODES or code[1] not in "01":
            raise SystemExit(f"bad checklist code {code!r}")
        out[CODES[code[0]]] = code[1] == "1"
    return out


def hard_rows(name: str, briefs: list[HardBrief]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    per_kind: dict[str, int] = {}
    for kind, role, title, desc, expected, given in briefs:
        if kind not in KINDS or role not in ("ai", "ml"):
            raise SystemExit(f"{name}: bad kind or role in {title!r}")
        per_kind[kind] = per_kind.get(kind, 0) + 1
        rows.append(
            {
                "id": f"{name}-{kind}-{per_kind[kind]:02d}",
                "source": "handwritten",
                "kind": kind,
                "title": title,
                "description": desc,
                "required_skills": [],
                "checklist": answers(given),
                "expected_checklist": answers(expected),
                "role": "ai_engineer" if role == "ai" else "ml_engineer",
            }
        )
    return rows


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-role", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    rows: list[dict[str, object]] = []
    seen: set[str] = set()

    def add(
        role: str, source: str, title: str, desc: str, skills: list[str], checklist: dict
    ) -> bool:
        key = normalise(desc)
        if key in seen:
            return False
        seen.add(key)
        prefix = f"{'ai' if role == 'ai_engineer' else 'ml'}-{source[0]}"
        n = sum(1 for r in rows if r["role"] == role and r["source"] == source) + 1
        rows.append(
            {
                "id": f"{prefix}{n:03d}",
                "source": source,
                "title": title,
                "description": desc,
                "required_skills": skills,
                "checklist": checklist,
                "role": role,
            }
        )
        return True

    for role, briefs in (("ai_engineer", AI_BRIEFS), ("ml_engineer", ML_BRIEFS)):
        for title, desc, skills, checklist in briefs:
            if not add(role, "handwritten", title, desc, skills, checklist):
                raise SystemExit(f"duplicate hand-written brief: {title!r}")
        made, attempts = 0, 0
        while made < args.per_role and attempts < args.per_role * 20:
            attempts += 1
            title, desc, skills = compose(role, rng)
            made += add(role, "composed", title, desc, skills, sample_checklist(role, rng))

    rng.shuffle(rows)
    write_jsonl(args.out, rows)
    # A hard brief must not also be a training brief, nor sit in both hard sets.
    seen = {normalise(str(r["description"])) + "{}" for r in rows} | seen
    for name, hard_briefs in HARD_SETS:
        hard = hard_rows(name, hard_briefs)
        for row in hard:
            # "Decided only by the checklist" pairs share a brief and differ in the answers.
            key = normalise(str(row["description"])) + json.dumps(row["checklist"])
            if key in seen:
                raise SystemExit(f"{name} brief also elsewhere: {row['title']!r}")
            seen.add(key)
        write_jsonl(args.out.parent / f"{name}.jsonl", hard)
        print(f"wrote {len(hard)} {name} briefs to {args.out.parent / f'{name}.jsonl'}")
    counts = {
        f"{role}/{source}": sum(1 for x in rows if x["role"] == role and x["source"] == source)
        for role in TYPICAL
        for source in ("handwritten", "composed")
    }
    print(f"wrote {len(rows)} briefs to {args.out}: {counts}")


if __name__ == "__main__":
    main()
