"""/health/ says whether the database and the broker answer, quickly, to anyone."""

import socket
import time
from typing import Any

import pytest
from django.db.backends.utils import CursorWrapper
from django.db.utils import OperationalError

from marketplace import health

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def broker_down(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Redis URL on a port nobody listens on: the real client, a real refusal.
    # Celery reads this variable before its configuration, so it wins here.
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", f"redis://127.0.0.1:{_closed_port()}/0")


def test_health_is_ok_when_database_and_broker_answer(client: Any) -> None:
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] == "ok"


def test_health_is_503_when_the_database_is_down(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a database that refuses every query
    def refuse(self: Any, *args: Any, **kwargs: Any) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "OperationalError",
        "broker": "ok",
        "duration_ms": response.json()["duration_ms"],
    }


def test_health_is_503_within_seconds_when_the_broker_is_down(
    client: Any, broker_down: None
) -> None:
    started = time.monotonic()

    response = client.get("/health/")

    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["broker"] == "OperationalError"
    assert response.json()["database"] == "ok"
    assert elapsed < health.BROKER_CHECK_TIMEOUT + 1


def test_health_needs_no_credentials_and_is_not_throttled(
    client: Any, client_api: Any, settings: Any
) -> None:
    # given the strictest anonymous rate the API could have
    from rest_framework.throttling import SimpleRateThrottle

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"caller": "1/min", "anon": "1/min"},
    }
    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = {"caller": "1/min", "anon": "1/min"}
    try:
        # when a load balancer probes it again and again without a token
        statuses = [client.get("/health/").status_code for _ in range(5)]
        # and the API, by contrast, throttles a caller at that rate
        api = [client_api.get("/api/v1/projects/").status_code for _ in range(3)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original

    # then every probe is answered
    assert statuses == [200] * 5
    assert 429 in api


def test_health_is_never_cached(client: Any) -> None:
    response = client.get("/health/")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
