"""A JSON body means one thing: repeated keys are refused, and a refusal is plain words."""

import json
from typing import Any

import pytest

from api.parsers import NOT_JSON, NOT_TEXT, TOO_DEEP
from marketplace.models import Project
from tests.api.conftest import Caller
from tests.api.test_bad_input import valid_project

pytestmark = pytest.mark.django_db


def _post_raw(caller: Caller, raw: bytes) -> Any:
    return caller.api.generic("POST", "/api/v1/projects/", raw, content_type="application/json")


def test_a_key_repeated_at_the_top_is_400_naming_it(alice: Caller) -> None:
    # given a body whose "hourly_budget_max" appears twice (a proxy may read the first)
    body = json.dumps(valid_project())[:-1] + ', "hourly_budget_max": "999"}'

    # when it is posted
    response = _post_raw(alice, body.encode())

    # then it is refused, saying which key, and nothing is created
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert '"hourly_budget_max" appears more than once' in response.json()["detail"]
    assert not Project.objects.exists()


def test_a_key_repeated_in_a_nested_object_is_400(alice: Caller) -> None:
    raw = json.dumps({**valid_project(), "checklist": {}}).replace(
        '"checklist": {}',
        '"checklist": {"model_is_moat": true, "model_is_moat": false}',
    )
    response = _post_raw(alice, raw.encode())
    assert response.status_code == 400
    assert '"model_is_moat"' in response.json()["detail"]
    assert not Project.objects.exists()


def test_a_long_repeated_key_is_named_cut_short(alice: Caller) -> None:
    key = "k" * 5000
    response = _post_raw(alice, f'{{"{key}": 1, "{key}": 2}}'.encode())
    assert response.status_code == 400
    assert len(response.json()["detail"]) < 200


def test_the_same_key_in_two_objects_is_fine(alice: Caller) -> None:
    body = {**valid_project(), "checklist": {"model_is_moat": True}}
    body["required_skills"] = ["model_is_moat"]
    assert alice.api.post("/api/v1/projects/", body, format="json").status_code == 201


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        (b"{", NOT_JSON),
        (b"{'title': 'single quotes'}", NOT_JSON),
        (b'{"title": NaN}', NOT_JSON),
        (b'{"hours_per_week": 1' + b"0" * 5000 + b"}", NOT_JSON),
        (b'{"a": 1,}', NOT_JSON),
        (b"\xff\xfe\x00garbage", NOT_TEXT),
        (b"[" * 200_000 + b"]" * 200_000, TOO_DEEP),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_a_parse_error_answers_a_plain_message(alice: Caller, raw: bytes, detail: str) -> None:
    # when a malformed body is posted
    response = _post_raw(alice, raw)

    # then the answer is one plain sentence, with none of Python's parser text
    assert response.status_code == 400
    assert response.json() == {"code": "parse_error", "detail": detail}
