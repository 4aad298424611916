"""Writes for matching runs: classify a project and rank specialists for it."""

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from marketplace.models import Project, Specialist
from matching import metrics, wording
from matching import working_hours as wh
from matching.models import Match, MatchRun
from matching.ranking import (
    no_match_reason,
    project_need,
    rank_specialists,
    run_inputs,
    scoring_params,
    trade_offs,
)
from matching.ranking.fit import BriefFit
from matching.ranking.inputs import brief_fit, client_week, overlap_for, read_brief_needs
from matching.ranking.sql import OverlapTable
from matching.relevance.concepts import BriefNeed
from matching.relevance.vocabulary import DOMAIN
from matching.scoring import Need, ScoringParams, monthly_cost
from matching.services.rankers import InCharge, ranker_in_charge
from matching.services.rematch import rematch_marker_clear
from matching.wording import ACCEPTED_BY_CLIENT, desk_move_line, explain, staff_override_reason
from webhooks.services import event_publish

logger = logging.getLogger(__name__)

# Bump when scores or their order change, so runs can be told apart.
ALGORITHM_VERSION = "fit-window-2"


def project_classify(*, project: Project) -> None:
    """Set the project's role need from its brief and checklist (not saved here)."""
    # Imported here: web processes queue runs through this module but never
    # classify, and should not load scikit-learn for it.
    from matching.classifier import LOW_CONFIDENCE_THRESHOLD, classify

    result = classify(
        title=project.title,
        description=project.description,
        required_skills=project.required_skills,
        checklist=project.checklist,
    )
    metrics.project_classified(
        role=result.role_need, low_confidence=result.confidence < LOW_CONFIDENCE_THRESHOLD
    )
    project.classified_role = result.role_need
    project.role_need = project.role_override or result.role_need
    project.role_confidence = result.confidence
    project.role_rationale = list(result.rationale)
    if project.role_override:
        project.role_rationale.insert(
            0,
            staff_override_reason(
                role_display=project.get_role_override_display(),
                reason=project.role_override_reason,
            ),
        )
    # Unanswered questions stay useful after an override only to the client.
    project.clarifying_questions = list(result.clarifying_questions)
    project.inferred_checklist = dict(result.inferred_checklist)
    project.classifier_version = result.version


def _carried_decisions(*, project: Project) -> dict[int, dict[str, Any]]:
    """The latest staff and client decisions on each specialist of this project.

    Every run is kept, so a decision lives on the match it was made on; a new
    run carries the latest one forward for the same project and specialist
    (even from a run before the previous one, when the specialist dropped out
    of a list and came back).
    """
    decided = (
        Match.objects.filter(project=project)
        .filter(
            ~Q(review_status=Match.ReviewStatus.PENDING)
            | Q(reviewed_at__isnull=False)
            | ~Q(client_status=Match.ClientStatus.OPEN)
            | Q(client_decided_at__isnull=False)
        )
        .order_by("run__started_at", "run_id", "id")
        .values("specialist_id", *_REVIEW_FIELDS, *_CLIENT_FIELDS)
    )
    carried: dict[int, dict[str, Any]] = {}
    for row in decided:
        fields = carried.setdefault(row["specialist_id"], {})
        if row["review_status"] != Match.ReviewStatus.PENDING or row["reviewed_at"]:
            fields.update({name: row[name] for name in _REVIEW_FIELDS})
        if row["client_status"] != Match.ClientStatus.OPEN or row["client_decided_at"]:
            fields.update({name: row[name] for name in _CLIENT_FIELDS})
    return carried


_REVIEW_FIELDS = ("review_status", "review_reason", "reviewed_by_id", "reviewed_at")
_CLIENT_FIELDS = ("client_status", "client_reason", "client_decided_at")


@dataclass(frozen=True)
class _RunPlan:
    """What one run ranks with, read once from the locked project."""

    needs: list[BriefNeed]
    need: Need
    params: ScoringParams
    overlap: OverlapTable | None
    brief: BriefFit
    top_k: int
    # The learned re-ranker in charge, if any: it re-orders the window only, and the
    # run records which ranker and version ordered the list (matching.reranker).
    in_charge: InCharge


