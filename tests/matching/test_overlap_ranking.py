"""Working hours that overlap: the filter, the criterion, the words, the trade-off, bad input."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from marketplace.models import Project
from matching.models import MatchRun
from matching.services.runs import project_match
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

BRIEF = "A chat assistant that answers customers from our help-centre articles."


def _project(**extra: Any) -> Project:
    values: dict[str, Any] = {
        "description": BRIEF,
        "general_model_sufficient": True,
        "hourly_budget_max": Decimal("40"),
        "desired_start": timezone.localdate() + timedelta(days=7),
    }
    values.update(extra)
    return ProjectFactory(**values)


def _listed(project: Project) -> list[int]:
    run = project.match_runs.filter(outcome=MatchRun.Outcome.SUCCEEDED).latest("started_at")
    return list(run.matches.order_by("rank").values_list("specialist_id", flat=True))


def _roster() -> dict[str, Any]:
    # The same profile and terms in three places; only the working day differs.
    def person(zone: str, hours: str = "09:00-17:00") -> Any:
        return SpecialistFactory(
            timezone=zone,
            working_hours=hours,
            headline="RAG assistants over help-centre articles",
            skills=["RAG", "LLM"],
        )

    return {
        "new_york": person("America/New_York"),
        "london": person("Europe/London"),
        "manila": person("Asia/Manila"),
        "manila_late": person("Asia/Manila", "21:00-05:00"),
    }


def test_min_overlap_lists_nobody_below_it_and_explains_each_in_the_clients_time() -> None:
    people = _roster()
    project = _project(timezone="America/New_York", min_overlap_hours=Decimal("3"))

    project_match(project_id=project.pk)

    listed = set(_listed(project))
    assert people["manila"].pk not in listed  # Manila's day ends before New York's starts
    assert {people["new_york"].pk, people["manila_late"].pk} <= listed
    run = project.match_runs.latest("started_at")
    for match in run.matches.all():
        assert match.breakdown["timezone"] >= 0.75
        line = next(r for r in match.explanation if "your 09:00\u201317:00 New York day" in r)
        assert line.startswith("overlaps ")
        assert "your time)" in line
        assert "you asked for at least 3 h" in line


def test_without_the_filter_more_overlap_ranks_higher_all_else_equal() -> None:
    people = _roster()
    project = _project(timezone="America/New_York")

    project_match(project_id=project.pk)

    order = _listed(project)
    assert order.index(people["new_york"].pk) < order.index(people["london"].pk)
    assert order.index(people["london"].pk) < order.index(people["manila"].pk)
    manila = project.match_runs.latest("started_at").matches.get(specialist=people["manila"])
    assert manila.breakdown["timezone"] == 0.0
    assert any(r.startswith("no overlap with your") for r in manila.explanation)


def test_a_project_without_a_time_zone_keeps_todays_behaviour() -> None:
    _roster()
    project = _project()

    project_match(project_id=project.pk)

    run = project.match_runs.latest("started_at")
    assert run.matches.count() == 4
    assert all("timezone" not in m.breakdown for m in run.matches.all())
    assert not any("overlap" in r for m in run.matches.all() for r in m.explanation)


def test_trade_offs_offer_less_overlap_and_no_match_names_overlap() -> None:
    people = _roster()
    for person in (people["new_york"], people["london"], people["manila_late"]):
        person.delete()
    project = _project(timezone="America/New_York", min_overlap_hours=Decimal("2"))

    project_match(project_id=project.pk)

    project.refresh_from_db()
    assert _listed(project) == []
    assert "overlaps your working day by at least 2 h" in project.no_match_reason
    kinds = {offer["kind"] for offer in project.trade_offs}
    assert "overlap" in kinds


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"timezone": "Mars/Base"}, "timezone", "unknown time zone"),
        ({"timezone": "America/New_York", "working_hours": "25:00-26:00"}, "working_hours", "00"),
        (
            {"timezone": "America/New_York", "working_hours": "09:00-09:00"},
            "working_hours",
            "empty",
        ),
        ({"working_hours": "09:00-17:00"}, "working_hours", "timezone"),
        ({"timezone": "Europe/Berlin", "min_overlap_hours": 9}, "min_overlap_hours", ""),
        ({"min_overlap_hours": 2}, "min_overlap_hours", "timezone"),
    ],
)
def test_bad_working_day_input_is_a_400_naming_the_field(
    client_user: Any, body: dict[str, Any], field: str, words: str
) -> None:
    payload = {
        "title": "Assistant",
        "description": BRIEF,
        "hourly_budget_max": "30",
        "desired_start": (timezone.localdate() + timedelta(days=3)).isoformat(),
        **body,
    }

    response = token_client(client_user).post("/api/v1/projects/", payload, format="json")

    assert response.status_code == 400, response.content
    message = str(response.json())
    assert field in response.json().get("fields", response.json())
    assert words.lower() in message.lower()


def test_the_working_day_is_stored_and_shown(client_user: Any) -> None:
    payload = {
        "title": "Assistant",
        "description": BRIEF,
        "hourly_budget_max": "30",
        "desired_start": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "timezone": "Asia/Kathmandu",
        "min_overlap_hours": "2.5",
    }

    body = token_client(client_user).post("/api/v1/projects/", payload, format="json").json()

    assert body["timezone"] == "Asia/Kathmandu"
    assert body["working_hours"] == "09:00-17:00"
    assert body["min_overlap_hours"] == 2.5
