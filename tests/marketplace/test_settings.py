"""Production settings refuse to start unsafe; embedded defaults need no server."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    base.update(env)
    code = (
        "import django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'marketplace.settings');"
        "django.setup(); from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE'], settings.CELERY_BROKER_URL,"
        " settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True, timeout=60
    )


def test_production_without_secret_key_fails_fast() -> None:
    result = _load_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key() -> None:
    from marketplace.settings.base import _DEV_SECRET_KEY

    result = _load_settings({"DEBUG": "0", "SECRET_KEY": _DEV_SECRET_KEY})
    assert result.returncode != 0
    assert "development key" in result.stderr


def test_production_turns_on_https_protections_by_default() -> None:
    result = _load_settings({"DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.example"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["True", "True"]


def test_https_only_can_be_switched_off_for_a_private_network() -> None:
    result = _load_settings(
        {"DEBUG": "0", "SECRET_KEY": "x" * 60, "HTTPS_ONLY": "0", "ALLOWED_HOSTS": "a.example"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["False", "False"]


def test_embedded_defaults_need_no_server(tmp_path: Path) -> None:
    env = {"MARKETPLACE_VAR_DIR": str(tmp_path), "DATABASE_URL": "", "CELERY_BROKER_URL": ""}
    result = _load_settings(env)
    assert result.returncode == 0, result.stderr
    engine, broker = result.stdout.split()[:2]
    assert engine == "django.db.backends.sqlite3"
    assert broker.startswith("filesystem://")


def test_a_malformed_boolean_is_a_clear_error() -> None:
    result = _load_settings({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be 0 or 1" in result.stderr


@pytest.mark.parametrize("value", ["1", "true", "yes", "on"])
def test_truthy_spellings_of_debug_are_accepted(value: str) -> None:
    assert _load_settings({"DEBUG": value}).returncode == 0


@pytest.mark.django_db
def test_postgresql_sessions_run_with_a_statement_timeout_and_without_jit() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL session settings")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] != "0"


def test_the_embedded_broker_looks_for_the_next_message_ten_times_a_second(
    tmp_path: Path,
) -> None:
    # kombu's 1 s default drains a queue of small tasks at a task or two a second.
    env = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    env["MARKETPLACE_VAR_DIR"] = str(tmp_path)
    code = (
        "import django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'marketplace.settings');"
        "django.setup(); from django.conf import settings;"
        "print(settings.CELERY_BROKER_URL,"
        " settings.CELERY_BROKER_TRANSPORT_OPTIONS['polling_interval'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["filesystem://localhost//", "0.1"]
