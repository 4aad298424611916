"""Ranking in the database: exact against brute force, the right people, explained runs."""

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from marketplace.models import Project, Specialist
from matching.models import Match, MatchRun
from matching.ranking import (
    no_match_reason,
    project_need,
    rank_roster_in_python,
    rank_specialists,
    scoring_params,
    trade_offs,
)
from matching.scoring import AI_ENGINEER, ML_ENGINEER, Candidate, Need
from matching.services.runs import ALGORITHM_VERSION, project_match
from matching.skills import canonical_skills
from matching.wording import explain
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

SKILL_WORDS = ["LLM", "RAG", "Python", "Kafka", "torch", "SQL", "embeddings", "Airflow"]


def _today() -> Any:
    return timezone.localdate()


def _need(**overrides: Any) -> Need:
    today = _today()
    values: dict[str, Any] = {
        "role": AI_ENGINEER,
        "budget": Decimal("35"),
        "start": today + timedelta(days=7),
        "hours_per_week": 40,
        "required_skills": ("llm", "rag", "kafka"),
        "skill_labels": {"llm": "LLM", "rag": "RAG", "kafka": "Kafka"},
        "today": today,
    }
    values.update(overrides)
    return Need(**values)


def _random_roster(rng: random.Random, size: int) -> None:
    today = _today()
    Specialist.objects.bulk_create(
        SpecialistFactory.build(
            tier=rng.choice([AI_ENGINEER, ML_ENGINEER]),
            # Few distinct rates and dates, so that ties (and tie-breaks) abound.
            hourly_rate=Decimal(rng.choice([15, 20, 25, 25.5, 30, 35, 40, 45, 52.49, 52.5, 60])),
            available_from=today + timedelta(days=rng.choice([-10, 0, 5, 7, 8, 20, 36, 37, 60])),
            hours_per_week=rng.choice([20, 40]),
            committed_hours=rng.choice([0, 0, 0, 20, 40]),
            skills=rng.sample(SKILL_WORDS, rng.randint(0, 5)),
            vetted=rng.random() < 0.85,
            is_active=rng.random() < 0.9,
        )
        for _ in range(size)
    )


def _python_reference(need: Need, top_k: int) -> list[Any]:
    """Every matchable specialist with capacity, ranked in Python."""
    roster = [
        Candidate(
            id=s.pk,
            tier=s.tier,
            rate=s.hourly_rate,
            available_from=s.available_from,
            skill_keys=frozenset(s.skill_keys),
        )
        for s in Specialist.objects.filter(vetted=True, is_active=True)
        if s.hours_per_week - s.committed_hours >= need.hours_per_week
    ]
    return rank_roster_in_python(need=need, params=scoring_params(), top_k=top_k, roster=roster)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_database_ranking_equals_a_brute_force_ranking_of_the_whole_roster(
    seed: int, caplog: Any
) -> None:
    # given a varied roster full of ties, some unvetted, inactive or booked
    rng = random.Random(seed)
    _random_roster(rng, 250)
    needs = [
        _need(),
        _need(role=ML_ENGINEER, budget=Decimal("45"), required_skills=("pytorch", "airflow")),
        _need(required_skills=(), skill_labels={}),
        _need(hours_per_week=20, budget=Decimal("20"), start=_today()),
        _need(budget=Decimal("1000"), start=_today() + timedelta(days=90)),
    ]
    for need in needs:
        # when the database ranks it
        ranked = rank_specialists(need=need, params=scoring_params(), top_k=15)
        expected = _python_reference(need, top_k=15)
        # then the list is exactly the brute-force one, scores and all
        assert [r.scored.candidate.id for r in ranked] == [s.candidate.id for s in expected]
        assert [r.scored.total for r in ranked] == [s.total for s in expected]
        assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
    # and SQL and Python computed bit-identical totals for every row they both saw
    assert "scores differ" not in caplog.text


