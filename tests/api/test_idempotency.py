"""Idempotency-Key: a retry replays the first response; a different body is a 422."""

import threading
from typing import Any

import pytest
from django.db import connection

from api.idempotency import ALREADY_SHOWN
from marketplace.models import IdempotencyKey, Project
from tests.api.conftest import Caller, client_caller, partner_caller
from tests.api.test_bad_input import valid_project

pytestmark = pytest.mark.django_db


def post(caller: Caller, body: dict[str, Any], key: str | None, url: str = "/api/v1/projects/"):  # type: ignore[no-untyped-def]
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return caller.api.post(url, body, format="json", **headers)


def test_retry_with_same_key_and_body_replays_the_first_response(caller: Caller) -> None:
    # given a project submitted with a key
    body = valid_project()
    first = post(caller, body, "retry-1")

    # when the same request is retried (key order changed, as a client library might)
    second = post(caller, dict(reversed(list(body.items()))), "retry-1")

    # then the first response comes back, and only one project exists
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Project.objects.filter(organization=caller.organization).count() == 1


def test_same_key_with_a_different_body_is_422(caller: Caller) -> None:
    post(caller, valid_project(), "reused")
    response = post(caller, {**valid_project(), "title": "Another project"}, "reused")
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert Project.objects.count() == 1


def test_same_key_on_another_endpoint_is_422(caller: Caller) -> None:
    post(caller, valid_project(), "shared")
    response = post(
        caller,
        {"url": "https://hooks.example.com/a", "events": ["project.matched"]},
        "shared",
        url="/api/v1/webhooks/",
    )
    assert response.status_code == 422


def test_same_key_in_another_tenant_is_independent() -> None:
    # given two organizations that happen to pick the same key
    alice, partner = client_caller(), partner_caller()

    # when both submit with it
    a = post(alice, valid_project(), "order-1")
    b = post(partner, {**valid_project(), "title": "Partner's own"}, "order-1")

    # then each gets its own project
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert b.json()["title"] == "Partner's own"
    assert IdempotencyKey.objects.filter(key="order-1").count() == 2


def test_without_a_key_each_post_creates_a_project(alice: Caller) -> None:
    post(alice, valid_project(), None)
    post(alice, valid_project(), None)
    assert Project.objects.count() == 2


def test_failed_request_does_not_use_up_the_key(alice: Caller) -> None:
    # given a request with a key that fails validation
    bad = post(alice, {**valid_project(), "title": ""}, "fix-and-retry")
    assert bad.status_code == 400

    # when the corrected request is sent with the same key
    good = post(alice, valid_project(), "fix-and-retry")

    # then it is processed, not refused as a different body
    assert good.status_code == 201
    assert Project.objects.count() == 1


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("k" * 256, "Must be at most 255 characters."),
        ("   ", "Must not be blank."),
        ("tab\tkey", "Must contain printable characters only."),
    ],
)
def test_bad_key_is_400_naming_the_header(alice: Caller, key: str, problem: str) -> None:
    response = post(alice, valid_project(), key)
    assert response.status_code == 400
    assert response.json()["fields"] == {"Idempotency-Key": [problem]}
    assert not Project.objects.exists()


def test_key_of_255_characters_is_accepted(alice: Caller) -> None:
    assert post(alice, valid_project(), "k" * 255).status_code == 201


def test_webhook_registration_is_idempotent_too(alice: Caller) -> None:
    body = {"url": "https://hooks.example.com/a", "events": ["project.matched"]}
    first = post(alice, body, "hook-1", url="/api/v1/webhooks/")
    second = post(alice, body, "hook-1", url="/api/v1/webhooks/")
    assert first.status_code == second.status_code == 201
    # The same body, except the signing secret, which is shown once (#12, finding 6).
    assert second.json() == {**first.json(), "secret": ALREADY_SHOWN}
    assert alice.api.get("/api/v1/webhooks/").json()["count"] == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_create_exactly_one_project() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer; the race needs PostgreSQL's row locks")
    # given one client and eight threads sending the same request with one key at once
    alice = client_caller()
    body = valid_project()
    barrier = threading.Barrier(8)
    results: list[tuple[int, Any]] = []
    lock = threading.Lock()

    def send() -> None:
        from django.db import connections

        try:
            barrier.wait()
            response = post(alice, body, "race")
            with lock:
                results.append((response.status_code, response.json()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then exactly one project exists and everyone got its response
    assert Project.objects.count() == 1
    assert {status for status, _ in results} == {201}
    assert {body["id"] for _, body in results} == {Project.objects.get().pk}
