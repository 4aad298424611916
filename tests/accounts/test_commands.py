"""createclient and createpartnerkey behave as the contract says."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from accounts.models import Organization, PartnerAPIKey, User


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_createclient_prints_one_line_a_working_token() -> None:
    output = _run("createclient", "alice", "--organization", "Acme")

    lines = output.strip().splitlines()
    assert len(lines) == 1
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {lines[0]}")
    assert client.get("/api/v1/projects/").status_code == 200
    assert User.objects.get(username="alice").organization.name == "Acme"


@pytest.mark.django_db
def test_createclient_twice_finds_the_same_user_and_token() -> None:
    first = _run("createclient", "alice", "--organization", "Acme")
    second = _run("createclient", "alice", "--organization", "Acme")

    assert first == second
    assert User.objects.filter(username="alice").count() == 1


@pytest.mark.django_db
def test_createclient_with_password_can_log_in_for_a_token() -> None:
    password = "s3cret-pass!"
    token = _run("createclient", "bob", "--organization", "Acme", "--password", password).strip()

    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "bob", "password": password}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"token": token}


@pytest.mark.django_db
def test_createclient_refuses_to_move_a_user_to_another_organization() -> None:
    _run("createclient", "alice", "--organization", "Acme")

    with pytest.raises(CommandError, match="another organization"):
        _run("createclient", "alice", "--organization", "Globex")


@pytest.mark.django_db
def test_createpartnerkey_prints_a_key_stored_only_hashed() -> None:
    key = _run("createpartnerkey", "Partner Inc").strip()

    api_key = PartnerAPIKey.objects.get(organization__name="Partner Inc")
    assert key.startswith(api_key.prefix + ".")
    assert key not in api_key.hashed_key
    assert Organization.objects.get(name="Partner Inc").kind == Organization.Kind.PARTNER
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert client.get("/api/v1/projects/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["123", "password", "carol123"])
def test_createclient_refuses_a_weak_password(password: str) -> None:
    with pytest.raises(CommandError):
        _run("createclient", "carol", "--organization", "Acme", "--password", password)
    assert not User.objects.filter(username="carol").exists()


@pytest.mark.django_db
def test_an_expired_token_is_refused_and_login_or_createclient_issue_a_new_one(
    settings: object,
) -> None:
    from datetime import timedelta

    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    # given a client whose token is older than its lifetime
    password = "s3cret-pass!"
    old = _run("createclient", "dave", "--organization", "Acme", "--password", password).strip()
    Token.objects.filter(key=old).update(created=timezone.now() - timedelta(days=91))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")

    # then it no longer works
    response = client.get("/api/v1/projects/")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]

    # and logging in issues a new one that works, which createclient then prints
    login = APIClient().post(
        "/api/v1/auth/token/", {"username": "dave", "password": password}, format="json"
    )
    new = login.json()["token"]
    assert new != old
    client.credentials(HTTP_AUTHORIZATION=f"Token {new}")
    assert client.get("/api/v1/projects/").status_code == 200
    assert _run("createclient", "dave", "--organization", "Acme").strip() == new


@pytest.mark.django_db
def test_the_token_admin_list_shows_only_a_prefix() -> None:
    from django.test import Client
    from django.urls import reverse

    from tests.accounts.factories import UserFactory

    token = _run("createclient", "erin", "--organization", "Acme").strip()
    staff = Client()
    staff.force_login(UserFactory(organization=None, is_staff=True, is_superuser=True))

    page = staff.get(reverse("admin:authtoken_tokenproxy_changelist")).content.decode()

    assert token[:8] in page
    assert token not in page
