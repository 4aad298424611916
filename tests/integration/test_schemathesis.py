"""The live OpenAPI schema, fuzzed by schemathesis 4 as a client, a partner and staff.

All four phases run: the schema's examples, coverage (boundary values, each
constraint broken on purpose, methods the schema does not list), fuzzing, and
stateful sequences that follow the document's OpenAPI links, so an id a POST
created is what the detail routes get. The checks are ``not_a_server_error``
and ``response_schema_conformance``; schemathesis' warnings fail the run too,
"rate limited" (429s hid the logic) among them, all but two that are not
clean yet (see ``[warnings]`` below). Throttling is lifted for the run; the throttle has
tests of its own.

It is the CLI's own run, in this process, against the test server
(``live_server``) on the test database. Seeded and deterministic, with a
bounded number of examples per operation, so a failure reproduces and the
three runs stay within a couple of minutes on two cores.
"""

from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rest_framework.authtoken.models import Token
from schemathesis.cli import schemathesis as schemathesis_cli

from accounts.services import partner_key_create
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
# Every warning fails the run but two, which are not clean yet:
# "missing test data" (detail routes reached mostly with made-up ids) and
# "validation mismatch" (rules the schema cannot state: dates not in the past,
# IANA time zones, valid credentials at login).
[warnings]
fail-on = [
    "missing_auth", "base_url_mismatch", "missing_deserializer", "unused_openapi_auth",
    "unsupported_regex", "method_not_allowed", "unmatched_filter", "unresolvable_reference",
    "rate_limited", "dictionary_mismatch", "timeout_units",
]

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


@pytest.fixture
def roster(transactional_db: None) -> None:
    # Specialists of both tiers, so that a project the fuzzer submits gets matches.
    for tier in ("ai_engineer", "ml_engineer", "ai_engineer", "ml_engineer"):
        SpecialistFactory(tier=tier)


def _run_schemathesis(
    live_server: Any, tmp_path: Path, *, authorization: str, operations: str
) -> tuple[int, str]:
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
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


def _client_token() -> str:
    return Token.objects.create(user=UserFactory()).key


def _staff_token() -> str:
    staff = UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)
    return Token.objects.create(user=staff).key


@pytest.mark.parametrize(
    ("caller", "operations"),
    [("client", TENANT_OPERATIONS), ("partner", TENANT_OPERATIONS), ("staff", STAFF_OPERATIONS)],
)
def test_api_never_errors_and_matches_its_schema(
    live_server: Any,
    roster: None,
    unthrottled: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caller: str,
    operations: str,
) -> None:
    # The fuzzer registers webhook URLs it makes up: every host "resolves" to
    # loopback, allowed here, and no delivery is ever sent (nothing leaves the machine).
    settings.WEBHOOK_ALLOW_PRIVATE = True
    monkeypatch.setattr(url_guard, "resolve", lambda host, port: [ip_address("127.0.0.1")])
    monkeypatch.setattr(webhook_deliver_task, "apply_async", lambda *args, **kwargs: None)
    if caller == "client":
        authorization = f"Token {_client_token()}"
    elif caller == "partner":
        authorization = f"Api-Key {partner_key_create(partner_name='Fuzz partner').key}"
    else:
        authorization = f"Token {_staff_token()}"

    code, output = _run_schemathesis(
        live_server, tmp_path, authorization=authorization, operations=operations
    )

    assert code == 0, output
    assert "Rate limited" not in output, output
