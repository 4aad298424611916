"""Reads for the staff workbench: what needs attention, and the review pages' data.

Staff see every organization, so nothing here is tenant-scoped; each function
does its own joins so that a page's query count does not grow with its rows.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.models import Project, Specialist
from marketplace.vocabulary import CHECKLIST_QUESTIONS
from matching.classifier import LOW_CONFIDENCE_THRESHOLD
from matching.models import Decision, Match, MatchRun
from matching.selectors import latest_run, latest_run_id
from webhooks.models import WebhookDelivery
from webhooks.selectors import failing_delivery_q

# Criteria shown as bars, in this order; any other keys a newer ranking adds follow.
# Fit first: it decides among candidates inside the budget and free in time.
BREAKDOWN_ORDER = ("relevance", "tier", "budget", "start", "skills", "timezone")


def projects_with_review_counts(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate ``awaiting_review``: the latest run's matches nobody reviewed yet.

    The latest run is the project's ``latest_run`` pointer, as in the index's counts.
    """
    awaiting = (
        Match.objects.filter(
            run_id=OuterRef("latest_run_id"), review_status=Match.ReviewStatus.PENDING
        )
        .order_by()
        .values("run_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        awaiting_review=Coalesce(Subquery(awaiting, output_field=IntegerField()), 0)
    )


def stuck_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS)


def stuck_project_q() -> Q:
    """Pending for longer than a worker should ever take: a worker died or the queue is stuck."""
    return Q(status=Project.Status.PENDING, status_changed_at__lt=stuck_before())


def low_confidence_project_q() -> Q:
    """Classified with low confidence and not yet settled by staff overriding the role."""
    return Q(role_confidence__lt=LOW_CONFIDENCE_THRESHOLD, role_override="")


def open_project_q() -> Q:
    return Q(closed_at__isnull=True)


