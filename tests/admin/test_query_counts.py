"""The admin's pages cost the same number of queries with 2 rows as with 20."""

from collections.abc import Callable
from typing import Any
from uuid import uuid4

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.services import partner_key_create
from marketplace.models import Project, Role, Specialist
from matching.models import Decision, Match, MatchRun
from tests.accounts.factories import UserFactory
from tests.admin.conftest import latest_matches
from tests.marketplace.factories import ProjectFactory, SpecialistFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    # Every user password and partner key is hashed; the slow hasher would be most of the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _specialists(count: int) -> list[Any]:
    return [SpecialistFactory(tier=Role.AI_ENGINEER, hourly_rate=20) for _ in range(count)]


def _ranked_project(title: str, specialists: list[Any]) -> Any:
    """A matched project with a succeeded run ranking these specialists (no classifier run)."""
    project = ProjectFactory(
        title=title,
        status=Project.Status.MATCHED,
        role_need=Role.AI_ENGINEER,
        role_confidence=0.5,
        role_rationale=["Mentions a help-centre assistant."],
        matched_at=timezone.now(),
    )
    run = MatchRun.objects.create(
        project=project, algorithm_version="test", outcome=MatchRun.Outcome.SUCCEEDED
    )
    # As project_match does in the transaction that writes the run.
    Project.objects.filter(pk=project.pk).update(latest_run=run)
    Match.objects.bulk_create(
        Match(
            run=run,
            project=project,
            specialist=specialist,
            rank=rank,
            score=0.9,
            breakdown={"tier": 1.0, "budget": 0.8, "start": 0.7, "skills": 0.5},
            explanation=["Fits the budget."],
        )
        for rank, specialist in enumerate(specialists, start=1)
    )
    return project


def _projects(count: int, staff_user: Any) -> list[Any]:
    """Matched projects ranking every AI engineer, each with a reviewed match, a decision,
    a webhook delivery, a client token and a partner key."""
    specialists = list(Specialist.objects.filter(tier=Role.AI_ENGINEER).order_by("pk"))
    projects = []
    for n in range(count):
        project = _ranked_project(f"Project {n} {uuid4().hex[:6]}", specialists)
        first = latest_matches(project)[0]
        Match.objects.filter(pk=first.pk).update(
            review_status=Match.ReviewStatus.APPROVED, reviewed_by=staff_user
        )
        Decision.objects.create(
            actor=staff_user,
            actor_label=str(staff_user),
            action=Decision.Action.APPROVE,
            project=project,
            specialist=first.specialist,
            match=first,
        )
        endpoint = WebhookEndpoint.objects.create(
            organization=project.organization, url=f"https://example.com/{n}", secret="whsec_x"
        )
        WebhookDelivery.objects.create(endpoint=endpoint, event="project.matched", payload={})
        user = UserFactory(organization=project.organization)
        Token.objects.create(user=user)
        partner_key_create(partner_name=f"Partner {project.pk}")
        projects.append(project)
    return projects


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


CHANGELISTS = [
    "admin:index",
    "admin:marketplace_project_changelist",
    "admin:marketplace_specialist_changelist",
    "admin:matching_match_changelist",
    "admin:matching_matchrun_changelist",
    "admin:matching_decision_changelist",
    "admin:webhooks_webhookdelivery_changelist",
    "admin:webhooks_webhookendpoint_changelist",
    "admin:accounts_organization_changelist",
    "admin:accounts_user_changelist",
    "admin:accounts_partnerapikey_changelist",
    "admin:authtoken_tokenproxy_changelist",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(
    staff_client: Any, staff_user: Any, name: str, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    # given a few rows, measured
    _specialists(3)
    _projects(2, staff_user)
    url = reverse(name)
    few = _count(staff_client, url)

    # when there are ten times as many
    _specialists(20)
    _projects(20, staff_user)

    # then the page costs no more
    with django_assert_max_num_queries(few):
        staff_client.get(url)


@pytest.mark.parametrize("query", ["needs_review=yes", "confidence=low", "stuck=yes", "q=Project"])
def test_filtered_project_list_queries_do_not_grow(
    staff_client: Any, staff_user: Any, query: str, django_assert_max_num_queries: Any
) -> None:
    _specialists(3)
    _projects(2, staff_user)
    url = reverse("admin:marketplace_project_changelist") + "?" + query
    few = _count(staff_client, url)
    _projects(15, staff_user)

    with django_assert_max_num_queries(few):
        staff_client.get(url)


def test_project_page_queries_do_not_grow_with_matches_and_decisions(
    staff_client: Any, staff_user: Any, django_assert_max_num_queries: Any
) -> None:
    # given a project with two matches and one decision
    _specialists(2)
    small = _projects(1, staff_user)[0]
    few = _count(staff_client, reverse("admin:marketplace_project_change", args=[small.pk]))

    # when another project has twenty matches, all reviewed, and many decisions
    big = _ranked_project("Big", _specialists(20))
    for match in latest_matches(big):
        Match.objects.filter(pk=match.pk).update(
            review_status=Match.ReviewStatus.REJECTED, reviewed_by=staff_user, review_reason="x"
        )
        Decision.objects.create(
            actor=staff_user,
            actor_label="staff",
            action=Decision.Action.REJECT,
            project=big,
            specialist=match.specialist,
            match=match,
        )
    assert len(latest_matches(big)) == 20

    # then its page costs no more
    with django_assert_max_num_queries(few):
        staff_client.get(reverse("admin:marketplace_project_change", args=[big.pk]))


def test_specialist_page_queries_do_not_grow_with_matches(
    staff_client: Any, staff_user: Any, django_assert_max_num_queries: Any
) -> None:
    # given a specialist in one project's ranking
    (specialist,) = _specialists(1)
    _projects(1, staff_user)
    url = reverse("admin:marketplace_specialist_change", args=[specialist.pk])
    few = _count(staff_client, url)

    # when they are in fifteen more projects' rankings, with decisions
    _projects(15, staff_user)
    assert Match.objects.filter(specialist=specialist).count() == 16

    # then their page costs no more
    with django_assert_max_num_queries(few):
        staff_client.get(url)
