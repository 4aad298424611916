"""A webhook's secret is shown once: an Idempotency-Key replay and the admin never show it again."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from api.idempotency import ALREADY_SHOWN, REPLAYED_HEADER
from marketplace.models import IdempotencyKey
from tests.api.conftest import Caller

pytestmark = pytest.mark.django_db

BODY = {"url": "https://hooks.example.com/a", "events": ["project.matched"]}


def register(caller: Caller, key: str) -> Any:
    return caller.api.post("/api/v1/webhooks/", BODY, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_replay_answers_the_same_body_with_the_secret_said_to_be_shown(caller: Caller) -> None:
    # given an endpoint registered with a key, its secret shown once
    first = register(caller, "hook-secret")
    secret = first.json()["secret"]
    assert secret.startswith("whsec_")

    # when the request is repeated with the same key
    replay = register(caller, "hook-secret")

    # then the same body comes back, but the secret only says it was shown
    assert replay.status_code == 201
    assert replay[REPLAYED_HEADER] == "true"
    assert replay.json() == {**first.json(), "secret": ALREADY_SHOWN}
    assert secret not in replay.content.decode()


def test_a_replay_after_the_endpoint_is_deleted_shows_no_secret(alice: Caller) -> None:
    first = register(alice, "hook-deleted")
    secret = first.json()["secret"]
    assert alice.api.delete(f"/api/v1/webhooks/{first.json()['id']}/").status_code == 204

    replay = register(alice, "hook-deleted")

    assert secret not in replay.content.decode()
    assert replay.json()["secret"] == ALREADY_SHOWN


def test_the_stored_record_holds_no_secret(alice: Caller) -> None:
    secret = register(alice, "hook-stored").json()["secret"]

    record = IdempotencyKey.objects.get(key="hook-stored")
    assert record.response_body["secret"] == ALREADY_SHOWN
    assert secret not in str(record.response_body)


def test_the_idempotency_key_admin_page_shows_no_stored_body(
    alice: Caller, staff_user: Any
) -> None:
    # given a stored project response (a caller's data) and a webhook registration
    first = register(alice, "hook-admin").json()
    record = IdempotencyKey.objects.get(key="hook-admin")
    staff = Client()
    staff.force_login(staff_user)

    # when staff open the record
    page = staff.get(reverse("admin:marketplace_idempotencykey_change", args=[record.pk]))

    # then the key and its answer's status show, the body does not
    assert page.status_code == 200
    html = page.content.decode()
    assert "hook-admin" in html
    assert first["url"] not in html
    assert ALREADY_SHOWN not in html