@pytest.mark.parametrize(
    "need",
    [
        _need,
        lambda: _need(required_skills=(), skill_labels={}),
        lambda: _need(role=ML_ENGINEER),
    ],
)
def test_ties_far_wider_than_the_list_are_broken_by_rate_then_date_then_id(need: Any) -> None:
    # given sixty specialists who all score the same (within budget, in time, same skills)
    today = _today()
    rng = random.Random(5)
    for tier in (AI_ENGINEER, ML_ENGINEER):
        Specialist.objects.bulk_create(
            SpecialistFactory.build(
                tier=tier,
                hourly_rate=Decimal(rng.choice([20, 25, 30, 35])),
                available_from=today + timedelta(days=rng.choice([0, 3, 7])),
                skills=["LLM", "RAG"],
            )
            for _ in range(30)
        )
    # when five are listed
    ranked = rank_specialists(need=need(), params=scoring_params(), top_k=5)
    # then they are the brute-force five: cheapest, then soonest, then oldest
    expected = _python_reference(need(), top_k=5)
    assert [r.scored.candidate.id for r in ranked] == [s.candidate.id for s in expected]
    assert len({r.scored.total for r in ranked}) == 1


def test_criteria_weighted_zero_still_break_ties_in_the_database(settings: Any) -> None:
    # given weights that ignore budget and skills, and a roster tied on the rest
    settings.MATCHING_WEIGHTS = {"tier": 1, "budget": 0, "start": 1, "skills": 0}
    rng = random.Random(9)
    Specialist.objects.bulk_create(
        SpecialistFactory.build(
            hourly_rate=Decimal(rng.choice([20, 40, 45])),
            skills=rng.sample(["LLM", "RAG", "Kafka"], rng.randint(0, 3)),
        )
        for _ in range(60)
    )
    need = _need()
    # when ranked, the list still equals the brute-force one (skills, then budget)
    ranked = rank_specialists(need=need, params=scoring_params(), top_k=5)
    expected = _python_reference(need, top_k=5)
    assert [r.scored.candidate.id for r in ranked] == [s.candidate.id for s in expected]
    assert [r.scored.skills for r in ranked] == [1.0] * 5


def test_an_ml_need_takes_ml_engineers_only() -> None:
    ml = SpecialistFactory(tier=ML_ENGINEER, skills=["PyTorch"])
    SpecialistFactory(tier=AI_ENGINEER, skills=["PyTorch"], hourly_rate=Decimal("15"))
    ranked = rank_specialists(
        need=_need(role=ML_ENGINEER, required_skills=("pytorch",)),
        params=scoring_params(),
        top_k=20,
    )
    assert [r.scored.candidate.id for r in ranked] == [ml.pk]


def test_an_ai_need_lists_ml_engineers_below_comparable_ai_engineers() -> None:
    # given an ML engineer cheaper than an otherwise identical AI engineer
    ml = SpecialistFactory(tier=ML_ENGINEER, hourly_rate=Decimal("20"), skills=["LLM"])
    ai = SpecialistFactory(tier=AI_ENGINEER, hourly_rate=Decimal("30"), skills=["LLM"])
    ranked = rank_specialists(
        need=_need(required_skills=("llm",)), params=scoring_params(), top_k=20
    )
    # then both are listed, the AI engineer first
    assert [r.scored.candidate.id for r in ranked] == [ai.pk, ml.pk]
    assert ranked[1].scored.tier < ranked[0].scored.tier


@pytest.mark.parametrize("seed", [4, 5])
def test_an_uncertain_call_ranks_in_the_database_as_in_python(seed: int, caplog: Any) -> None:
    _random_roster(random.Random(seed), 250)
    for role in (AI_ENGINEER, ML_ENGINEER):
        need = _need(role=role, role_uncertain=True)
        ranked = rank_specialists(need=need, params=scoring_params(), top_k=15)
        expected = _python_reference(need, top_k=15)
        assert [r.scored.candidate.id for r in ranked] == [s.candidate.id for s in expected]
        assert [r.scored.total for r in ranked] == [s.total for s in expected]
    assert "scores differ" not in caplog.text


