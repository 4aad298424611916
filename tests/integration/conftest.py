"""Real processes for fault tests: a Redis server of our own and Celery worker processes.

Workers are started as the deployment starts them (``celery -A marketplace
worker --pool=prefork``) against the test database that pytest-django made,
so only PostgreSQL will do: an SQLite test database lives in this process's
memory and no other process can see it.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from marketplace.celery import app as celery_app

REPO_ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


POSTGRES_ONLY_REASON = (
    "needs PostgreSQL (set DATABASE_URL=postgres://...): worker processes must "
    "share the test database, and an SQLite test database is in-memory"
)
requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason=POSTGRES_ONLY_REASON
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(predicate: Callable[[], bool], timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def worker_database_url(port: int | None = None) -> str:
    s = connection.settings_dict
    user = s.get("USER") or "postgres"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = "127.0.0.1" if port else s.get("HOST") or "127.0.0.1"
    port = port or s.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{s['NAME']}"


class RedisServer:
    """A throw-away redis-server on a free loopback port, without persistence."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for(self._answers, timeout=10):
            raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    if not _have("redis-server"):
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.kill()


def _have(program: str) -> bool:
    from shutil import which

    return which(program) is not None


class Worker:
    def __init__(self, process: subprocess.Popen[bytes], log: Path) -> None:
        self.process = process
        self.log = log

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def sigkill(self) -> None:
        """Kill the worker as the OOM killer or a lost machine would: no cleanup at all."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.sigkill()


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """Start real ``celery worker`` processes; all are stopped before the database goes."""
    workers: list[Worker] = []

    def start(
        *,
        broker_url: str,
        beat: bool = False,
        database_port: int | None = None,
        queues: str | None = None,
        **env: str,
    ) -> Worker:
        index = len(workers)
        log = tmp_path / f"worker-{index}.log"
        var_dir = tmp_path / f"var-{index}"
        var_dir.mkdir()
        command = [
            str(CELERY), "-A", "marketplace", "worker",
            "--pool=prefork", "-c", "2",
            "--loglevel=INFO",
            "--without-gossip", "--without-mingle",
            "-n", f"faults{index}-{os.getpid()}@%h",
        ]  # fmt: skip
        if beat:
            command += ["-B", "-s", str(var_dir / "celerybeat-schedule")]
        if queues:
            command += ["-Q", queues]
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={
                **os.environ,
                "PYTHONPATH": str(REPO_ROOT),
                "DATABASE_URL": worker_database_url(database_port),
                "CELERY_BROKER_URL": broker_url,
                "MARKETPLACE_VAR_DIR": str(var_dir),
                "CELERY_TASK_ALWAYS_EAGER": "0",
                **env,
            },
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            # Its own process group: SIGKILL reaches the pool children too.
            start_new_session=True,
        )
        worker = Worker(process, log)
        workers.append(worker)
        if not wait_for(lambda: " ready." in worker.log_text(), timeout=30, interval=0.2):
            worker.stop()
            raise RuntimeError(f"worker did not start:\n{worker.log_text()[-3000:]}")
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _reset_publisher_pools() -> None:
    # Drop the app's references only: kombu keeps one global pool per broker
    # URL and hands the same object back, so closing it would poison every
    # later publish to that URL ("Acquire on closed pool").
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def publish_to() -> Iterator[Callable[[str], None]]:
    """Point this process's task publishing (on_commit after API calls) at a broker."""
    saved = {key: os.environ.get(key) for key in ("CELERY_BROKER_URL", "CELERY_BROKER_WRITE_URL")}

    def use(url: str) -> None:
        # Celery reads these variables ahead of its configuration.
        os.environ["CELERY_BROKER_URL"] = url
        os.environ.pop("CELERY_BROKER_WRITE_URL", None)
        _reset_publisher_pools()

    yield use
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _reset_publisher_pools()


def match_integrity(project_ids: list[int]) -> dict[str, Any]:
    """What the no-duplicate assertions need, read from the database."""
    from django.db.models import Count

    from marketplace.models import Project
    from matching.models import Match, MatchRun

    statuses = dict(Project.objects.filter(pk__in=project_ids).values_list("pk", "status"))
    succeeded = (
        MatchRun.objects.filter(project_id__in=project_ids, outcome=MatchRun.Outcome.SUCCEEDED)
        .values("project_id", "inputs_version")
        .annotate(n=Count("id"))
    )
    duplicate_matches = (
        Match.objects.filter(project_id__in=project_ids)
        .values("run_id", "specialist_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    runs = MatchRun.objects.filter(project_id__in=project_ids, outcome=MatchRun.Outcome.SUCCEEDED)
    return {
        "statuses": statuses,
        "succeeded_runs": {(r["project_id"], r["inputs_version"]): r["n"] for r in succeeded},
        "duplicate_matches": list(duplicate_matches),
        "runs_with_wrong_match_count": [
            run.pk for run in runs.annotate(n=Count("matches")) if run.n != run.candidate_count
        ],
    }


class TcpProxy:
    """A loopback TCP proxy the test can cut, as a database restart would.

    While cut, every open connection is dropped and new ones are closed as
    soon as they arrive; restored, it forwards to the target again.
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.up = True
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self._stopped = True
        self.cut()
        self.listener.close()


@pytest.fixture
def database_proxy() -> Iterator[TcpProxy]:
    """A proxy in front of the test database, for workers to connect through."""
    s = connection.settings_dict
    proxy = TcpProxy(s.get("HOST") or "127.0.0.1", int(s.get("PORT") or 5432))
    yield proxy
    proxy.close()
