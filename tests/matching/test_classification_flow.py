"""A client's brief through the API: classified, doubtful briefs ask, answers settle them."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from matching.models import MatchRun
from tests.conftest import token_client
from tests.marketplace.factories import SpecialistFactory

pytestmark = pytest.mark.django_db


def _submit(api: Any, capture: Any, **fields: Any) -> dict[str, Any]:
    body = {
        "title": "Help with our product",
        "description": "We would like some help improving how our product works for users.",
        "hourly_budget_max": "40",
        "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
        **fields,
    }
    with capture(execute=True):
        response = api.post("/api/v1/projects/", body, format="json")
    assert response.status_code == 201, response.content
    return api.get(f"/api/v1/projects/{response.json()['id']}/").json()


def test_a_vague_brief_asks_the_checklist_questions_and_answers_settle_it(
    client_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a vague brief with no checklist answers
    api = token_client(client_user)
    SpecialistFactory(tier="ml_engineer", hourly_rate="35.00")
    project = _submit(api, django_capture_on_commit_callbacks)

    # then the service is honest about its doubt and asks the deciding questions
    assert project["status"] == "matched"
    assert project["role_confidence"] < 0.7
    asked = {question["key"] for question in project["clarifying_questions"]}
    assert {"model_is_moat", "general_model_sufficient"} <= asked
    assert all(question["question"] for question in project["clarifying_questions"])

    # when the client answers them with a PATCH of the checklist
    with django_capture_on_commit_callbacks(execute=True):
        response = api.patch(
            f"/api/v1/projects/{project['id']}/",
            {
                "checklist": {
                    "model_is_moat": True,
                    "has_training_data": True,
                    "needs_continuous_retraining": True,
                    "general_model_sufficient": False,
                }
            },
            format="json",
        )
    assert response.status_code == 200, response.content

    # then the project is classified and ranked again, confidently, for training work
    settled = api.get(f"/api/v1/projects/{project['id']}/").json()
    assert settled["status"] == "matched"
    assert settled["role_need"] == "ml_engineer"
    assert settled["role_confidence"] > 0.9
    assert settled["clarifying_questions"] == []
    assert any("edge" in reason or "moat" in reason for reason in settled["role_rationale"])
    assert MatchRun.objects.filter(project_id=project["id"]).count() == 2


def test_the_checklist_outweighs_misleading_words_in_the_brief(
    client_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a brief full of LLM words whose checklist says the model is the moat
    api = token_client(client_user)
    project = _submit(
        api,
        django_capture_on_commit_callbacks,
        description=(
            "We tried ChatGPT and an LLM prompt for scoring loan applications, but our edge "
            "is ten years of repayment history that no general model has seen."
        ),
        checklist={"model_is_moat": True, "has_training_data": True},
    )

    # then the need is an ML engineer
    assert project["role_need"] == "ml_engineer"


def test_a_client_sees_no_specialist_email_or_phone(
    client_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a matched project
    api = token_client(client_user)
    SpecialistFactory(tier="ai_engineer", phone="+1 555 0100")
    project = _submit(
        api,
        django_capture_on_commit_callbacks,
        description="A chat assistant answering from our help-centre articles via an LLM API.",
        checklist={"general_model_sufficient": True},
    )

    # when the client reads the matches
    rows = api.get(f"/api/v1/projects/{project['id']}/matches/").json()["results"]

    # then the specialist carries no contact details
    assert rows
    for row in rows:
        assert "email" not in row["specialist"]
        assert "phone" not in row["specialist"]
        assert "@" not in str(row)


def test_the_project_shows_the_checklist_read_from_its_brief(
    client_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a brief that states its data and its deadline but answers no checklist question
    api = token_client(client_user)
    project = _submit(
        api,
        django_capture_on_commit_callbacks,
        title="Urgent tickets first",
        description=(
            "Predict which support tickets are urgent. We have last year's tickets but nobody "
            "ever tagged urgency, and it has to be working in three weeks."
        ),
    )

    # then the project carries each inferred answer with its quote, in the list too
    inferred = project["inferred_checklist"]
    assert set(inferred) == {
        "general_model_sufficient",
        "model_is_moat",
        "has_training_data",
        "needs_continuous_retraining",
        "needs_value_within_weeks",
    }
    assert inferred["has_training_data"]["answer"] is False
    assert inferred["has_training_data"]["quote"] == "nobody ever tagged urgency"
    assert 0 < inferred["has_training_data"]["confidence"] <= 1
    assert inferred["model_is_moat"] == {"answer": None, "confidence": 0.0, "quote": ""}
    asked = {q["key"] for q in project["clarifying_questions"]}
    assert not asked & {"has_training_data", "needs_value_within_weeks"}
    listed = api.get("/api/v1/projects/").json()["results"]
    assert listed[0]["inferred_checklist"] == inferred