def test_an_uncertain_ml_call_lists_ai_engineers_too_and_ranks_them_on_fit() -> None:
    # given an ML engineer and a cheaper AI engineer, otherwise alike
    ml = SpecialistFactory(tier=ML_ENGINEER, hourly_rate=Decimal("30"), skills=["PyTorch"])
    ai = SpecialistFactory(tier=AI_ENGINEER, hourly_rate=Decimal("20"), skills=["PyTorch"])
    # and a project the classifier called ML engineering without confidence
    project = _project(required_skills=["PyTorch"], role_need=ML_ENGINEER, role_confidence=0.58)
    need = project_need(project=project, today=_today())
    assert need.role_uncertain
    # when it is ranked, both are listed on an equal footing for the role
    ranked = rank_specialists(need=need, params=scoring_params(), top_k=20)
    assert [r.scored.candidate.id for r in ranked] == [ai.pk, ml.pk]
    assert [r.scored.tier for r in ranked] == [1.0, 1.0]
    # and the explanation says why an AI engineer is on an ML list
    [line] = [
        reason
        for reason in explain(need=need, scored=ranked[0].scored)
        if reason.startswith("AI engineer")
    ]
    assert "not clearly enough to rule either out" in line
    # and the strong candidates of the trade-offs count both roles
    offers = trade_offs(need=need, params=scoring_params(), budget_steps=[], start_steps=[])
    assert offers[0]["strong_candidates"] == 2


@pytest.mark.parametrize(
    "settled",
    [{"role_confidence": 0.91}, {"role_override": ML_ENGINEER}, {"role_confidence": None}],
)
def test_a_confident_or_settled_ml_call_takes_ml_engineers_only(settled: dict[str, Any]) -> None:
    SpecialistFactory(tier=AI_ENGINEER, skills=["PyTorch"])
    ml = SpecialistFactory(tier=ML_ENGINEER, skills=["PyTorch"])
    values = {"role_need": ML_ENGINEER, "role_confidence": 0.58, **settled}
    project = _project(required_skills=["PyTorch"], **values)
    need = project_need(project=project, today=_today())
    assert not need.role_uncertain
    ranked = rank_specialists(need=need, params=scoring_params(), top_k=20)
    assert [r.scored.candidate.id for r in ranked] == [ml.pk]


def test_unvetted_inactive_and_booked_specialists_are_not_offered() -> None:
    free = SpecialistFactory(hours_per_week=40, committed_hours=0)
    SpecialistFactory(vetted=False)
    SpecialistFactory(is_active=False)
    half_booked = SpecialistFactory(hours_per_week=40, committed_hours=20)  # 20 h left
    part_time = SpecialistFactory(hours_per_week=30, committed_hours=10)  # 20 h left
    params = scoring_params()

    full_time = rank_specialists(need=_need(hours_per_week=40), params=params, top_k=20)
    half_time = rank_specialists(need=_need(hours_per_week=20), params=params, top_k=20)

    assert {r.scored.candidate.id for r in full_time} == {free.pk}
    assert {r.scored.candidate.id for r in half_time} == {free.pk, half_booked.pk, part_time.pk}


def test_specialists_far_over_budget_or_far_too_late_are_not_listed() -> None:
    today = _today()
    need = _need(start=today)
    SpecialistFactory(hourly_rate=Decimal("52.50"))  # budget score 0 at $35
    SpecialistFactory(available_from=today + timedelta(days=30))  # start score 0
    edge = SpecialistFactory(hourly_rate=Decimal("52.49"), available_from=today + timedelta(29))
    ranked = rank_specialists(need=need, params=scoring_params(), top_k=20)
    assert [r.scored.candidate.id for r in ranked] == [edge.pk]


def test_synonyms_count_as_covered_skills() -> None:
    # given a specialist who wrote "large language models" and "retrieval-augmented generation"
    SpecialistFactory(skills=["large language models", "retrieval-augmented generation", "torch"])
    project_skills = ["LLM", "RAG", "PyTorch", "Kafka"]
    need = _need(
        required_skills=tuple(canonical_skills(project_skills)),
        skill_labels=dict(zip(canonical_skills(project_skills), project_skills, strict=True)),
    )
    [entry] = rank_specialists(need=need, params=scoring_params(), top_k=20)
    assert entry.scored.skills == 0.75
    assert entry.scored.missing == ("kafka",)


# --- Trade-offs and no-match reasons -------------------------------------------------


