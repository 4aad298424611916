"""Pure scoring: per-criterion scores, totals, orderings that must always hold, reasons."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from matching.scoring import (
    AI_ENGINEER,
    CRITERIA,
    ML_ENGINEER,
    Candidate,
    Need,
    ScoringConfigError,
    ScoringParams,
    Weights,
    budget_score,
    eligible_tiers,
    is_listable,
    monthly_cost,
    rank,
    score,
    skills_score,
    start_score,
    tier_score,
)
from matching.wording import explain

TODAY = date(2030, 1, 1)
START = date(2030, 1, 10)
DEFAULT = ScoringParams(
    weights=Weights.normalised({"tier": 0.35, "budget": 0.25, "start": 0.2, "skills": 0.2})
)


def need(**overrides: object) -> Need:
    values: dict = {
        "role": AI_ENGINEER,
        "budget": Decimal("35"),
        "start": START,
        "hours_per_week": 40,
        "required_skills": ("llm", "rag", "python", "kafka"),
        "skill_labels": {"llm": "LLM", "rag": "RAG", "python": "Python", "kafka": "Kafka"},
        "today": TODAY,
    }
    values.update(overrides)
    return Need(**values)


def candidate(**overrides: object) -> Candidate:
    values: dict = {
        "id": 1,
        "tier": AI_ENGINEER,
        "rate": Decimal("28"),
        "available_from": START - timedelta(days=3),
        "skill_keys": frozenset({"llm", "rag", "python"}),
    }
    values.update(overrides)
    return Candidate(**values)


def no_better(a: Candidate, *, dearer: int, later: int, less_overlap: float) -> Candidate:
    """A variant of ``a`` no better on anything: dearer by cents, later by days, less overlap."""
    return candidate(
        id=a.id + 1,
        tier=a.tier,
        rate=a.rate + Decimal(dearer) / 100,
        available_from=a.available_from + timedelta(days=later),
        skill_keys=a.skill_keys,
        concept_keys=a.concept_keys,
        overlap_hours=max(0.0, (a.overlap_hours or 0.0) - less_overlap),
    )


# --- Strategies ------------------------------------------------------------------

SKILLS = ("llm", "rag", "python", "kafka", "pytorch", "sql")
rates = st.integers(min_value=1, max_value=200_00).map(lambda cents: Decimal(cents) / 100)
budgets = st.integers(min_value=1, max_value=1000_00).map(lambda cents: Decimal(cents) / 100)
offsets = st.integers(min_value=-60, max_value=90)
weights = st.fixed_dictionaries(
    {name: st.one_of(st.just(0.0), st.floats(min_value=0.001, max_value=10)) for name in CRITERIA}
).filter(lambda w: sum(w.values()) > 0)
params_strategy = st.builds(
    ScoringParams,
    weights=weights.map(Weights.normalised),
    budget_falloff=st.sampled_from([Decimal("0.1"), Decimal("0.5"), Decimal("1"), Decimal("2")]),
    start_falloff_days=st.integers(min_value=1, max_value=90),
    overqualified_tier_score=st.floats(min_value=0, max_value=1),
)
CONCEPTS = ("payment-fraud", "document-qa", "real-time-serving", "industry-retail")
concept_needs = st.lists(
    st.tuples(st.sampled_from(CONCEPTS), st.sampled_from([0.3, 0.6, 0.9, 1.0, 1.5])),
    unique_by=lambda pair: pair[0],
    max_size=4,
).map(tuple)
needs = st.builds(
    need,
    role=st.sampled_from([AI_ENGINEER, ML_ENGINEER]),
    role_uncertain=st.booleans(),
    budget=budgets,
    required_skills=st.lists(st.sampled_from(SKILLS), unique=True, max_size=5).map(tuple),
    concepts=concept_needs,
    overlap_wanted=st.one_of(st.none(), st.sampled_from([1.0, 3.0, 4.0, 8.0])),
)
candidates = st.builds(
    candidate,
    id=st.integers(min_value=1, max_value=10_000),
    tier=st.sampled_from([AI_ENGINEER, ML_ENGINEER]),
    rate=rates,
    available_from=offsets.map(lambda days: START + timedelta(days=days)),
    skill_keys=st.frozensets(st.sampled_from(SKILLS)),
    concept_keys=st.frozensets(st.sampled_from(CONCEPTS)),
    overlap_hours=st.one_of(st.none(), st.floats(min_value=0, max_value=10)),
)


# --- Per criterion -------------------------------------------------------------------


def test_tier_fits_an_ml_need_only_with_ml_engineers() -> None:
    assert eligible_tiers(ML_ENGINEER) == (ML_ENGINEER,)
    assert tier_score(role=ML_ENGINEER, tier=ML_ENGINEER, params=DEFAULT) == 1.0
    assert tier_score(role=ML_ENGINEER, tier=AI_ENGINEER, params=DEFAULT) == 0.0


def test_an_ai_need_prefers_ai_engineers_and_scores_ml_engineers_lower() -> None:
    assert eligible_tiers(AI_ENGINEER) == (AI_ENGINEER, ML_ENGINEER)
    ai = tier_score(role=AI_ENGINEER, tier=AI_ENGINEER, params=DEFAULT)
    ml = tier_score(role=AI_ENGINEER, tier=ML_ENGINEER, params=DEFAULT)
    assert ai == 1.0
    assert 0 < ml < ai


@pytest.mark.parametrize("role", [AI_ENGINEER, ML_ENGINEER])
def test_an_uncertain_call_lists_both_roles_alike(role: str) -> None:
    assert eligible_tiers(role, uncertain=True) == (AI_ENGINEER, ML_ENGINEER)
    for tier in (AI_ENGINEER, ML_ENGINEER):
        assert tier_score(role=role, tier=tier, params=DEFAULT, uncertain=True) == 1.0
    assert need(role=role, role_uncertain=True).tiers == (AI_ENGINEER, ML_ENGINEER)


def test_budget_is_one_within_the_budget_and_falls_off_above_it() -> None:
    falloff = 17.5  # half of $35
    assert budget_score(rate=Decimal("20"), budget=Decimal("35"), falloff_usd=falloff) == 1.0
    assert budget_score(rate=Decimal("35"), budget=Decimal("35"), falloff_usd=falloff) == 1.0
    assert budget_score(rate=Decimal("43.75"), budget=Decimal("35"), falloff_usd=falloff) == 0.5
    assert budget_score(rate=Decimal("52.50"), budget=Decimal("35"), falloff_usd=falloff) == 0.0
    assert budget_score(rate=Decimal("90"), budget=Decimal("35"), falloff_usd=falloff) == 0.0


def test_start_is_one_when_available_in_time_and_loses_a_share_each_day_late() -> None:
    assert start_score(days_late=-3, falloff_days=30) == 1.0
    assert start_score(days_late=0, falloff_days=30) == 1.0
    assert start_score(days_late=1, falloff_days=30) == pytest.approx(29 / 30)
    assert start_score(days_late=15, falloff_days=30) == 0.5
    assert start_score(days_late=45, falloff_days=30) == 0.0


def test_skills_score_is_the_share_covered_and_one_when_none_are_required() -> None:
    assert skills_score(covered=3, required=4) == 0.75
    assert skills_score(covered=0, required=2) == 0.0
    assert skills_score(covered=0, required=0) == 1.0


def test_score_reports_covered_and_missing_skills_in_the_clients_order() -> None:
    result = score(need=need(), candidate=candidate(), params=DEFAULT)
    assert result.covered == ("llm", "rag", "python")
    assert result.missing == ("kafka",)
    # No brief concepts: fit is silent (0 for all); no time zone: not shown.
    assert result.breakdown == {
        "tier": 1.0,
        "budget": 1.0,
        "start": 1.0,
        "skills": 0.75,
        "relevance": 0.0,
    }
    assert result.total == pytest.approx(0.35 + 0.25 + 0.2 + 0.2 * 0.75)


# --- Weights ---------------------------------------------------------------------------


def test_weights_are_normalised_to_sum_to_one() -> None:
    w = Weights.normalised({"tier": 2, "budget": 1, "start": 1, "skills": 0})
    assert (w.tier, w.budget, w.start, w.skills) == (0.5, 0.25, 0.25, 0.0)


@pytest.mark.parametrize(
    "raw",
    [
        {"tier": -1, "budget": 1},
        {"tier": 0, "budget": 0, "start": 0, "skills": 0},
        {"tier": 1, "colour": 1},
        {"tier": float("nan")},
    ],
)
def test_unusable_weights_are_refused(raw: dict) -> None:
    with pytest.raises(ScoringConfigError):
        Weights.normalised(raw)


# --- Properties ----------------------------------------------------------------------------


@given(need=needs, candidate=candidates, params=params_strategy)
def test_every_score_and_the_total_stay_in_the_unit_interval(
    need: Need, candidate: Candidate, params: ScoringParams
) -> None:
    result = score(need=need, candidate=candidate, params=params)
    for value in (*result.breakdown.values(), result.total):
        assert 0.0 <= value <= 1.0


# Random pairs, one dominating the other: on the criteria of before (the new ones are
# held by the constructive test below), so few enough pairs are filtered out.
plain_needs = st.builds(
    need,
    role=st.sampled_from([AI_ENGINEER, ML_ENGINEER]),
    role_uncertain=st.booleans(),
    budget=budgets,
    required_skills=st.lists(st.sampled_from(SKILLS), unique=True, max_size=5).map(tuple),
)
plain_candidates = st.builds(
    candidate,
    id=st.integers(min_value=1, max_value=10_000),
    tier=st.sampled_from([AI_ENGINEER, ML_ENGINEER]),
    rate=rates,
    available_from=offsets.map(lambda days: START + timedelta(days=days)),
    skill_keys=st.frozensets(st.sampled_from(SKILLS)),
)


# Independent random pairs are comparable only now and then (about one in ten), so the
# pair is put in order before the filter and the filter health check is relaxed: with it,
# a run that happened to draw few comparable pairs early failed CI without finding a bug.
@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(need=plain_needs, params=params_strategy, a=plain_candidates, b=plain_candidates)
def test_a_candidate_at_least_as_good_on_every_criterion_never_ranks_below_a_worse_one(
    need: Need, params: ScoringParams, a: Candidate, b: Candidate
) -> None:
    # given two candidates, one at least as good on every criterion and better on one
    sa = score(need=need, candidate=a, params=params)
    sb = score(need=need, candidate=b, params=params)
    if not all(getattr(sa, c) >= getattr(sb, c) for c in CRITERIA):
        sa, sb = sb, sa
    at_least = all(getattr(sa, c) >= getattr(sb, c) for c in CRITERIA)
    assume(at_least and sa.breakdown != sb.breakdown)
    # when both are ranked, in either input order
    # then the better one comes first and scores at least as high
    assert sa.total >= sb.total
    assert rank([sa, sb], top_k=2)[0] is sa
    assert rank([sb, sa], top_k=2)[0] is sa


@given(
    need=needs,
    params=params_strategy,
    base=candidates,
    cheaper=st.integers(min_value=0, max_value=50_00),
    earlier=st.integers(min_value=0, max_value=60),
    extra_skills=st.frozensets(st.sampled_from(SKILLS)),
)
def test_a_cheaper_earlier_more_skilled_variant_never_ranks_below_the_original(
    need: Need,
    params: ScoringParams,
    base: Candidate,
    cheaper: int,
    earlier: int,
    extra_skills: frozenset[str],
) -> None:
    # given a candidate and a variant that is no dearer, no later and knows more
    rate = max(Decimal("0.01"), base.rate - Decimal(cheaper) / 100)
    better = candidate(
        id=base.id + 1,
        tier=base.tier,
        rate=rate,
        available_from=base.available_from - timedelta(days=earlier),
        skill_keys=base.skill_keys | extra_skills,
        concept_keys=base.concept_keys,
        overlap_hours=base.overlap_hours,
    )
    original = score(need=need, candidate=base, params=params)
    improved = score(need=need, candidate=better, params=params)
    # then every criterion is at least as good, and so is the place in the list
    for c in CRITERIA:
        assert getattr(improved, c) >= getattr(original, c)
    assert improved.total >= original.total
    if improved.breakdown != original.breakdown:
        assert rank([original, improved], top_k=2)[0] is improved


@given(
    need=needs, params=params_strategy, pool=st.lists(candidates, max_size=30), seed=st.integers()
)
def test_ranking_is_deterministic_whatever_the_input_order(
    need: Need, params: ScoringParams, pool: list[Candidate], seed: int
) -> None:
    unique = list({c.id: c for c in pool}.values())
    scored = [score(need=need, candidate=c, params=params) for c in unique]
    shuffled = scored[:]
    random.Random(seed).shuffle(shuffled)
    assert [s.candidate.id for s in rank(scored, top_k=10)] == [
        s.candidate.id for s in rank(shuffled, top_k=10)
    ]


def test_listable_means_right_tier_some_budget_score_and_some_start_score_left() -> None:
    n = need(role=ML_ENGINEER)
    assert is_listable(need=n, candidate=candidate(tier=ML_ENGINEER), params=DEFAULT)
    assert not is_listable(need=n, candidate=candidate(tier=AI_ENGINEER), params=DEFAULT)
    # $52.50 is where a $35 budget's score reaches 0; $52.49 still scores
    assert n.max_listed_rate(DEFAULT) == Decimal("52.49")
    late = START + timedelta(days=DEFAULT.start_falloff_days)
    assert not is_listable(
        need=n, candidate=candidate(tier=ML_ENGINEER, available_from=late), params=DEFAULT
    )


# --- Reasons and money --------------------------------------------------------------------


def test_explanation_speaks_in_dollars_days_and_skills() -> None:
    # given an AI engineer at $28/h, free 3 days early, missing Kafka
    n = need()
    result = score(need=n, candidate=candidate(), params=DEFAULT)
    # when explained with its monthly cost
    reasons = explain(
        need=n,
        scored=result,
        monthly=monthly_cost(rate=Decimal("28"), hours_per_week=40),
        inhouse_monthly=Decimal("12000"),
    )
    # then each criterion has a reason a client understands
    assert reasons == [
        "AI engineer, the role your project needs",
        "$28/h, within your $35 budget",
        "available 3 days before your start date",
        "covers 3 of 4 required skills; missing: Kafka",
        "about $4,853/month at 40 h/week, against about $12,000/month for an in-house AI engineer",
    ]


def test_explanation_says_when_a_specialist_is_dearer_later_and_overqualified() -> None:
    n = need(required_skills=("kafka",), skill_labels={"kafka": "Kafka"})
    c = candidate(
        tier=ML_ENGINEER,
        rate=Decimal("40.50"),
        available_from=START + timedelta(days=1),
        skill_keys=frozenset({"kafka"}),
    )
    reasons = explain(need=n, scored=score(need=n, candidate=c, params=DEFAULT))
    assert reasons[0].startswith("ML engineer: overqualified")
    assert "dearer" in reasons[0]
    assert reasons[1] == "$40.50/h, $5.50 over your $35 budget"
    assert reasons[2] == "available 1 day after your start date"
    assert reasons[3] == "covers the required skill"


def test_explanation_says_free_now_and_lists_every_missing_skill() -> None:
    n = need()
    c = candidate(available_from=TODAY, skill_keys=frozenset())
    reasons = explain(need=n, scored=score(need=n, candidate=c, params=DEFAULT))
    assert reasons[2] == "available 9 days before your start date (free now)"
    assert reasons[3] == "covers none of the 4 required skills; missing: LLM, RAG, Python, Kafka"


def test_monthly_cost_is_rate_times_hours_over_an_average_month() -> None:
    assert monthly_cost(rate=Decimal("28"), hours_per_week=40) == Decimal("4853.33")
    assert monthly_cost(rate=Decimal("35"), hours_per_week=20) == Decimal("3033.33")


@given(
    need=needs,
    params=params_strategy,
    a=candidates,
    fit=st.floats(min_value=0, max_value=1),
    less_fit=st.floats(min_value=0, max_value=1),
    dearer=st.integers(min_value=0, max_value=50_00),
    later=st.integers(min_value=0, max_value=60),
    less_overlap=st.floats(min_value=0, max_value=5),
)
def test_dominance_holds_with_fit_to_the_brief_scored_in_full(
    need: Need,
    params: ScoringParams,
    a: Candidate,
    fit: float,
    less_fit: float,
    dearer: int,
    later: int,
    less_overlap: float,
) -> None:
    # given a candidate and a variant worse or equal on everything, fit scored in full
    worse = no_better(a, dearer=dearer, later=later, less_overlap=less_overlap)
    sa = score(need=need, candidate=a, params=params, relevance=fit)
    sb = score(need=need, candidate=worse, params=params, relevance=fit * less_fit)
    for c in CRITERIA:
        assert getattr(sa, c) >= getattr(sb, c)
    # then the better one is never below the worse one, in either input order
    assert sa.total >= sb.total
    assert rank([sb, sa], top_k=2)[0] is sa
    assert rank([sa, sb], top_k=2)[0] is sa


@given(
    need=needs,
    params=params_strategy,
    base=candidates,
    more_concepts=st.frozensets(st.sampled_from(CONCEPTS)),
    more_overlap=st.floats(min_value=0, max_value=5),
)
def test_showing_more_of_the_brief_and_overlapping_more_never_ranks_lower(
    need: Need,
    params: ScoringParams,
    base: Candidate,
    more_concepts: frozenset[str],
    more_overlap: float,
) -> None:
    better = candidate(
        id=base.id + 1,
        tier=base.tier,
        rate=base.rate,
        available_from=base.available_from,
        skill_keys=base.skill_keys,
        concept_keys=base.concept_keys | more_concepts,
        overlap_hours=(base.overlap_hours or 0.0) + more_overlap,
    )
    original = score(need=need, candidate=base, params=params)
    improved = score(need=need, candidate=better, params=params)
    for c in CRITERIA:
        assert getattr(improved, c) >= getattr(original, c)
    assert improved.total >= original.total


def test_timezone_is_in_the_breakdown_only_when_the_project_gives_a_time_zone() -> None:
    without = score(need=need(), candidate=candidate(overlap_hours=2.0), params=DEFAULT)
    with_zone = score(
        need=need(overlap_wanted=4.0), candidate=candidate(overlap_hours=2.0), params=DEFAULT
    )

    assert "timezone" not in without.breakdown
    assert with_zone.breakdown["timezone"] == 0.5


def test_min_overlap_is_a_hard_filter() -> None:
    strict = need(overlap_wanted=3.0, min_overlap_hours=3.0)

    assert not is_listable(need=strict, candidate=candidate(overlap_hours=2.5), params=DEFAULT)
    assert is_listable(need=strict, candidate=candidate(overlap_hours=3.0), params=DEFAULT)
