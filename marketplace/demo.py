"""A deterministic demo roster and logins, so a fresh checkout has someone to match.

Local use only: the demo passwords are printed on purpose.
"""

import json
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import client_create
from marketplace.models import Specialist
from marketplace.services.specialists import specialist_upsert
from matching.relevance.embedding import EMBEDDING_VERSION
from matching.services.embeddings import specialists_embed_enqueue

DEMO_ROSTER_PATH = Path(__file__).with_name("demo_roster.jsonl")


def demo_profiles() -> list[dict[str, Any]]:
    """The hand-written demo profiles: name, tier, headline, bio, skills, zone, hours."""
    with DEMO_ROSTER_PATH.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def demo_roster(*, size: int | None = None, seed: int = 7, today: date) -> list[dict[str, Any]]:
    """The demo roster: hand-written profiles with seeded rates, dates and vetting.

    Every person is unique (names, bios, real time zones and working hours); only
    the commercial terms are drawn, so that the list shows trade-offs too.
    """
    rng = random.Random(seed)
    profiles = demo_profiles()
    rows = []
    for index, profile in enumerate(profiles[: size or len(profiles)]):
        tier = profile["tier"]
        low, high = (24, 45) if tier == "ml_engineer" else (15, 32)
        slug = re.sub(
            r"[^a-z0-9]+",
            ".",
            unicodedata.normalize("NFKD", profile["name"])
            .encode("ascii", "ignore")
            .decode()
            .lower(),
        ).strip(".")
        rows.append(
            {
                "name": profile["name"],
                "email": f"{slug}.{index}@specialists.example",
                "headline": profile["headline"],
                "bio": profile["bio"],
                "tier": tier,
                "hourly_rate": Decimal(rng.randint(low, high)),
                "available_from": today
                + timedelta(days=rng.choice([0, 0, 3, 5, 7, 7, 10, 14, 21])),
                "hours_per_week": rng.choice([20, 30, 40, 40, 40]),
                "skills": profile["skills"],
                "timezone": profile["timezone"],
                "working_hours": profile["working_hours"],
                # Nearly everyone vetted and active: the demo is about the ranking.
                "vetted": rng.random() < 0.95,
                "is_active": True,
            }
        )
    return rows


@dataclass(frozen=True)
class DemoSeed:
    specialists: int
    client_token: str
    staff_password: str


DEMO_STAFF_PASSWORD = "staff-demo-password"


@transaction.atomic
def demo_seed(*, roster_size: int | None = None) -> DemoSeed:
    """Idempotently load the demo roster, a demo client and a demo staff login."""
    written = [
        specialist_upsert(data=row, queue_embedding=False)[0]
        for row in demo_roster(size=roster_size, today=timezone.localdate())
    ]
    # The profiles without a current vector, in one queued task rather than one
    # per specialist queued ahead of the first project a visitor submits.
    specialists_embed_enqueue(
        specialist_ids=[s.pk for s in written if s.embedding_version != EMBEDDING_VERSION]
    )
    account = client_create(username="demo", organization_name="Demo Co", password="demo-password")
    staff = User.objects.filter(username="staff").first()
    if staff is None:
        staff = User(username="staff", role=User.Role.STAFF, is_staff=True, is_superuser=True)
        staff.set_password(DEMO_STAFF_PASSWORD)
        staff.save()
    return DemoSeed(
        specialists=Specialist.objects.count(),
        client_token=account.token,
        staff_password=DEMO_STAFF_PASSWORD,
    )
