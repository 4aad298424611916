"""Load test: 50 clients submitting briefs and reading matches for 60 s, on the real stack.

Starts everything on this machine only (127.0.0.1): a fresh PostgreSQL
database ``marketplace_load``, gunicorn with ``gunicorn.conf.py``, a prefork
Celery worker, and headless locust; seeds ~2,000 specialists and 50 client
users; then prints throughput and p50/p95/p99 per endpoint and for
submit-to-matched (``matched_at - created_at``, read from the database).
Exits non-zero if any request failed or a brief did not reach a result.

    python benchmarks/load.py [--users 50] [--duration 60] [--specialists 2000]

Environment: LOAD_PG (default postgres://postgres@127.0.0.1:5432), LOAD_REDIS
(default redis://127.0.0.1:6379), LOAD_REDIS_DBS (broker,cache; default 8,9).
"""

import argparse
import csv
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DB_NAME = "marketplace_load"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def recreate_database(pg: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def seed(specialists: int, clients: int, tokens_file: Path) -> None:
    """Run inside a Django process (``load.py seed``)."""
    import random
    from datetime import timedelta
    from decimal import Decimal

    import django

    django.setup()
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from accounts.models import Organization, User
    from marketplace.models import Specialist

    rng = random.Random(7)
    skills = {
        "ai_engineer": ["Python", "RAG", "LLM APIs", "LangChain", "embeddings", "agents"],
        "ml_engineer": ["Python", "PyTorch", "MLOps", "feature stores", "Airflow", "monitoring"],
    }
    today = timezone.localdate()
    Specialist.objects.bulk_create(
        [
            Specialist(
                name=f"Specialist {i}",
                email=f"load-specialist-{i}@example.com",
                tier=(tier := "ai_engineer" if i % 2 else "ml_engineer"),
                hourly_rate=Decimal(
                    rng.randint(15, 24) if tier == "ai_engineer" else rng.randint(25, 45)
                ),
                available_from=today + timedelta(days=rng.randint(0, 21)),
                skills=rng.sample(skills[tier], 3),
                vetted=rng.random() < 0.9,
                is_active=True,
            )
            for i in range(specialists)
        ],
        batch_size=500,
    )
    tokens = []
    organizations = [
        Organization.objects.create(name=f"Load client {n}", kind=Organization.Kind.CLIENT)
        for n in range(5)
    ]
    for n in range(clients):
        user = User.objects.create_user(
            username=f"load-client-{n}",
            password=secrets.token_urlsafe(16),
            organization=organizations[n % len(organizations)],
            role=User.Role.CLIENT,
        )
        tokens.append(Token.objects.create(user=user).key)
    tokens_file.write_text(json.dumps(tokens))


def outcomes(started_at: float) -> dict[str, Any]:
    """Run inside a Django process (``load.py report``): what happened to the briefs."""
    import django

    django.setup()
    from marketplace.models import Project

    rows = list(Project.objects.values_list("status", "created_at", "matched_at"))
    latencies = [
        (matched - created).total_seconds() * 1000
        for status, created, matched in rows
        if status == "matched" and matched is not None
    ]
    return {
        "projects": len(rows),
        "by_status": {s: sum(1 for r in rows if r[0] == s) for s in {r[0] for r in rows}},
        "submit_to_matched_ms": latencies,
    }


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


def django_env(
    base: dict[str, str], pg: str, redis: str, dbs: tuple[str, str], var: Path
) -> dict[str, str]:
    return {
        **base,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "marketplace.settings",
        "DATABASE_URL": f"{pg}/{DB_NAME}",
        "CELERY_BROKER_URL": f"{redis}/{dbs[0]}",
        "CACHE_URL": f"{redis}/{dbs[1]}",
        "MARKETPLACE_VAR_DIR": str(var),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS_ONLY": "0",
        "LOG_LEVEL": "WARNING",
    }


def run_django(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--specialists", type=int, default=2000)
    args = parser.parse_args()

    pg = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    redis_url = os.environ.get("LOAD_REDIS", "redis://127.0.0.1:6379").rstrip("/")
    dbs_raw = os.environ.get("LOAD_REDIS_DBS", "8,9").split(",")
    dbs = (dbs_raw[0], dbs_raw[1])
    for host_url in (pg, redis_url):  # traffic stays on this machine
        assert "127.0.0.1" in host_url or "localhost" in host_url, host_url

    work = Path(tempfile.mkdtemp(prefix="marketplace-load-"))
    env = django_env(dict(os.environ), pg, redis_url, dbs, work / "var")
    tokens_file = work / "tokens.json"
    port = free_port()
    processes: list[subprocess.Popen[bytes]] = []

    print(f"== setting up database {DB_NAME}, {args.specialists} specialists, {args.users} clients")
    recreate_database(pg)
    import redis as redis_client

    for db in dbs:
        redis_client.Redis.from_url(f"{redis_url}/{db}").flushdb()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    run_django(env, "seed", str(args.specialists), str(args.users), str(tokens_file))

    try:
        print(f"== starting gunicorn (gunicorn.conf.py) on 127.0.0.1:{port} and a Celery worker")
        processes.append(
            subprocess.Popen(
                [str(BIN / "gunicorn"), "marketplace.wsgi"],
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                cwd=ROOT,
                stdout=(work / "gunicorn.log").open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        processes.append(
            subprocess.Popen(
                [str(BIN / "celery"), "-A", "marketplace", "worker", "--pool=prefork", "-c", "2",
                 "--loglevel=WARNING", "--without-gossip", "--without-mingle"],
                env=env, cwd=ROOT,
                stdout=(work / "worker.log").open("wb"), stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )  # fmt: skip
        wait_http(f"http://127.0.0.1:{port}/health/", timeout=60)

        print(f"== locust: {args.users} users for {args.duration}s")
        started = time.time()
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.duration}s",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(work / "load"),
             "--only-summary", "--stop-timeout", "10", "--exit-code-on-error", "0"],
            env={**os.environ, "LOAD_TOKENS_FILE": str(tokens_file)},
            cwd=ROOT, check=True, timeout=args.duration + 120,
            stdout=(work / "locust.log").open("wb"), stderr=subprocess.STDOUT,
        )  # fmt: skip

        # Let the queue drain: every brief must reach a result.
        deadline = time.monotonic() + 60
        while True:
            report = json.loads(run_django(env, "report", str(started)))
            if report["by_status"].get("pending", 0) == 0 or time.monotonic() > deadline:
                break
            time.sleep(2)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    return print_report(work, report, args)


def print_report(work: Path, report: dict[str, Any], args: argparse.Namespace) -> int:
    with (work / "load_stats.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    print(f"\n== results ({args.users} users, {args.duration}s, files in {work})")
    print(
        f"{'endpoint':34} {'requests':>9} {'failures':>9} {'req/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    failures = 0
    for row in rows:
        name = row["Name"] if row["Type"] else "all"
        name = "ALL" if row["Name"] == "Aggregated" else name
        failures += int(row["Failure Count"]) if row["Name"] != "Aggregated" else 0
        print(
            f"{name:34} {row['Request Count']:>9} {row['Failure Count']:>9} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    latencies = report["submit_to_matched_ms"]
    print(
        f"{'submit -> matched':34} {len(latencies):>9} {'':>9} {'':>7} "
        f"{percentile(latencies, 50):>7.0f} {percentile(latencies, 95):>7.0f} "
        f"{percentile(latencies, 99):>7.0f}"
    )
    if latencies:
        print(f"   (mean {statistics.mean(latencies):.0f} ms, max {max(latencies):.0f} ms)")
    print(f"projects by status: {report['by_status']}")
    not_done = report["by_status"].get("pending", 0) + report["by_status"].get("failed", 0)
    if failures or not_done:
        print(f"FAIL: {failures} failed requests, {not_done} briefs not matched")
        return 1
    print("OK: no failed request, every brief matched")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "seed":
        seed(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "report":
        print(json.dumps(outcomes(float(sys.argv[2]))))
    else:
        sys.exit(main())