def test_trade_offs_count_strong_candidates_a_higher_budget_or_later_start_would_bring() -> None:
    today = _today()
    start = today + timedelta(days=7)

    def add(rate: int, days: int, skills: list[str] | None = None, **extra: Any) -> None:
        SpecialistFactory(
            hourly_rate=Decimal(rate),
            available_from=today + timedelta(days=days),
            skills=skills or ["LLM", "RAG"],
            **extra,
        )

    add(30, 0)  # strong already
    add(35, 7)  # strong already: on budget, on the start date
    add(38, 0)  # within +$5
    add(40, 0)  # within +$5
    add(44, 0)  # within +$10
    add(30, 12)  # within a week later
    add(30, 19)  # within two weeks later
    add(30, 0, skills=["Go"])  # too few of the required skills
    add(30, 0, tier=ML_ENGINEER)  # not the tier the project needs

    offers = trade_offs(
        need=_need(start=start, required_skills=("llm", "rag", "kafka")),
        params=scoring_params(),
        budget_steps=(5, 10),
        start_steps=(7, 14),
    )

    by_kind = {(o["kind"], o.get("delta_usd_per_hour") or o.get("delta_days")): o for o in offers}
    assert by_kind[("current", None)]["strong_candidates"] == 2
    assert by_kind[("budget", 5)]["additional_candidates"] == 2
    assert by_kind[("budget", 10)]["additional_candidates"] == 3
    assert by_kind[("start", 7)]["additional_candidates"] == 1
    assert by_kind[("start", 14)]["additional_candidates"] == 2
    assert by_kind[("budget", 10)]["message"] == "+$10/h (up to $45/h): 3 more strong candidates"
    assert all(isinstance(o["message"], str) and o["message"] for o in offers)


def test_no_match_reason_says_when_nobody_of_the_tier_is_on_the_roster() -> None:
    SpecialistFactory(tier=AI_ENGINEER)
    reason = no_match_reason(need=_need(role=ML_ENGINEER), params=scoring_params())
    assert reason == "No vetted ML engineers are on the roster right now."


def test_no_match_reason_says_when_everyone_is_booked() -> None:
    SpecialistFactory(tier=ML_ENGINEER, hours_per_week=40, committed_hours=40)
    SpecialistFactory(tier=ML_ENGINEER, hours_per_week=40, committed_hours=30)
    reason = no_match_reason(need=_need(role=ML_ENGINEER), params=scoring_params())
    assert reason == "All 2 vetted ML engineers are booked: none has 40 hours a week free."


def test_no_match_reason_names_the_cheapest_rate_when_all_are_too_dear() -> None:
    SpecialistFactory(tier=ML_ENGINEER, hourly_rate=Decimal("80"))
    SpecialistFactory(tier=ML_ENGINEER, hourly_rate=Decimal("95"))
    reason = no_match_reason(need=_need(role=ML_ENGINEER), params=scoring_params())
    assert "the cheapest charges $80/h" in reason
    assert "$35/h budget" in reason


def test_no_match_reason_names_the_earliest_date_when_all_are_too_late() -> None:
    late = _today() + timedelta(days=90)
    SpecialistFactory(tier=ML_ENGINEER, available_from=late)
    reason = no_match_reason(need=_need(role=ML_ENGINEER), params=scoring_params())
    assert f"the earliest is free on {late.isoformat()}" in reason


# --- A whole run -------------------------------------------------------------------------


def _project(**overrides: Any) -> Project:
    values: dict[str, Any] = {
        "hourly_budget_max": Decimal("35"),
        "required_skills": ["LLM", "RAG", "Python", "Kafka"],
        "general_model_sufficient": True,
    }
    values.update(overrides)
    return ProjectFactory(**values)