def project_match(
    *, project_id: int, inputs_version: int | None = None, trigger: str = MatchRun.Trigger.SUBMIT
) -> MatchRun | None:
    """Classify a project and rank specialists for it; safe to run twice.

    The steps, in one transaction holding the project's row lock (which also
    tells the stuck-project sweeper that a live worker has it): lock the
    project unless another run owns the work, plan the run (classify, read the
    brief and the need), open the run, rank and store the matches, and finish:
    the project is matched and partners hear of it. Unexpected errors
    propagate: the task's policy retries and, in the end, marks the project
    failed.
    """
    started = time.monotonic()
    # Before the roster is read: a roster change from here on queues a run of its own.
    rematch_marker_clear(project_id=project_id)
    with transaction.atomic():
        project = _project_lock_for_run(
            project_id=project_id, inputs_version=inputs_version, trigger=trigger
        )
        if project is None:
            return None
        pending_since = (
            project.status_changed_at if project.status == Project.Status.PENDING else None
        )
        plan = _run_plan(project=project)
        run = _match_run_open(project=project, plan=plan, trigger=trigger)
        matches = _matches_rank(project=project, plan=plan, run=run)
        _project_matched(
            project=project, plan=plan, run=run, matches=matches, trigger=trigger, started=started
        )
    if pending_since is not None and project.matched_at is not None:
        metrics.project_matched(trigger=trigger, pending_since=pending_since, at=project.matched_at)
    return run


def _project_lock_for_run(
    *, project_id: int, inputs_version: int | None, trigger: str
) -> Project | None:
    """The project, locked for this run; None when the run has nothing to do."""
    project = Project.objects.select_for_update().filter(pk=project_id).first()
    if project is None:
        return None
    if inputs_version is not None and inputs_version != project.inputs_version:
        # A newer task for the newer inputs is (or was) queued; it owns the work.
        return None
    if (
        trigger in MatchRun.RECOVERY_TRIGGERS
        and project.status == Project.Status.MATCHED
        and project.match_runs.filter(
            inputs_version=project.inputs_version, outcome=MatchRun.Outcome.SUCCEEDED
        ).exists()
    ):
        return None
    return project


def _run_plan(*, project: Project) -> _RunPlan:
    """Classify the project and read what ranking needs from it (the project is not saved)."""
    project_classify(project=project)
    needs = read_brief_needs(project=project)
    project.brief_needs = [n.as_dict() for n in needs]
    need = project_need(project=project, today=timezone.localdate())
    overlap = overlap_for(project=project, need=need)
    return _RunPlan(
        needs=needs,
        need=need,
        params=scoring_params(),
        overlap=overlap,
        brief=brief_fit(project=project, needs=needs),
        top_k=settings.MATCHING_TOP_K,
        in_charge=ranker_in_charge(),
    )


def _match_run_open(*, project: Project, plan: _RunPlan, trigger: str) -> MatchRun:
    return MatchRun.objects.create(
        **plan.in_charge.run_fields,
        project=project,
        trigger=trigger,
        algorithm_version=ALGORITHM_VERSION,
        inputs_version=project.inputs_version,
        classifier_version=project.classifier_version,
        inputs=run_inputs(project=project, need=plan.need, params=plan.params, top_k=plan.top_k),
    )


def _matches_rank(*, project: Project, plan: _RunPlan, run: MatchRun) -> list[Match]:
    """Rank the roster for the run and store its matches, carrying decisions forward."""
    need = plan.need
    carried = _carried_decisions(project=project)
    accepted = {
        specialist_id
        for specialist_id, fields in carried.items()
        if fields.get("client_status") == Match.ClientStatus.ACCEPTED
    }
    ranked = rank_specialists(
        need=need,
        params=plan.params,
        top_k=plan.top_k,
        pinned_ids=accepted,
        brief=plan.brief,
        overlap=plan.overlap,
        ranker=plan.in_charge.ranker,
    )
    run.inputs.update(
        relevance_backend=plan.brief.backend,
        window=ranked.window,
        embeddings_pending=ranked.embeddings_pending,
        semantic_used=ranked.semantic_used,
    )
    inhouse = settings.INHOUSE_MONTHLY_COST_USD.get(need.role)
    notes = overlap_notes(
        project=project,
        need=need,
        ids=[e.scored.candidate.id for e in ranked],
        overlap=plan.overlap,
    )
    matches = []
    for entry in ranked:
        scored = entry.scored
        monthly = monthly_cost(rate=scored.candidate.rate, hours_per_week=need.hours_per_week)
        explanation = explain(
            need=need,
            scored=scored,
            monthly=monthly,
            inhouse_monthly=inhouse,
            fit=entry.fit,
            overlap=notes.get(scored.candidate.id),
        )
        if entry.move is not None:
            explanation.insert(0, desk_move_line(**entry.move.as_words()))
        if entry.pinned:
            explanation.insert(0, ACCEPTED_BY_CLIENT)
        matches.append(
            Match(
                run=run,
                project=project,
                specialist_id=scored.candidate.id,
                rank=entry.rank,
                score=round(scored.total, 6),
                breakdown={name: round(v, 6) for name, v in scored.breakdown.items()},
                explanation=explanation,
                features=dict(entry.features or {}),
                monthly_cost=monthly,
                inhouse_monthly_cost=inhouse,
                **carried.get(scored.candidate.id, {}),
            )
        )
    Match.objects.bulk_create(matches)
    return matches


