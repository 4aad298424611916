from typing import Any

import pytest
from django.test import Client

from marketplace.models import Project, Role
from matching.models import Match
from matching.services.runs import project_match
from tests.marketplace.factories import ProjectFactory, SpecialistFactory


@pytest.fixture
def staff_client(staff_user: Any) -> Client:
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def roster() -> dict[str, list[Any]]:
    """Three vetted specialists of each tier, cheapest first."""
    return {
        Role.AI_ENGINEER: [
            SpecialistFactory(tier=Role.AI_ENGINEER, name=f"AI Person {n}", hourly_rate=20 + n)
            for n in range(3)
        ],
        Role.ML_ENGINEER: [
            SpecialistFactory(tier=Role.ML_ENGINEER, name=f"ML Person {n}", hourly_rate=30 + n)
            for n in range(3)
        ],
    }


def matched_project(**fields: Any) -> Project:
    """A project that went through a real classification and ranking run."""
    project = ProjectFactory(**fields)
    project_match(project_id=project.pk)
    project.refresh_from_db()
    return project


@pytest.fixture
def project(roster: Any, organization: Any) -> Project:
    return matched_project(organization=organization, title="Help-centre assistant")


def latest_matches(project: Project) -> list[Match]:
    run = project.match_runs.filter(outcome="succeeded").order_by("-started_at", "-id").first()
    assert run is not None
    return list(run.matches.select_related("specialist").order_by("rank"))