def test_a_run_stores_explained_matches_with_costs_and_the_inputs_it_used(settings: Any) -> None:
    # given a specialist who fits and a client project
    specialist = SpecialistFactory(
        hourly_rate=Decimal("28"),
        available_from=_today() + timedelta(days=4),
        skills=["large language models", "RAG", "Python"],
    )
    project = _project(desired_start=_today() + timedelta(days=7))

    # when the project is matched
    run = project_match(project_id=project.pk)

    # then the run succeeded and says what it used
    assert run is not None
    run.refresh_from_db()
    project.refresh_from_db()
    assert run.outcome == MatchRun.Outcome.SUCCEEDED
    assert run.algorithm_version == ALGORITHM_VERSION
    assert run.duration_ms is not None
    assert run.inputs["role_need"] == project.role_need == AI_ENGINEER
    assert run.inputs["required_skill_keys"] == ["llm", "rag", "python", "kafka"]
    assert run.inputs["hourly_budget_max"] == "35.00"
    assert set(run.inputs["weights"]) == {
        "tier",
        "budget",
        "start",
        "skills",
        "relevance",
        "timezone",
    }
    # and the match carries rank, score, breakdown, reasons and costs
    [match] = run.matches.all()
    assert match.specialist_id == specialist.pk
    assert match.rank == 1
    assert 0 <= match.score <= 1
    relevance = match.breakdown.pop("relevance")
    assert 0 < relevance <= 1
    assert match.breakdown == {"tier": 1.0, "budget": 1.0, "start": 1.0, "skills": 0.75}
    # fit to the brief comes first, quoting both sides; then one line per criterion
    assert match.explanation[0].startswith("Fits your brief on ")
    criteria_lines = match.explanation.index("AI engineer, the role your project needs")
    assert match.explanation[criteria_lines : criteria_lines + 4] == [
        "AI engineer, the role your project needs",
        "$28/h, within your $35 budget",
        "available 3 days before your start date",
        "covers 3 of 4 required skills; missing: Kafka",
    ]
    assert match.monthly_cost == Decimal("4853.33")
    assert match.inhouse_monthly_cost == settings.INHOUSE_MONTHLY_COST_USD[AI_ENGINEER]
    # and the project is matched, with trade-offs and no excuse
    assert project.status == Project.Status.MATCHED
    assert project.no_match_reason == ""
    assert project.trade_offs[0]["kind"] == "current"
    assert all("message" in offer for offer in project.trade_offs)


def test_a_project_nobody_fits_is_matched_with_an_empty_list_and_says_why() -> None:
    SpecialistFactory(hourly_rate=Decimal("90"))
    project = _project()

    run = project_match(project_id=project.pk)

    project.refresh_from_db()
    assert run is not None
    assert run.matches.count() == 0
    assert project.status == Project.Status.MATCHED
    assert "the cheapest charges $90/h" in project.no_match_reason


def test_matching_twice_for_the_same_submission_keeps_one_run() -> None:
    SpecialistFactory()
    project = _project()
    first = project_match(project_id=project.pk, trigger="submit")
    second = project_match(project_id=project.pk, trigger="submit")
    assert first is not None
    assert second is None
    assert project.match_runs.count() == 1


def test_a_task_for_outdated_inputs_does_nothing() -> None:
    project = _project(inputs_version=3)
    assert project_match(project_id=project.pk, inputs_version=2, trigger="project_update") is None
    assert not project.match_runs.exists()


def test_a_run_costs_the_same_queries_whatever_the_roster_size() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(7)
    counts = []
    for extra in (300, 900):
        _random_roster(rng, extra)
        project = _project()
        with CaptureQueriesContext(connection) as queries:
            project_match(project_id=project.pk)
        counts.append(len(queries))
        assert project.match_runs.get().matches.count() == 20
    assert counts[0] == counts[1], counts
    assert counts[1] <= 16, counts


def test_matches_endpoint_shows_rank_score_breakdown_and_reasons(client_user: Any) -> None:
    SpecialistFactory(hourly_rate=Decimal("28"), skills=["LLM"])
    project = _project(organization=client_user.organization, required_skills=["LLM"])
    project_match(project_id=project.pk)

    body = token_client(client_user).get(f"/api/v1/projects/{project.pk}/matches/").json()

    [item] = body["results"]
    assert item["rank"] == 1
    assert 0 <= item["score"] <= 1
    assert set(item["breakdown"]) >= {"tier", "budget", "start", "skills"}
    assert "$28/h, within your $35 budget" in item["explanation"]
    assert Decimal(item["monthly_cost"]) == Decimal("4853.33")
    assert {"id", "name", "tier", "hourly_rate", "available_from", "skills"} <= set(
        item["specialist"]
    )


def test_a_desired_start_that_has_passed_counts_from_today() -> None:
    project = _project(desired_start=_today() - timedelta(days=20))
    project.role_need = AI_ENGINEER
    need = project_need(project=project, today=_today())
    assert need.start == _today()


def test_matches_of_a_run_are_unique_and_ranked_from_one() -> None:
    _random_roster(random.Random(11), 120)
    project = _project()
    run = project_match(project_id=project.pk)
    assert run is not None
    ranks = list(Match.objects.filter(run=run).order_by("rank").values_list("rank", flat=True))
    assert ranks == list(range(1, len(ranks) + 1))
