"""Guessing is held: forwarded addresses are not trusted, logins lock out, bad keys throttle."""

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def bob() -> Any:
    user = UserFactory(username="bob")
    user.set_password(PASSWORD)
    user.save()
    return user


def login(password: str, **extra: Any) -> Any:
    return APIClient().post(
        "/api/v1/auth/token/", {"username": "bob", "password": password}, format="json", **extra
    )


def test_rotating_x_forwarded_for_does_not_escape_the_address_throttle(monkeypatch: Any) -> None:
    # given two anonymous requests a minute per address, and no proxies configured
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"caller": "9/min", "anon": "2/min"})

    # when a caller claims a new address in X-Forwarded-For every time
    statuses = [
        APIClient()
        .post(
            "/api/v1/auth/token/",
            {"username": f"user{n}", "password": "x"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
        .status_code
        for n in range(4)
    ]

    # then the header is ignored and the third request is throttled
    assert statuses[:2] == [400, 400]
    assert statuses[2:] == [429, 429]


def test_failed_logins_lock_the_username_even_for_the_right_password(
    bob: Any, settings: Any
) -> None:
    # given failures from rotating addresses up to the limit (the last one locks)
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login("wrong", REMOTE_ADDR=f"198.51.100.{n}").status_code == 400
    assert login("wrong", REMOTE_ADDR="198.51.100.100").status_code == 429

    # when the right password comes from yet another address
    response = login(PASSWORD, REMOTE_ADDR="198.51.100.200")

    # then the username is locked: 429 with Retry-After, and no token
    assert response.status_code == 429
    assert "token" not in response.json()
    assert int(response["Retry-After"]) > 0


def test_failures_below_the_limit_do_not_lock(bob: Any, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login("wrong").status_code == 400
    assert login(PASSWORD).status_code == 200


def test_the_admin_login_locks_out_too(settings: Any) -> None:
    # given a staff member and failed admin logins up to the limit
    staff = UserFactory(username="boss", organization=None, is_staff=True, role="staff")
    staff.set_password(PASSWORD)
    staff.save()
    browser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        page = browser.post("/admin/login/", {"username": "boss", "password": "wrong"})
        assert page.status_code == 200  # the form again, with an error
    browser.post("/admin/login/", {"username": "boss", "password": "wrong"})

    # when the right password is sent
    page = browser.post("/admin/login/?next=/admin/", {"username": "boss", "password": PASSWORD})

    # then it is refused and no session is opened
    assert page.status_code == 429
    assert "_auth_user_id" not in browser.session


@pytest.mark.parametrize("scheme", ["Token", "Api-Key"])
def test_refused_credentials_are_throttled_per_address(
    scheme: str, settings: Any, client_api: APIClient
) -> None:
    # given a budget of three refused credentials a minute
    settings.AUTH_FAILURES_PER_MINUTE = 3
    guesser = APIClient()
    guesser.credentials(HTTP_AUTHORIZATION=f"{scheme} guess.guess", REMOTE_ADDR="192.0.2.7")

    # when one address keeps guessing
    statuses = [guesser.get("/api/v1/projects/").status_code for _ in range(5)]

    # then guesses past the budget are refused before they are checked
    assert statuses == [401, 401, 401, 429, 429]
    assert int(guesser.get("/api/v1/projects/")["Retry-After"]) > 0
    # and a caller from another address is not held by it
    assert client_api.get("/api/v1/projects/").status_code == 200