def _project_matched(
    *,
    project: Project,
    plan: _RunPlan,
    run: MatchRun,
    matches: Sequence[Match],
    trigger: str,
    started: float,
) -> None:
    """Finish the run and the project (trade-offs, why nobody fits), and tell partners."""
    need, params = plan.need, plan.params
    project.trade_offs = trade_offs(
        need=need,
        params=params,
        budget_steps=settings.MATCHING_TRADE_OFF_BUDGET_STEPS_USD,
        start_steps=settings.MATCHING_TRADE_OFF_START_STEPS_DAYS,
        fit_keys=main_domains(plan.needs),
        overlap=plan.overlap,
        overlap_steps=settings.MATCHING_TRADE_OFF_OVERLAP_STEPS_HOURS,
    )
    project.no_match_reason = (
        "" if matches else no_match_reason(need=need, params=params, overlap=plan.overlap)
    )
    now = timezone.now()
    run.outcome = MatchRun.Outcome.SUCCEEDED
    run.finished_at = now
    run.duration_ms = int((time.monotonic() - started) * 1000)
    run.candidate_count = len(matches)
    # One write of the run's result (and of what ranking used, set in _matches_rank):
    # the lookup of the ranker in charge costs a query, this saves one.
    run.save(update_fields=["inputs", "outcome", "finished_at", "duration_ms", "candidate_count"])
    # "matched" even when the list is empty: no_match_reason then says why.
    project.status = Project.Status.MATCHED
    project.status_changed_at = now
    project.matched_at = now
    project.latest_run = run
    project.read_version += 1
    project.save()
    # Deliveries are created in this transaction and sent after it commits.
    event_publish(
        organization=project.organization,
        event="project.matched",
        payload={
            "project_id": project.pk,
            "status": project.status,
            "role_need": project.role_need,
            "role_confidence": project.role_confidence,
            "match_count": len(matches),
            "run_id": run.pk,
            "trigger": trigger,
        },
    )


def main_domains(needs: Sequence[BriefNeed]) -> list[str]:
    """The brief's main problem domains: a strong candidate shows one of them."""
    domains = [n for n in needs if n.kind == DOMAIN]
    if not domains:
        return []
    top = domains[0].weight
    return [n.key for n in domains if n.weight >= top * 0.75][:3]


def overlap_notes(
    *, project: Project, need: Need, ids: Sequence[int], overlap: OverlapTable | None
) -> dict[int, str]:
    """The overlap line of each listed specialist, in the client's time."""
    week = client_week(project)
    if week is None or overlap is None or not ids:
        return {}
    start = wh.first_workday(week=week, start=need.start)
    hours_by_window = overlap.by_window
    notes = {}
    for pk, zone, hours, window in Specialist.objects.filter(pk__in=ids).values_list(
        "pk", "timezone", "working_hours", "work_window"
    ):
        theirs = wh.work_week(timezone=zone, working_hours=hours)
        notes[pk] = wording.overlap_line(
            hours=hours_by_window.get(window, 0.0),
            client_zone=week.timezone,
            client_hours=wh.format_window(week.window),
            intervals=wh.overlap_in_client_time(client=week, specialist=theirs, on=start),
            minimum=need.min_overlap_hours,
        )
    return notes
