"""Throttling per caller (429 with Retry-After) and partner API keys."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.models import PartnerAPIKey
from accounts.services import partner_key_create, partner_key_revoke
from accounts.throttling import CallerRateThrottle
from marketplace.models import Project
from tests.api.conftest import Caller, client_caller
from tests.api.test_bad_input import valid_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(monkeypatch: Any) -> None:
    # DRF reads the rates into a class attribute at import; patch where it reads them.
    rates = {"caller": "3/min", "anon": "2/min"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    assert CallerRateThrottle.THROTTLE_RATES is rates


def key_client(key: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return api


def test_caller_over_the_rate_gets_429_with_retry_after(
    caller: Caller, three_a_minute: None
) -> None:
    # given a budget of three requests a minute
    answers = [caller.api.get("/api/v1/projects/") for _ in range(4)]

    # then the fourth is refused with a Retry-After in seconds
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60


def test_one_callers_budget_does_not_spend_anothers(caller: Caller, three_a_minute: None) -> None:
    for _ in range(3):
        caller.api.get("/api/v1/projects/")
    other = client_caller()
    assert other.api.get("/api/v1/projects/").status_code == 200
    assert caller.api.get("/api/v1/projects/").status_code == 429


def test_a_partners_keys_share_one_budget(three_a_minute: None) -> None:
    # given a partner with two keys
    first = partner_key_create(partner_name="Keys Inc", key_name="one")
    second = partner_key_create(partner_name="Keys Inc", key_name="two")

    # when both keys are used
    answers = [key_client(first.key).get("/api/v1/projects/") for _ in range(2)]
    answers += [key_client(second.key).get("/api/v1/projects/") for _ in range(2)]

    # then minting a second key bought no extra requests
    assert [r.status_code for r in answers] == [200, 200, 200, 429]


def test_anonymous_callers_are_throttled_by_address(three_a_minute: None) -> None:
    api = APIClient()
    answers = [
        api.post("/api/v1/auth/token/", {"username": "x", "password": "y"}) for _ in range(3)
    ]
    assert [r.status_code for r in answers] == [400, 400, 429]
    assert "Retry-After" in answers[-1]


def test_partner_key_is_stored_hashed_with_its_prefix_shown() -> None:
    # when a key is minted
    partner = partner_key_create(partner_name="Hash Co")

    # then only its prefix is kept in clear and the hash is not the key
    stored = PartnerAPIKey.objects.get(pk=partner.api_key.pk)
    assert partner.key.startswith(stored.prefix + ".")
    assert partner.key not in stored.hashed_key
    assert stored.hashed_key != partner.key
    assert stored.is_valid(partner.key)
    assert not stored.is_valid(partner.key + "x")


def test_partner_key_authenticates_as_its_own_organization() -> None:
    # given a partner key
    partner = partner_key_create(partner_name="Acting Co")

    # when it submits a project
    response = key_client(partner.key).post("/api/v1/projects/", valid_project(), format="json")

    # then the project belongs to the partner's organization and records the key
    assert response.status_code == 201
    project = Project.objects.get(pk=response.json()["id"])
    assert project.organization == partner.api_key.organization
    assert project.submitted_via_key == partner.api_key
    assert project.submitted_by is None


def test_revoked_partner_key_is_401() -> None:
    partner = partner_key_create(partner_name="Revoked Co")
    api = key_client(partner.key)
    assert api.get("/api/v1/projects/").status_code == 200
    partner_key_revoke(api_key=partner.api_key)
    response = api.get("/api/v1/projects/")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_expired_partner_key_is_401_and_a_future_expiry_is_fine() -> None:
    partner = partner_key_create(partner_name="Expiry Co")
    partner.api_key.expiry_date = timezone.now() + timedelta(days=1)
    partner.api_key.save()
    assert key_client(partner.key).get("/api/v1/projects/").status_code == 200
    partner.api_key.expiry_date = timezone.now() - timedelta(seconds=1)
    partner.api_key.save()
    response = key_client(partner.key).get("/api/v1/projects/")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize(
    "header",
    [
        "Api-Key not-a-real-key",
        "Api-Key ",
        "Api-Key a b",
        "Api-Key abc.def",
        "Token nonsense",
        "Bearer something",
    ],
)
def test_bad_credentials_are_401(header: str) -> None:
    partner_key_create(partner_name="Real Co")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=header)
    response = api.get("/api/v1/projects/")
    assert response.status_code == 401
    assert response.json()["code"] in {"authentication_failed", "not_authenticated"}


def test_createpartnerkey_prints_a_working_key_once() -> None:
    # when the command mints a key
    out = StringIO()
    call_command("createpartnerkey", "Command Partner", stdout=out)
    key = out.getvalue().strip()

    # then it is one line that authenticates, and it is not stored in clear
    assert "\n" not in key
    assert key_client(key).get("/api/v1/projects/").status_code == 200
    assert not PartnerAPIKey.objects.filter(hashed_key=key).exists()
