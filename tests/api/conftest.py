"""Callers of the API: two client organizations, a partner, staff; and a fake DNS."""

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import Organization
from accounts.services import partner_key_create
from matching.models import Match, MatchRun
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory
from tests.matching.factories import MatchFactory, MatchRunFactory

PUBLIC_IP = "93.184.215.14"


@dataclass
class Caller:
    api: APIClient
    organization: Organization
    label: str


def client_caller(organization: Organization | None = None) -> Caller:
    organization = organization or OrganizationFactory()
    user = UserFactory(organization=organization)
    return Caller(api=token_client(user), organization=organization, label="client")


def partner_caller(name: str | None = None) -> Caller:
    partner = partner_key_create(partner_name=name or f"Partner {Organization.objects.count()}")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {partner.key}")
    return Caller(api=api, organization=partner.api_key.organization, label="partner")


@pytest.fixture
def alice() -> Caller:
    """A client member of one organization."""
    return client_caller()


@pytest.fixture
def partner() -> Caller:
    """A partner acting as its own organization with an API key."""
    return partner_caller()


@pytest.fixture(params=["client", "partner"])
def caller(request: Any) -> Caller:
    """Each test runs once for a client token and once for a partner key."""
    return client_caller() if request.param == "client" else partner_caller()


def matched_project(organization: Organization, *, matches: int = 3, **project: Any) -> Any:
    """A project whose latest run succeeded with ``matches`` ranked specialists."""
    project_obj = ProjectFactory(organization=organization, status="matched", **project)
    run = MatchRunFactory(project=project_obj, outcome=MatchRun.Outcome.SUCCEEDED)
    for rank in range(1, matches + 1):
        MatchFactory(run=run, project=project_obj, rank=rank, score=1 / rank)
    return project_obj


def first_match(project: Any) -> Match:
    return Match.objects.filter(project=project).order_by("rank").first()  # type: ignore[return-value]


class FakeDNS:
    """Answers for host names; a name not listed does not resolve."""

    def __init__(self) -> None:
        self.answers: dict[str, list[str]] = {}
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[Any]:
        self.lookups.append(host)
        if host not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(a) for a in self.answers[host]]


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: Any) -> FakeDNS:
    """No test depends on real DNS: public example names resolve to a public address."""
    dns = FakeDNS()
    for name in ("hooks.example.com", "partner.example.com", "example.com"):
        dns.answers[name] = [PUBLIC_IP]
    monkeypatch.setattr("webhooks.url_guard.resolve", dns)
    return dns


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Users are made by the dozen here; PBKDF2 would spend most of the run on them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _eager_celery_really(settings: Any) -> None:
    """Make sure tasks run in-process here.

    The root conftest sets ``app.conf.task_always_eager``, but with the
    ``CELERY`` namespace Celery reads ``CELERY_TASK_ALWAYS_EAGER`` from Django
    settings first, so that assignment is shadowed; the setting itself works.
    """
    settings.CELERY_TASK_ALWAYS_EAGER = True
