"""Locust users for benchmarks/load.py: clients submitting briefs and reading matches.

Each user is a client with its own token (read from LOAD_TOKENS_FILE), so the
per-caller throttle measures one person's pace, not the whole crowd's.
"""

import itertools
import json
import os
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

_TOKENS: list[str] = json.loads(Path(os.environ["LOAD_TOKENS_FILE"]).read_text())
_NEXT_TOKEN = itertools.cycle(_TOKENS)

BRIEFS = [
    (
        "Support assistant",
        "A chat assistant that drafts answers from our help-centre articles with an "
        "LLM API and retrieval over our docs.",
        {"general_model_sufficient": True, "needs_value_within_weeks": True},
    ),
    (
        "Demand forecasting",
        "Train, evaluate and serve a demand forecasting model on five years of sales "
        "data, with drift monitoring and monthly retraining.",
        {"model_is_moat": True, "has_training_data": True, "needs_continuous_retraining": True},
    ),
    (
        "Contract search",
        "Semantic search over our contracts using embeddings and a vector database, "
        "with an agent that answers questions about clauses.",
        {"general_model_sufficient": True},
    ),
    (
        "Fraud scoring",
        "Build the fraud detection model: feature pipelines, training on labelled "
        "transactions, real-time serving and retraining as patterns drift.",
        {"has_training_data": True, "needs_continuous_retraining": True},
    ),
]


class Client(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Token {next(_NEXT_TOKEN)}"
        self.project_ids: list[int] = []

    @task(2)
    def submit_project(self) -> None:
        title, description, checklist = random.choice(BRIEFS)
        body: dict[str, Any] = {
            "title": title,
            "description": description,
            "hourly_budget_max": str(random.choice([20, 30, 40, 60])),
            "desired_start": (date.today() + timedelta(days=random.randint(3, 30))).isoformat(),
            "hours_per_week": random.choice([20, 30, 40]),
            "checklist": checklist,
        }
        with self.client.post(
            "/api/v1/projects/", json=body, name="POST /projects/", catch_response=True
        ) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            self.project_ids.append(response.json()["id"])

    @task(3)
    def read_project(self) -> None:
        if self.project_ids:
            project_id = random.choice(self.project_ids)
            self.client.get(f"/api/v1/projects/{project_id}/", name="GET /projects/{id}/")

    @task(3)
    def read_matches(self) -> None:
        if self.project_ids:
            project_id = random.choice(self.project_ids)
            self.client.get(
                f"/api/v1/projects/{project_id}/matches/", name="GET /projects/{id}/matches/"
            )

    @task(1)
    def list_projects(self) -> None:
        self.client.get("/api/v1/projects/", name="GET /projects/")
