"""The staff roster API: create, read, change; changes that matter re-rank open projects."""

from datetime import date, timedelta
from typing import Any

import pytest

from marketplace.models import Specialist
from matching.models import MatchRun
from matching.services.runs import project_match
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

NEW = {
    "name": "Ada Okafor",
    "email": "Ada@Example.com",
    "tier": "ml_engineer",
    "hourly_rate": "34.50",
    "available_from": "2030-01-01",
    "skills": ["PyTorch", "MLOps"],
    "vetted": True,
}


def test_staff_create_a_specialist(staff_api: Any) -> None:
    response = staff_api.post("/api/v1/specialists/", NEW)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["email"] == "ada@example.com"
    assert body["committed_hours"] == 0
    assert Specialist.objects.get(pk=body["id"]).tier == "ml_engineer"
    detail = staff_api.get(f"/api/v1/specialists/{body['id']}/").json()
    assert detail == body


def test_a_duplicate_email_is_400_naming_email(staff_api: Any) -> None:
    SpecialistFactory(email="ada@example.com")
    response = staff_api.post("/api/v1/specialists/", NEW)
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"email"}
    assert Specialist.objects.count() == 1


def test_an_email_with_more_than_64_characters_before_the_at_is_400(staff_api: Any) -> None:
    # Django's validator lets it through; it is no address (RFC 5321), and the
    # document's `format: email` says so.
    response = staff_api.post("/api/v1/specialists/", {**NEW, "email": f"{'a' * 65}@example.com"})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"email"}
    assert (
        staff_api.post(
            "/api/v1/specialists/", {**NEW, "email": f"{'a' * 64}@example.com"}
        ).status_code
        == 201
    )


def test_patch_changes_only_what_is_sent(staff_api: Any) -> None:
    specialist = SpecialistFactory(name="Before", hourly_rate="20.00")
    response = staff_api.patch(f"/api/v1/specialists/{specialist.pk}/", {"name": "After"})
    assert response.status_code == 200
    specialist.refresh_from_db()
    assert (specialist.name, specialist.hourly_rate) == ("After", 20)


def test_patch_to_an_email_in_use_is_400(staff_api: Any) -> None:
    SpecialistFactory(email="taken@example.com")
    specialist = SpecialistFactory()
    response = staff_api.patch(
        f"/api/v1/specialists/{specialist.pk}/", {"email": "TAKEN@example.com"}
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"email"}


@pytest.mark.parametrize(
    ("change", "reranks"),
    [
        ({"hourly_rate": "19.00"}, True),
        ({"available_from": (date.today() + timedelta(days=3)).isoformat()}, True),
        ({"tier": "ml_engineer"}, True),
        ({"vetted": False}, True),
        ({"is_active": False}, True),
        ({"hours_per_week": 10}, True),
        # Headline, bio and skills are what fit to the brief reads.
        ({"headline": "Now with a headline"}, True),
        ({"bio": "Built dispute-risk scoring for a marketplace."}, True),
        ({"phone": "+44 20 7946 0000"}, False),
        ({"name": "Renamed"}, False),
    ],
)
def test_a_change_that_matching_reads_re_ranks_open_projects(
    staff_api: Any, django_capture_on_commit_callbacks: Any, change: dict[str, Any], reranks: bool
) -> None:
    # given an open project whose list holds an AI specialist
    specialist = SpecialistFactory(tier="ai_engineer", hourly_rate="25.00")
    project = ProjectFactory(
        general_model_sufficient=True,
        description="A chat assistant over our help-centre articles using a hosted LLM API.",
    )
    project_match(project_id=project.pk)
    assert project.matches.filter(specialist=specialist).exists()

    # when staff change the specialist
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_api.patch(f"/api/v1/specialists/{specialist.pk}/", change)

    # then the project is ranked again only if matching reads what changed
    assert response.status_code == 200
    runs = MatchRun.objects.filter(project=project, trigger=MatchRun.Trigger.ROSTER_CHANGE)
    assert runs.exists() is reranks


def test_roster_list_filters(staff_api: Any) -> None:
    ai = SpecialistFactory(tier="ai_engineer", vetted=True)
    SpecialistFactory(tier="ml_engineer", vetted=True)
    SpecialistFactory(tier="ai_engineer", vetted=False)
    response = staff_api.get("/api/v1/specialists/?tier=ai_engineer&vetted=true")
    assert [row["id"] for row in response.json()["results"]] == [ai.pk]