def needs_review_projects(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Open projects whose latest run has matches that nobody has reviewed yet."""
    return (
        projects_with_review_counts(queryset)
        .filter(open_project_q())
        .filter(Q(awaiting_review__gt=0))
    )


def matches_awaiting_review_count() -> int:
    """Unreviewed matches of the latest run of every open project.

    Read through ``Project.latest_run``: the matches of one run each, found by
    their run's index, so the count does not grow with older runs' matches.
    """
    latest_runs = Project.objects.filter(open_project_q(), latest_run__isnull=False).values(
        "latest_run_id"
    )
    return Match.objects.filter(
        run_id__in=latest_runs, review_status=Match.ReviewStatus.PENDING
    ).count()


@dataclass(frozen=True)
class AttentionItem:
    key: str
    label: str
    count: int
    url: str


def attention_summary() -> list[AttentionItem]:
    """What staff should look at first, each with the admin list that shows it."""
    from django.urls import reverse

    projects = reverse("admin:marketplace_project_changelist")
    deliveries = reverse("admin:webhooks_webhookdelivery_changelist")
    threshold = f"{LOW_CONFIDENCE_THRESHOLD:.2f}"
    minutes = max(settings.STUCK_PROJECT_AFTER_SECONDS // 60, 1)
    return [
        AttentionItem(
            key="stuck",
            label=f"projects pending for more than {minutes} min",
            count=Project.objects.filter(stuck_project_q()).count(),
            url=f"{projects}?stuck=yes",
        ),
        AttentionItem(
            key="low_confidence",
            label=f"open projects classified with confidence below {threshold}",
            count=Project.objects.filter(open_project_q(), low_confidence_project_q()).count(),
            url=f"{projects}?confidence=low&open=yes",
        ),
        AttentionItem(
            key="awaiting_review",
            label="matches awaiting review",
            count=matches_awaiting_review_count(),
            url=f"{projects}?needs_review=yes",
        ),
        AttentionItem(
            key="failing_webhooks",
            label="failing webhook deliveries",
            count=WebhookDelivery.objects.filter(failing_delivery_q()).count(),
            url=f"{deliveries}?failing=yes",
        ),
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    percent: int


def breakdown_bars(breakdown: Any) -> list[Bar]:
    """The per-criterion scores as bars; odd values are skipped rather than trusted."""
    if not isinstance(breakdown, dict):
        return []
    keys = [key for key in BREAKDOWN_ORDER if key in breakdown]
    keys += sorted(key for key in breakdown if key not in BREAKDOWN_ORDER)
    bars = []
    for key in keys:
        value = breakdown[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        value = min(max(float(value), 0.0), 1.0)
        bars.append(Bar(label=str(key), value=value, percent=round(value * 100)))
    return bars


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return [str(value)] if value else []
    return [str(item) for item in value]


def trade_off_messages(trade_offs: Any) -> list[str]:
    """Each trade-off's human ``message``; anything else stored there is shown as text."""
    if not isinstance(trade_offs, list):
        return _strings(trade_offs)
    messages = []
    for item in trade_offs:
        if isinstance(item, dict):
            messages.append(str(item.get("message") or item))
        else:
            messages.append(str(item))
    return messages


@dataclass(frozen=True)
class MatchRow:
    match: Match
    bars: list[Bar]
    explanation: list[str]
    # The latest review this specialist got for this project in an earlier run.
    earlier_review: Match | None = None


@dataclass(frozen=True)
class ProjectReview:
    latest_run: MatchRun | None
    rows: list[MatchRow]
    runs: list[MatchRun]
    decisions: list[Decision]
    rationale: list[str]
    clarifying_questions: list[str]
    trade_offs: list[str]
    # What was read from the brief: (label, the brief's phrase, its sentence).
    brief_needs: list[tuple[str, str, str]] = field(default_factory=list)
    # The checklist read from the brief: (question, answer shown, confidence, quote).
    inferred_checklist: list[tuple[str, str, float, str]] = field(default_factory=list)


def project_review(
    *, project: Project, runs_shown: int = 10, decisions_shown: int = 50
) -> ProjectReview:
    """Everything the project page shows besides the project's own fields."""
    runs = list(
        MatchRun.objects.filter(project=project).order_by("-started_at", "-id")[:runs_shown]
    )
    latest = next((run for run in runs if run.outcome == MatchRun.Outcome.SUCCEEDED), None)
    if latest is None:
        latest = latest_run(project=project)
    rows = []
    if latest is not None:
        matches = (
            Match.objects.filter(run=latest)
            .select_related("specialist", "reviewed_by")
            .order_by("rank")
        )
        # A new run starts every review afresh; staff should see what they said before.
        earlier: dict[int, Match] = {}
        for old in (
            Match.objects.filter(project=project)
            .exclude(run=latest)
            .exclude(review_status=Match.ReviewStatus.PENDING)
            .select_related("reviewed_by")
            .order_by("reviewed_at", "id")
        ):
            earlier[old.specialist_id] = old
        rows = [
            MatchRow(
                match=match,
                bars=breakdown_bars(match.breakdown),
                explanation=_strings(match.explanation),
                earlier_review=earlier.get(match.specialist_id),
            )
            for match in matches
        ]
    decisions = list(
        Decision.objects.filter(project=project)
        .select_related("specialist", "match")
        .order_by("-created_at", "-id")[:decisions_shown]
    )
    return ProjectReview(
        latest_run=latest,
        rows=rows,
        runs=runs,
        decisions=decisions,
        rationale=_strings(project.role_rationale),
        clarifying_questions=_strings(project.clarifying_questions),
        trade_offs=trade_off_messages(project.trade_offs),
        brief_needs=[
            (str(n.get("label", "")), str(n.get("phrase", "")), str(n.get("quote", "")))
            for n in project.brief_needs or []
            if isinstance(n, dict)
        ],
        inferred_checklist=inferred_checklist_rows(project.inferred_checklist),
    )


def inferred_checklist_rows(inferred: Any) -> list[tuple[str, str, float, str]]:
    """Each checklist question the brief answered, in checklist order, for the review page."""
    if not isinstance(inferred, dict):
        return []
    rows = []
    for key, question in CHECKLIST_QUESTIONS.items():
        item = inferred.get(key)
        if not isinstance(item, dict) or not isinstance(item.get("answer"), bool):
            continue
        confidence = item.get("confidence")
        rows.append(
            (
                question,
                "yes" if item["answer"] else "no",
                float(confidence) if isinstance(confidence, int | float) else 0.0,
                str(item.get("quote", "")),
            )
        )
    return rows


@dataclass(frozen=True)
class SpecialistHistory:
    current: list[Match]
    past: list[Match]
    decisions: list[Decision]


def specialist_history(*, specialist: Specialist, limit: int = 100) -> SpecialistHistory:
    """The specialist's matches, split into those in a project's latest run and older ones."""
    matches = list(
        Match.objects.filter(specialist=specialist)
        .select_related("project", "project__organization", "run")
        .annotate(latest_run_id=latest_run_id("project_id"))
        .order_by("-created_at", "-id")[:limit]
    )
    current: list[Match] = []
    past: list[Match] = []
    for match in matches:
        is_current = match.run_id == match.latest_run_id
        (current if is_current and match.project.is_open else past).append(match)
    decisions = list(
        Decision.objects.filter(specialist=specialist)
        .select_related("project")
        .order_by("-created_at", "-id")[:50]
    )
    return SpecialistHistory(current=current, past=past, decisions=decisions)
