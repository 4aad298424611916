"""Read throughput against a DRF hello-world, on the production stack, measured with wrk.

Starts everything on this machine only (127.0.0.1): a fresh PostgreSQL
database ``marketplace_throughput``, Redis DBs 10 (broker) and 11 (cache),
gunicorn with ``gunicorn.conf.py`` and 2 sync workers, ``DEBUG=0``,
``HTTPS_ONLY=0``, throttling lifted by ``API_THROTTLE_RATE`` (the throttle
classes still run). The benchmark's own settings module mounts a hello-world
(``benchmarks/throughput_urls.py``: a plain DRF view returning a constant,
behind the same authentication and throttling) beside the real URLs. It seeds
one client with 20 projects, each ranked by the real matching service with 20
matches, then runs wrk against each endpoint in turn and prints req/s and
p50/p99, each as a ratio to the hello-world's. Stops everything it started.

    python benchmarks/throughput.py [--duration 10] [--connections 20] [--threads 2]

Environment: THROUGHPUT_PG (default postgres://postgres@127.0.0.1:5432),
THROUGHPUT_REDIS (default redis://127.0.0.1:6379), THROUGHPUT_REDIS_DBS
(broker,cache; default 10,11). Needs ``wrk`` on the PATH.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DB_NAME = "marketplace_throughput"
MATCHES = 20
PROJECTS = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def recreate_database(pg: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def seed() -> dict[str, Any]:
    """Run inside a Django process (``throughput.py seed``), tasks eager."""
    from datetime import timedelta
    from decimal import Decimal

    import django

    django.setup()
    from django.utils import timezone

    from accounts.services import client_create
    from marketplace.models import Project, Specialist
    from marketplace.services.projects import project_submit
    from matching.selectors import client_match_list

    today = timezone.localdate()
    skills = ["Python", "RAG", "LLM APIs", "LangChain", "embeddings", "agents"]
    Specialist.objects.bulk_create(
        [
            Specialist(
                name=f"Specialist {i}",
                email=f"throughput-{i}@example.com",
                headline="Builds retrieval-augmented assistants on LLM APIs",
                tier="ai_engineer" if i % 3 else "ml_engineer",
                hourly_rate=Decimal(20 + i % 15),
                available_from=today + timedelta(days=i % 10),
                skills=[skills[i % 6], skills[(i + 1) % 6], skills[(i + 3) % 6]],
                skill_keys=[],
                vetted=True,
                is_active=True,
            )
            for i in range(200)
        ]
    )
    account = client_create(username="throughput-client", organization_name="Throughput Co")
    assert account.user.organization is not None
    ids = []
    for n in range(PROJECTS):
        project = project_submit(
            organization=account.user.organization,
            submitted_by=account.user,
            title=f"Help-centre assistant {n}",
            description=(
                "A chat assistant that drafts answers from our help-centre articles with an "
                "LLM API and retrieval over our docs."
            ),
            hourly_budget_max=Decimal("35"),
            desired_start=today + timedelta(days=7),
            required_skills=["RAG", "Python"],
            checklist={"general_model_sufficient": True},
        )
        ids.append(project.pk)
    project = Project.objects.get(pk=ids[-1])
    count = client_match_list(project=project).count()
    if project.status != "matched" or count != MATCHES:
        raise RuntimeError(f"seeding failed: {project.status}, {count} matches")
    return {"token": account.token, "project_id": project.pk}


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as response:  # loopback only
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer 200 within {timeout}s")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def wrk(url: str, token: str, args: argparse.Namespace, duration: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}s", "--latency",
         "--timeout", "5s", "-H", f"Authorization: Token {token}", url],
        check=True, capture_output=True, text=True, timeout=duration + 30,
    ).stdout  # fmt: skip
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw errors for {url}:\n{out}")
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output for {url}:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per endpoint")
    parser.add_argument("--warmup", type=int, default=3, help="seconds before each measurement")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install -y wrk)", file=sys.stderr)
        return 2

    pg = os.environ.get("THROUGHPUT_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    redis_url = os.environ.get("THROUGHPUT_REDIS", "redis://127.0.0.1:6379").rstrip("/")
    broker_db, cache_db = os.environ.get("THROUGHPUT_REDIS_DBS", "10,11").split(",")
    for host_url in (pg, redis_url):  # traffic stays on this machine
        assert "127.0.0.1" in host_url or "localhost" in host_url, host_url

    work = Path(tempfile.mkdtemp(prefix="marketplace-throughput-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "benchmarks.throughput_settings",
        "DATABASE_URL": f"{pg}/{DB_NAME}",
        "CELERY_BROKER_URL": f"{redis_url}/{broker_db}",
        "CACHE_URL": f"{redis_url}/{cache_db}",
        "MARKETPLACE_VAR_DIR": str(work / "var"),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS_ONLY": "0",
        "LOG_LEVEL": "WARNING",
        # Lifted, not removed: the throttle still counts every request.
        "API_THROTTLE_RATE": "100000000/s",
        "WEB_CONCURRENCY": "2",
    }
    print(f"== database {DB_NAME}, Redis DBs {broker_db}/{cache_db}, files in {work}")
    recreate_database(pg)
    import redis as redis_client

    for db in (broker_db, cache_db):
        redis_client.Redis.from_url(f"{redis_url}/{db}").flushdb()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    seeded = json.loads(
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "seed"],
            env={**env, "CELERY_TASK_ALWAYS_EAGER": "1"},
            cwd=ROOT, check=True, capture_output=True, text=True, timeout=300,
        ).stdout.strip().splitlines()[-1]
    )  # fmt: skip

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    project_id = seeded["project_id"]
    endpoints = [
        ("hello-world (DRF, same auth + throttle)", "/bench/hello/"),
        ("GET /projects/{id}/", f"/api/v1/projects/{project_id}/"),
        (f"GET /projects/{{id}}/matches/ ({MATCHES})", f"/api/v1/projects/{project_id}/matches/"),
        (f"GET /projects/ ({PROJECTS} a page)", "/api/v1/projects/"),
    ]
    results: dict[str, dict[str, float]] = {}
    print(f"== gunicorn (gunicorn.conf.py, 2 sync workers) on {base}")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "marketplace.wsgi"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        cwd=ROOT,
        stdout=(work / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_http(f"{base}/health/", timeout=60)
        for name, path in endpoints:
            print(f"== wrk {args.connections} connections, {args.duration}s: {path}")
            wrk(base + path, seeded["token"], args, args.warmup)
            results[name] = wrk(base + path, seeded["token"], args, args.duration)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    print_report(results)
    return 0


def print_report(results: dict[str, dict[str, float]]) -> None:
    hello = next(iter(results.values()))
    print(
        f"\n{'endpoint':42} {'req/s':>8} {'x hello':>8} {'p50 ms':>7} {'x hello':>8} "
        f"{'p99 ms':>7} {'x hello':>8}"
    )
    for name, row in results.items():
        print(
            f"{name:42} {row['rps']:>8.0f} {row['rps'] / hello['rps']:>8.2f} "
            f"{row['p50']:>7.2f} {row['p50'] / hello['p50']:>8.2f} "
            f"{row['p99']:>7.2f} {row['p99'] / hello['p99']:>8.2f}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "seed":
        print(json.dumps(seed()))
    else:
        sys.exit(main())
