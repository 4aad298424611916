"""The live OpenAPI schema, fuzzed by schemathesis 4 as a client, a partner and staff.

All four phases run: the schema's examples, coverage (boundary values, each
constraint broken on purpose, methods the schema does not list), fuzzing, and
stateful sequences that follow the document's OpenAPI links, so an id a POST
created is what the detail routes get. The checks are ``not_a_server_error``
and ``response_schema_conformance``; every schemathesis warning fails the run
too ("rate limited", "missing test data", "schema validation mismatch" among
them). Throttling and the login lockout are lifted for the run; they have
tests of their own.

The rules the document cannot state (a start date not in the past, the right
password, an Idempotency-Key per request, objects the caller owns) are met
by the run itself, as a client that reads the descriptions would meet them:
routes on one object get a real one of the caller's (``[[operations]]``
parameters), and a ``map_case`` hook moves values the schema allows into what
today's rules accept. Input the schema refuses is still sent as generated.

It is the CLI's own run, in this process, against the test server
(``live_server``) on the test database. Seeded and deterministic, with a
bounded number of examples per operation, so a failure reproduces and the
three runs stay within a few minutes on two cores.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from click.testing import CliRunner
from django.conf import settings as django_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from schemathesis.cli import schemathesis as schemathesis_cli
from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER

from accounts.models import Organization
from accounts.services import partner_key_create
from api.idempotency import HEADER as IDEMPOTENCY_HEADER
from api.idempotency import MAX_KEY_LENGTH
from marketplace.dates import latest_allowed_date
from marketplace.models import Project
from marketplace.serializers import earliest_allowed_start
from marketplace.services.projects import project_submit
from marketplace.vocabulary import EMAIL_LOCAL_PART_MAX_LENGTH
from matching.selectors import client_match_list
from tests.accounts.factories import UserFactory
from tests.marketplace.factories import SpecialistFactory
from webhooks import url_guard
from webhooks.tasks import webhook_deliver_task

MAX_EXAMPLES = 5
STATEFUL_STEPS = 10
SEED = 20261202

CONFIG = f"""
seed = {SEED}
workers = 1
request-timeout = 60
# Every warning fails the run.
[warnings]
fail-on = true

[generation]
deterministic = true
max-examples = {MAX_EXAMPLES}

[phases.stateful]
max-steps = {STATEFUL_STEPS}
"""

# What each caller may use; the others answer it 403 by design (tested elsewhere),
# which schemathesis would rightly report as "missing auth".
TENANT_OPERATIONS = r"^(auth_token|projects|webhooks)_"
STAFF_OPERATIONS = r"^(auth_token|specialists|projects_(list|retrieve|matches_list))"

LOGIN_USERNAME = "fuzz-login"
LOGIN_PASSWORD = "fuzz-login-password-1"
# What the API takes as an Idempotency-Key (the document's pattern).
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
# Whole, half and quarter hours, both sides of UTC.
SAMPLE_TIME_ZONES = (
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Pacific/Chatham",
)


@dataclass(frozen=True)
class Seeded:
    """Real objects of the caller's: the ids the routes on one object are called with."""

    # A project to read and change, and one whose match is accepted and declined.
    project_id: int
    decided_project_id: int
    match_id: int


def _seeded_config(seeded: Seeded) -> str:
    # Fixed path parameters, in every phase. Ids of other organizations' objects,
    # or of none, are a 404: tests/api/test_tenancy.py.
    return f"""
[[operations]]
include-operation-id = ["projects_retrieve", "projects_partial_update", "projects_matches_list"]
parameters = {{ "path.project_id" = {seeded.project_id} }}

[[operations]]
include-operation-id = ["projects_matches_accept_create", "projects_matches_decline_create"]
[operations.parameters]
"path.project_id" = {seeded.decided_project_id}
"path.match_id" = {seeded.match_id}
"""


def _date_within(value: Any, *, earliest: date, latest: date) -> Any:
    """A date the schema allows but today's bounds refuse, moved into them; anything else as is."""
    if not isinstance(value, str):
        return value
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return value
    if earliest <= parsed <= latest:
        return value
    return (earliest + timedelta(days=parsed.toordinal() % (latest - earliest).days)).isoformat()


def _request_digest(case: Any) -> str:
    return hashlib.sha256(repr((case.path_parameters, case.body)).encode()).hexdigest()[:16]


def _real_body(body: dict[str, Any], digest: str) -> dict[str, Any]:
    changed = dict(body)
    latest = latest_allowed_date()
    if "desired_start" in body:
        changed["desired_start"] = _date_within(
            body["desired_start"], earliest=earliest_allowed_start(), latest=latest
        )
    if "available_from" in body:
        earliest = date.fromisoformat(django_settings.INPUT_DATE_MIN)
        changed["available_from"] = _date_within(
            body["available_from"], earliest=earliest, latest=latest
        )
    hours = body.get("working_hours")
    if isinstance(hours, str) and len(hours) == 11 and hours[:5] == hours[6:]:
        changed["working_hours"] = f"{hours[:5]}-24:00"
    email = body.get("email")
    local_part, at, _domain = email.rpartition("@") if isinstance(email, str) else ("", "", "")
    if at and local_part and len(local_part) <= EMAIL_LOCAL_PART_MAX_LENGTH - 17:
        changed["email"] = f"{digest}.{email}"
    if all(isinstance(body.get(name), str) and body[name] for name in ("username", "password")):
        changed.update(username=LOGIN_USERNAME, password=LOGIN_PASSWORD)
    return changed


