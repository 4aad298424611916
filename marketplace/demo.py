"""A deterministic demo roster and logins, so a fresh checkout has someone to match.

Local use only: the demo passwords are printed on purpose.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import client_create
from marketplace.models import Specialist
from marketplace.services.specialists import specialist_upsert

_FIRST = [
    "Ada",
    "Bilal",
    "Chen",
    "Dara",
    "Emeka",
    "Farah",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kavya",
    "Lior",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tara",
    "Uma",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
]
_LAST = [
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Kowalski",
    "Nakamura",
    "Silva",
    "Mensah",
    "Novak",
    "Reyes",
    "Schmidt",
    "Tanaka",
    "Ivanova",
    "Costa",
    "Dubois",
    "Ahmed",
    "Moreau",
]
_AI_SKILLS = [
    "LLM",
    "RAG",
    "LangChain",
    "LlamaIndex",
    "OpenAI API",
    "Anthropic API",
    "embeddings",
    "vector databases",
    "pgvector",
    "Pinecone",
    "prompt engineering",
    "LLM evaluation",
    "agents",
    "tool calling",
    "FastAPI",
    "Python",
    "TypeScript",
    "semantic search",
]
_ML_SKILLS = [
    "PyTorch",
    "TensorFlow",
    "scikit-learn",
    "XGBoost",
    "feature stores",
    "MLflow",
    "Kubeflow",
    "Airflow",
    "Spark",
    "Kafka",
    "model monitoring",
    "drift detection",
    "time series forecasting",
    "computer vision",
    "recommender systems",
    "SQL",
    "Python",
    "data pipelines",
    "model serving",
]
_AI_HEADLINES = [
    "Ships RAG assistants over private docs",
    "LLM apps, evaluation and guardrails",
    "Agents that call your internal tools",
    "Semantic search and summarisation",
]
_ML_HEADLINES = [
    "Fraud and risk models in production",
    "Recommendation engines tuned to catalogs",
    "Demand forecasting and MLOps",
    "Vision models for quality inspection",
]


def demo_roster(*, size: int = 300, seed: int = 7, today: date) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = []
    for index in range(size):
        tier = "ml_engineer" if rng.random() < 0.45 else "ai_engineer"
        pool, headlines = (
            (_ML_SKILLS, _ML_HEADLINES)
            if tier == "ml_engineer"
            else (
                _AI_SKILLS,
                _AI_HEADLINES,
            )
        )
        low, high = (24, 45) if tier == "ml_engineer" else (15, 32)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        rows.append(
            {
                "name": f"{first} {last}",
                "email": f"{first}.{last}.{index}@specialists.example".lower(),
                "headline": rng.choice(headlines),
                "tier": tier,
                "hourly_rate": Decimal(rng.randint(low, high)),
                "available_from": today
                + timedelta(days=rng.choice([0, 0, 3, 5, 7, 7, 10, 14, 21])),
                "hours_per_week": rng.choice([20, 30, 40, 40, 40]),
                "skills": rng.sample(pool, k=rng.randint(3, 6)),
                "timezone": rng.choice(
                    ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]
                ),
                "vetted": rng.random() < 0.9,
                "is_active": rng.random() < 0.95,
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
def demo_seed(*, roster_size: int = 300) -> DemoSeed:
    """Idempotently load the demo roster, a demo client and a demo staff login."""
    for row in demo_roster(size=roster_size, today=timezone.localdate()):
        specialist_upsert(data=row)
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
