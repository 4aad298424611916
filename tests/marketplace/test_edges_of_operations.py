"""Operations edges: /health/ is cached briefly, gunicorn trusts forwarded headers only when told,
and a client never reads exception text in failure_reason."""

import runpy
from pathlib import Path
from typing import Any

import pytest
from gunicorn.config import Config

from marketplace import health
from marketplace.models import Project
from marketplace.serializers import UNEXPECTED_FAILURE
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory

GUNICORN_CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


@pytest.mark.django_db
def test_health_probed_in_a_loop_opens_one_broker_connection(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a count of broker checks
    calls: list[int] = []
    real = health._broker_ok

    def counted() -> tuple[bool, str]:
        calls.append(1)
        return real()

    monkeypatch.setattr(health, "_broker_ok", counted)

    # when the probe is called ten times in a row
    statuses = [client.get("/health/").status_code for _ in range(10)]

    # then each is answered, from one check
    assert statuses == [200] * 10
    assert len(calls) == 1


def _gunicorn_trusts(monkeypatch: pytest.MonkeyPatch, trust: str | None) -> list[str]:
    if trust is None:
        monkeypatch.delenv("TRUST_X_FORWARDED_PROTO", raising=False)
    else:
        monkeypatch.setenv("TRUST_X_FORWARDED_PROTO", trust)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    config = Config()
    config.set("forwarded_allow_ips", runpy.run_path(str(GUNICORN_CONF))["forwarded_allow_ips"])
    return list(config.forwarded_allow_ips)


@pytest.mark.parametrize("trust", [None, "0", "false"])
def test_gunicorn_trusts_no_proxy_unless_told(monkeypatch: pytest.MonkeyPatch, trust: Any) -> None:
    assert _gunicorn_trusts(monkeypatch, trust) == []


def test_gunicorn_trusts_the_local_proxy_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _gunicorn_trusts(monkeypatch, "1") == ["127.0.0.1"]


@pytest.mark.django_db
def test_a_client_never_reads_exception_text_in_failure_reason(client_user: Any) -> None:
    # given a project that failed on an unexpected error (its detail is for staff)
    project = ProjectFactory(
        organization=client_user.organization,
        status=Project.Status.FAILED,
        failure_reason="Matching failed: OverflowError: date value out of range",
    )

    # when the client reads it
    body = token_client(client_user).get(f"/api/v1/projects/{project.pk}/").json()

    # then it says so plainly, and staff keep the detail
    assert body["failure_reason"] == UNEXPECTED_FAILURE
    project.refresh_from_db()
    assert "OverflowError" in project.failure_reason