def _with_real_values(context: Any, case: Any) -> Any:
    """A request that meets the rules the schema cannot state, named in its descriptions.

    A project's start not in the past, a roster date at most five years ahead,
    a working day that does not start where it ends, an email new to the
    roster, the real credentials at login, an Idempotency-Key per request.
    Without them nearly every valid request would be refused, and the run
    would test only the refusal, which has tests of its own
    (tests/api/test_date_bounds.py, test_specialists.py, test_brute_force.py,
    test_idempotency.py). Only values the schema allows are changed, so
    invalid input is still sent as generated.
    """
    digest = _request_digest(case)
    # New containers, never changed in place: generated cases may share them.
    key = case.headers.get(IDEMPOTENCY_HEADER) if case.headers else None
    if isinstance(key, str) and IDEMPOTENCY_KEY.fullmatch(key):
        # "Unique per request you mean to make once", as a client's would be.
        headers = case.headers.copy()
        headers[IDEMPOTENCY_HEADER] = f"{key[: MAX_KEY_LENGTH - 17]}-{digest}"
        case.headers = headers
    if isinstance(case.body, dict):
        body = _real_body(case.body, digest)
        if body != case.body:
            case.body = body
    return case


def _a_few_time_zones(context: Any, raw_schema: dict[str, Any]) -> None:
    # Coverage sends every value of an enum: the 597 time zones, in each body
    # that takes one, would triple the run. tests/api/test_openapi.py checks
    # that the API accepts every zone the document lists.
    zones = raw_schema["components"]["schemas"]["TimeZoneEnum"]
    zones["enum"] = [zone for zone in SAMPLE_TIME_ZONES if zone in zones["enum"]]


@pytest.fixture
def real_values() -> Iterator[None]:
    hooks = [
        schemathesis.hook("map_case")(_with_real_values),
        schemathesis.hook("before_load_schema")(_a_few_time_zones),
    ]
    yield
    for hook in hooks:
        GLOBAL_HOOK_DISPATCHER.unregister(hook)


@pytest.fixture
def roster(transactional_db: None) -> None:
    # Specialists of both tiers, so that a project the fuzzer submits gets matches.
    for tier in ("ai_engineer", "ml_engineer", "ai_engineer", "ml_engineer"):
        SpecialistFactory(tier=tier)
    UserFactory(username=LOGIN_USERNAME, password=LOGIN_PASSWORD)


def _seed(organization: Organization) -> Seeded:
    def submit(title: str) -> Project:
        return project_submit(
            organization=organization,
            title=title,
            description="We want a chat assistant that answers questions from our help centre.",
            hourly_budget_max=Decimal("80"),
            desired_start=timezone.localdate() + timedelta(days=14),
        )

    project, decided = submit("Help-centre assistant"), submit("Support bot")
    match = client_match_list(project=decided).first()
    assert match is not None, "the seeded project got no matches"
    return Seeded(project_id=project.pk, decided_project_id=decided.pk, match_id=match.pk)


def _run_schemathesis(
    live_server: Any, tmp_path: Path, *, authorization: str, operations: str, seeded: Seeded
) -> tuple[int, str]:
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG + _seeded_config(seeded))
    result = CliRunner().invoke(
        schemathesis_cli,
        [
            "--config-file",
            str(config),
            "run",
            f"{live_server.url}/api/schema/?format=json",
            "--url",
            live_server.url,
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--header",
            f"Authorization: {authorization}",
            "--include-operation-id-regex",
            operations,
            "--no-color",
        ],
        catch_exceptions=False,
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("caller", "operations"),
    [("client", TENANT_OPERATIONS), ("partner", TENANT_OPERATIONS), ("staff", STAFF_OPERATIONS)],
)
def test_api_never_errors_and_matches_its_schema(
    live_server: Any,
    roster: None,
    unthrottled: None,
    real_values: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caller: str,
    operations: str,
) -> None:
    # The fuzzer registers webhook URLs it makes up: every host "resolves" to
    # loopback, allowed here, and no delivery is ever sent (nothing leaves the machine).
    settings.WEBHOOK_ALLOW_PRIVATE = True
    # A login the fuzzer gets wrong (a form body, a number for a password) would
    # lock the rest out: 429s hiding the logic, as throttling would.
    settings.AXES_FAILURE_LIMIT = 1_000_000
    monkeypatch.setattr(url_guard, "resolve", lambda host, port: [ip_address("127.0.0.1")])
    monkeypatch.setattr(webhook_deliver_task, "apply_async", lambda *args, **kwargs: None)
    if caller == "client":
        user = UserFactory()
        authorization = f"Token {Token.objects.create(user=user).key}"
        organization = user.organization
    elif caller == "partner":
        partner = partner_key_create(partner_name="Fuzz partner")
        authorization = f"Api-Key {partner.key}"
        organization = partner.api_key.organization
    else:
        staff = UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)
        authorization = f"Token {Token.objects.create(user=staff).key}"
        # Staff read every organization's projects.
        organization = UserFactory().organization
    seeded = _seed(organization)

    code, output = _run_schemathesis(
        live_server, tmp_path, authorization=authorization, operations=operations, seeded=seeded
    )

    assert code == 0, output
    assert "Rate limited" not in output, output
