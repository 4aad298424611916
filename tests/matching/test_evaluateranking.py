"""``manage.py evaluateranking`` on judged sets written as another team might write them."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from matching.relevance.evaluation import JudgedSet, ndcg


def _write(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def loose_set(tmp_path: Path) -> Path:
    """Numeric ids, skills as one string, null text, tiers spelt loosely or not at all."""
    _write(
        tmp_path,
        "briefs.jsonl",
        [
            {
                "id": 1,
                "title": "Chargebacks are eating our margin",
                "description": "Score every card payment in real time; 3 years of disputes.",
                "required_skills": None,
            },
            {
                "id": 2,
                "title": "A chat widget that answers from our help-centre articles",
                "description": None,
                "required_skills": "RAG, embeddings",
            },
        ],
    )
    _write(
        tmp_path,
        "profiles.jsonl",
        [
            {
                "id": 10,
                "tier": "ML engineer",
                "headline": "Dispute-risk scoring for marketplaces",
                "bio": "Built real-time chargeback models for a card acquirer.",
                "skills": "XGBoost; Kafka",
            },
            {
                "id": 11,
                "tier": "ai",
                "headline": "Help-centre assistants",
                "bio": "Built retrieval over support articles for a SaaS help centre.",
                "skills": ["RAG", "pgvector"],
            },
            {"id": 12, "headline": "Forecasting", "bio": None, "skills": None},
        ],
    )
    _write(
        tmp_path,
        "judgments.jsonl",
        [
            {"brief": 1, "profile": 10, "grade": "3"},
            {"brief": 2, "profile": 11, "grade": 3.0},
        ],
    )
    return tmp_path


def test_a_loosely_written_set_is_read_in_the_one_form_the_rankers_use(loose_set: Path) -> None:
    judged = JudgedSet.load(loose_set)

    assert [p["tier"] for p in judged.profiles] == ["ml_engineer", "ai_engineer", ""]
    assert judged.profiles[0]["skills"] == ["XGBoost", "Kafka"]
    assert judged.profiles[2]["bio"] == ""
    assert judged.briefs[1]["required_skills"] == ["RAG", "embeddings"]
    assert judged.grades == {"1": {"10": 3}, "2": {"11": 3}}


def test_the_command_ranks_a_loose_set_and_says_what_it_assumed(loose_set: Path) -> None:
    out = io.StringIO()
    call_command("evaluateranking", "--set", str(loose_set), "--per-brief", stdout=out)
    text = out.getvalue()

    assert "1 profile(s) without a tier" in text
    new_order = next(line for line in text.splitlines() if line.startswith("new order"))
    # Each brief's one judged profile fits it plainly: both come first.
    assert new_order.split()[-2:] == ["1.000", "1.000"]


def test_a_folder_without_judgments_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not a judged set"):
        call_command("evaluateranking", "--set", str(tmp_path))


def test_ndcg_is_one_for_the_ideal_order_and_zero_when_nothing_judged_is_listed() -> None:
    grades = {"a": 3, "b": 1}
    assert ndcg(["a", "b", "c"], grades, 5) == 1.0
    assert ndcg(["c", "d"], grades, 5) == 0.0
