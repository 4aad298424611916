"""Synthetic rosters for the scale benchmarks (realistic bios, seeded) and their database.

Every profile is built from the hand-written demo roster: its headline, skills
and time zone come from one demo profile of the tier, and its bio from that
profile's sentences shuffled with a few sentences of two others of the same
tier, with the figures in it redrawn. So bios read like the demo's (the
vocabulary, the phrasing, the length: 400 to 1,500 characters) while nearly
every one is distinct, which is what the import has to compute features for.
"""

from __future__ import annotations

import csv
import os
import random
import re
import resource
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from marketplace.roster_import import REQUIRED_COLUMNS

ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Warsaw",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Manila",
    "Australia/Sydney",
)
HOURS = ("09:00-17:00", "08:00-16:00", "12:00-20:00", "14:00-22:00", "22:00-06:00")
# The import's required columns, then the optional ones a roster file carries (no phone).
CSV_COLUMNS = (*REQUIRED_COLUMNS, "headline", "hours_per_week", "timezone", "working_hours", "bio")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_NUMBER = re.compile(r"\b\d{2,}\b")


@cache
def _pool() -> dict[str, list[dict[str, Any]]]:
    from marketplace.demo import demo_profiles

    by_tier: dict[str, list[dict[str, Any]]] = {}
    for profile in demo_profiles():
        entry = dict(profile, sentences=_SENTENCE.split(profile["bio"].strip()))
        by_tier.setdefault(profile["tier"], []).append(entry)
    return by_tier


def _bio(rng: random.Random, base: dict[str, Any], others: list[dict[str, Any]]) -> str:
    sentences = list(base["sentences"])
    for other in rng.sample(others, 2):
        sentences += rng.sample(other["sentences"], min(len(other["sentences"]), 2))
    head, rest = sentences[0], sentences[1:]
    rng.shuffle(rest)
    text = " ".join([head, *rest])
    return _NUMBER.sub(lambda m: str(rng.randint(10, 10 ** len(m.group()) - 1)), text)


def profile(rng: random.Random, n: int) -> dict[str, Any]:
    """Specialist number ``n``: an import row's values (typed), from a seeded generator."""
    pool = _pool()
    tier = "ai_engineer" if rng.random() < 0.5 else "ml_engineer"
    base = rng.choice(pool[tier])
    low = 15 if tier == "ai_engineer" else 25
    zone = base["timezone"] if rng.random() < 0.5 else rng.choice(ZONES)
    return {
        "name": f"{base['name']} {n}",
        "email": f"bench{n}@example.com",
        "tier": tier,
        "hourly_rate": Decimal(rng.randint(low * 100, (low + 25) * 100)) / 100,
        "available_from": date(2026, 1, 1) + timedelta(days=rng.randint(0, 400)),
        "skills": list(base["skills"]),
        "vetted": rng.random() < 0.9,
        "is_active": rng.random() < 0.95,
        "headline": base["headline"],
        "hours_per_week": rng.choice((20, 30, 40, 40, 40)),
        "timezone": zone,
        "working_hours": rng.choice(HOURS),
        "bio": _bio(rng, base, pool[tier]),
    }


def profiles(count: int, *, seed: int, start: int = 0) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for n in range(start, start + count):
        yield profile(rng, n)


def write_csv(path: Path, *, count: int, seed: int, bad_rows: int = 2) -> Path:
    """A roster CSV of ``count`` rows (plus ``bad_rows`` that the import must reject)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for values in profiles(count, seed=seed):
            row = dict(values, skills=";".join(values["skills"]))
            row["vetted"] = "true" if values["vetted"] else "false"
            row["is_active"] = "true" if values["is_active"] else "false"
            writer.writerow([row[c] for c in CSV_COLUMNS])
        for n in range(bad_rows):
            writer.writerow(
                [
                    f"Broken {n}",
                    f"broken{n}@example.com",
                    "data_scientist",
                    "30",
                    "2026-01-01",
                    "Python",
                    "true",
                    "true",
                    "",
                    "40",
                    "UTC",
                    "09:00-17:00",
                    "",
                ]
            )
    return path


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes (not the server's)."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def setup_django(server: str, database: str, *, recreate: bool) -> None:
    """Point Django at a benchmark database of its own (dropped and made anew) and migrate."""
    import psycopg

    if recreate:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
            conn.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = f"{server}/{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")
    os.environ.setdefault("MARKETPLACE_VAR_DIR", "/tmp/var-bench")
    # Benchmarks measure the work, not the statement timeout meant for web requests.
    os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", "600000")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
