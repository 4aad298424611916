"""Every bad input of every field is a 4xx naming it; nothing a caller sends is a 5xx."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from marketplace.models import Project
from tests.api.conftest import Caller

pytestmark = pytest.mark.django_db


def valid_project() -> dict[str, Any]:
    return {
        "title": "Support assistant",
        "description": "Answer customer questions from our help-centre articles with citations.",
        "hourly_budget_max": "30",
        "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "hours_per_week": 20,
        "required_skills": ["python", "rag"],
        "checklist": {"general_model_sufficient": True},
    }


# (field, bad value): each must be a 400 naming the field.
BAD_VALUES = [
    ("title", ""),
    ("title", "x" * 201),
    ("title", None),
    ("title", 12.5),
    ("title", ["a"]),
    ("title", {"a": 1}),
    ("title", "nul\x00byte"),
    ("description", "too short"),
    ("description", "d" * 20_001),
    ("description", None),
    ("description", "twenty characters and a \x00 null byte"),
    ("hourly_budget_max", "0"),
    ("hourly_budget_max", "-5"),
    ("hourly_budget_max", "1000.01"),
    ("hourly_budget_max", "NaN"),
    ("hourly_budget_max", "Infinity"),
    ("hourly_budget_max", "-Infinity"),
    ("hourly_budget_max", "1e400"),
    ("hourly_budget_max", "12.345"),
    ("hourly_budget_max", "thirty"),
    ("hourly_budget_max", ""),
    ("hourly_budget_max", True),
    ("hourly_budget_max", [30]),
    ("hourly_budget_max", {"usd": 30}),
    ("hourly_budget_max", "9" * 500),
    ("desired_start", "2026-02-30"),
    ("desired_start", "tomorrow"),
    ("desired_start", "2030000000-01-01"),
    ("desired_start", "99999-01-01"),
    ("desired_start", "0000-01-01"),
    ("desired_start", "2020-01-01"),
    ("desired_start", "15/01/2030"),
    ("desired_start", "2030-01-15T10:00:00Z"),
    ("desired_start", 20300115),
    ("desired_start", None),
    ("desired_start", ""),
    ("desired_start", ["2030-01-15"]),
    ("hours_per_week", 0),
    ("hours_per_week", 61),
    ("hours_per_week", -1),
    ("hours_per_week", 2.5),
    ("hours_per_week", "forty"),
    ("hours_per_week", 10**30),
    ("hours_per_week", None),
    ("hours_per_week", [40]),
    ("required_skills", "python"),
    ("required_skills", {"python": True}),
    ("required_skills", [{"name": "python"}]),
    ("required_skills", [["python"]]),
    ("required_skills", [None]),
    ("required_skills", [""]),
    ("required_skills", ["x" * 101]),
    ("required_skills", ["skill"] * 51),
    ("required_skills", ["nul\x00"]),
    ("required_skills", None),
    ("checklist", ["general_model_sufficient"]),
    ("checklist", "yes"),
    ("checklist", None),
    ("checklist", {"general_model_sufficient": "perhaps"}),
    ("checklist", {"general_model_sufficient": {"nested": True}}),
    ("checklist", {"general_model_sufficient": [True]}),
    ("checklist", {"not_a_question": True}),
    ("checklist", {"model_is_moat": 7}),
]


@pytest.mark.parametrize(("field", "value"), BAD_VALUES, ids=lambda v: repr(v)[:40])
def test_bad_value_on_create_is_400_naming_the_field(
    caller: Caller, field: str, value: Any
) -> None:
    # given an otherwise valid brief with one bad field
    body = {**valid_project(), field: value}

    # when it is submitted
    response = caller.api.post("/api/v1/projects/", body, format="json")

    # then it is a 400 in the error envelope naming that field, and nothing was stored
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {field}
    assert field in error["detail"]
    assert not Project.objects.exists()


@pytest.mark.parametrize(("field", "value"), BAD_VALUES, ids=lambda v: repr(v)[:40])
def test_bad_value_on_update_is_400_naming_the_field(
    caller: Caller, field: str, value: Any
) -> None:
    # given the caller's project
    created = caller.api.post("/api/v1/projects/", valid_project(), format="json").json()

    # when one field is changed to a bad value
    response = caller.api.patch(f"/api/v1/projects/{created['id']}/", {field: value}, format="json")

    # then it is a 400 naming the field and the project is as it was
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {field}
    after = caller.api.get(f"/api/v1/projects/{created['id']}/").json()
    assert after == created


@pytest.mark.parametrize("field", ["title", "description", "hourly_budget_max", "desired_start"])
def test_missing_required_field_is_400_naming_it(alice: Caller, field: str) -> None:
    body = valid_project()
    del body[field]
    response = alice.api.post("/api/v1/projects/", body, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {field: ["This field is required."]}


def test_several_bad_fields_are_all_named(alice: Caller) -> None:
    body = {**valid_project(), "title": "", "hours_per_week": 99, "status": "matched"}
    response = alice.api.post("/api/v1/projects/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"title", "hours_per_week", "status"}


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b"[1, 2, 3]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"42", "application/json"),
        (b"null", "application/json"),
        (b"true", "application/json"),
        (b"{", "application/json"),
        (b"{'title': 'single quotes'}", "application/json"),
        (b'{"title": NaN}', "application/json"),
        (b'{"hourly_budget_max": Infinity}', "application/json"),
        (b'{"hours_per_week": -Infinity}', "application/json"),
        (b'{"hours_per_week": 1' + b"0" * 5000 + b"}", "application/json"),
        (b"\xff\xfe\x00garbage", "application/json"),
        (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/json"),
        (b"[" * 200_000 + b"]" * 200_000, "application/json"),
        (b"title=hello", "application/x-www-form-urlencoded"),
        (b"<project/>", "application/xml"),
        (b"", "application/json"),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_malformed_or_non_object_body_is_4xx(alice: Caller, raw: bytes, content_type: str) -> None:
    # when a body that is not a JSON object is posted
    response = alice.api.generic("POST", "/api/v1/projects/", raw, content_type=content_type)

    # then it is a clear 4xx in the envelope, never a 5xx
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["code"] in {"invalid", "parse_error", "unsupported_media_type"}
    assert not Project.objects.exists()


def test_oversized_body_is_413_json_not_500(alice: Caller, settings: Any) -> None:
    # given a small body limit
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    # when a body over the limit is posted (a description far over any legitimate size)
    body = {**valid_project(), "description": "d" * 20_000}
    response = alice.api.post("/api/v1/projects/", body, format="json")

    # then it is a 413 with the error envelope
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert not Project.objects.exists()


def test_body_at_the_default_limit_is_413(alice: Caller) -> None:
    # given the default limit (512 KiB) and a body just over it
    from django.conf import settings

    padding = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = alice.api.post(
        "/api/v1/projects/", {**valid_project(), "title": padding}, format="json"
    )
    assert response.status_code == 413


def test_oversized_login_body_is_413(api_client: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "u" * 2000, "password": "p"}, format="json"
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "role_need=data_scientist",
        "created_after=2026-02-30",
        "created_before=tomorrow",
        "desired_start_after=2030000000-01-01",
        "desired_start_before=%00",
        "ordering=password",
        "page=0",
        "page=abc",
        "page=99999999999999999999999",
    ],
)
def test_bad_query_parameters_are_4xx(alice: Caller, query: str) -> None:
    response = alice.api.get(f"/api/v1/projects/?{query}")
    assert 400 <= response.status_code < 500, response.content
    name = query.split("=")[0]
    body = response.json()
    if response.status_code == 400:
        assert name in body["fields"]


def test_oversized_page_size_is_capped(alice: Caller) -> None:
    response = alice.api.get("/api/v1/projects/?page_size=100000")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", "not a url"),
        ("url", "ftp://hooks.example.com/x"),
        ("url", "file:///etc/passwd"),
        ("url", "https://user:secret@hooks.example.com/x"),
        ("url", "https://" + "a" * 2000 + ".com/"),
        ("url", None),
        ("url", ["https://hooks.example.com/"]),
        ("url", "https://does-not-resolve.example.net/"),
        ("events", []),
        ("events", ["project.deleted"]),
        ("events", "project.matched"),
        ("events", [{"type": "project.matched"}]),
        ("events", None),
        ("secret", "whsec_mine"),
        ("is_active", False),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_bad_webhook_field_is_400_naming_it(caller: Caller, field: str, value: Any) -> None:
    body = {"url": "https://hooks.example.com/in", "events": ["project.matched"], field: value}
    response = caller.api.post("/api/v1/webhooks/", body, format="json")
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {field}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("email", "not-an-email"),
        ("tier", "data_scientist"),
        ("hourly_rate", "0"),
        ("hourly_rate", "NaN"),
        ("available_from", "2026-02-30"),
        ("hours_per_week", 81),
        ("skills", "python"),
        ("skills", [{"x": 1}]),
        ("timezone", "Mars/Olympus_Mons"),
        ("timezone", "../../etc/passwd"),
        ("vetted", "sometimes"),
        ("committed_hours", 0),
        ("id", 5),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_bad_specialist_field_is_400_naming_it(staff_api: Any, field: str, value: Any) -> None:
    body = {
        "name": "Ada",
        "email": "ada@example.com",
        "tier": "ai_engineer",
        "hourly_rate": "25",
        "available_from": "2030-01-01",
        field: value,
    }
    response = staff_api.post("/api/v1/specialists/", body, format="json")
    assert response.status_code == 400, response.content
    assert set(response.json()["fields"]) == {field}


@pytest.mark.parametrize("body", [{"reason": "x" * 2001}, {"reason": None}, {"reason": ["no"]}])
def test_bad_decision_reason_is_400_naming_it(alice: Caller, body: Any) -> None:
    from tests.api.conftest import first_match, matched_project

    project = matched_project(alice.organization)
    url = f"/api/v1/projects/{project.pk}/matches/{first_match(project).pk}/accept/"
    response = alice.api.post(url, body, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"reason"}
