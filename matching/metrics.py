"""Prometheus metrics of matching: what an operator watches (README, "Metrics").

Defined here, recorded by the matching services and tasks, exposed with the
rest at ``/metrics`` (``marketplace.metrics``). Every metric has a label, so
no sample file is opened until something is recorded (prometheus-client's
multiprocess mode keeps one file per process and kind of metric).
"""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.utils import timezone
from prometheus_client import Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

MATCH_LATENCY = Histogram(
    "marketplace_project_match_latency_seconds",
    "From a project becoming pending (submitted, or its brief changed) to its matched list, "
    "by the trigger of the run that matched it (sweep: recovered after a crash).",
    ["trigger"],
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
)
TASKS = Counter(
    "marketplace_matching_tasks",
    "Executions of the matching task by outcome: matched, retried, postponed (database "
    "away before the pickup), failed (project ended failed), skipped (duplicate or stale).",
    ["outcome"],
)
TASK_DURATION = Histogram(
    "marketplace_matching_task_duration_seconds",
    "Wall time of one execution of the matching task, by outcome.",
    ["outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 90),
)
SWEEPER_REQUEUES = Counter(
    "marketplace_sweeper_requeues",
    "Pending projects the stuck-project sweeper queued again: lost_worker (picked up, "
    "abandoned mid-run) or never_picked_up (message lost).",
    ["reason"],
)
CLASSIFICATIONS = Counter(
    "marketplace_classifications",
    "Role classifications of a project's brief, by the role need found.",
    ["role"],
)
LOW_CONFIDENCE = Counter(
    "marketplace_classifications_low_confidence",
    "Classifications below the staff review threshold (LOW_CONFIDENCE_THRESHOLD), by role.",
    ["role"],
)

TASK_OUTCOMES = ("matched", "retried", "postponed", "failed", "skipped")
# Cumulative age buckets of the pending-projects gauge, in seconds.
PENDING_AGES = (0, 60, 120, 300, 900, 3600)


def task_finished(*, outcome: str, seconds: float) -> None:
    TASKS.labels(outcome=outcome).inc()
    TASK_DURATION.labels(outcome=outcome).observe(seconds)


def project_matched(*, trigger: str, pending_since: datetime, at: datetime) -> None:
    MATCH_LATENCY.labels(trigger=trigger).observe(max((at - pending_since).total_seconds(), 0))


def sweeper_requeued(*, lost_worker: int, never_picked_up: int) -> None:
    if lost_worker:
        SWEEPER_REQUEUES.labels(reason="lost_worker").inc(lost_worker)
    if never_picked_up:
        SWEEPER_REQUEUES.labels(reason="never_picked_up").inc(never_picked_up)


def project_classified(*, role: str, low_confidence: bool) -> None:
    CLASSIFICATIONS.labels(role=role or "none").inc()
    if low_confidence:
        LOW_CONFIDENCE.labels(role=role or "none").inc()


class PendingProjectsCollector(Collector):
    """Pending projects by how long they have been pending, read from the database per scrape.

    A gauge no process could keep right by itself (a project leaves "pending" in
    whichever worker matches it), and cheap: one aggregate over the pending rows.
    """

    def collect(self) -> Iterator[Metric]:
        from marketplace.models import Project

        now = timezone.now()
        counts = {
            f"over_{age}": Count("pk", filter=Q(status_changed_at__lt=now - timedelta(seconds=age)))
            for age in PENDING_AGES
        }
        try:
            row = Project.objects.filter(status=Project.Status.PENDING).aggregate(
                oldest=Min("status_changed_at"), **counts
            )
        except DatabaseError:
            # The rest of the scrape still answers; the gap in this series shows the outage.
            return
        pending = GaugeMetricFamily(
            "marketplace_projects_pending",
            "Projects pending for longer than older_than_seconds (cumulative).",
            labels=["older_than_seconds"],
        )
        for age in PENDING_AGES:
            pending.add_metric([str(age)], row[f"over_{age}"])
        yield pending
        oldest = row["oldest"]
        yield GaugeMetricFamily(
            "marketplace_projects_pending_oldest_seconds",
            "How long the longest-pending project has been pending (0 when none is).",
            value=(now - oldest).total_seconds() if oldest else 0.0,
        )
