"""The learned re-ranker, pure: labels, position handling, monotone order, activation, moves."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.desk import simulate, taste_ndcg
from matching.relevance.scorer import Relevance
from matching.reranker import (
    FEATURES,
    Group,
    LinearRanker,
    Shown,
    TrainingRule,
    evaluate,
    feature_vector,
    grade,
    preference_pairs,
)
from matching.reranker.model import window_moves
from matching.scoring import CRITERIA, score
from matching.wording import desk_move_line
from tests.matching.test_scoring import DEFAULT, candidate, candidates, need, needs, no_better

RULE = TrainingRule(min_projects=30, min_gain=0.02)


def _shown(pk: int, rank: int, g: int, **figures: float) -> Shown:
    return Shown(specialist_id=pk, rank=rank, grade=g, features=figures)


def test_labels_put_accepted_over_approved_over_no_action_over_declined() -> None:
    assert grade(client="accepted", review="rejected") == 3
    assert grade(review="approved") == grade(review="shortlisted") == 2
    assert grade() == grade(review="pending", client="open") == 1
    assert grade(review="rejected") == grade(client="declined", review="approved") == 0


def test_matches_below_the_deepest_decision_make_no_pairs() -> None:
    # given a list decided on down to rank 3 only
    group = Group(
        project_id=1,
        items=(
            _shown(1, 1, 1),
            _shown(2, 2, 0),
            _shown(3, 3, 3),
            _shown(4, 4, 1),
            _shown(5, 5, 1),
        ),
    )
    pairs = {(a.specialist_id, b.specialist_id) for a, b in preference_pairs(group)}
    # then the passed-over match above the accepted one counts, those below it do not
    assert pairs == {(3, 1), (3, 2), (1, 2)}


def test_a_desk_that_always_takes_the_first_match_teaches_nothing() -> None:
    sim = simulate(projects=40, desk="top-only")
    assert all(not preference_pairs(g) for g in sim.groups)
    result = evaluate(sim.groups, RULE)
    assert not result.activate
    assert "no preference" in result.reason


def test_the_learned_order_beats_the_hand_weights_on_a_desk_with_a_hidden_taste() -> None:
    # given a desk that favours overlap and domain fit over a lower rate
    sim = simulate(projects=60, desk="overlap-and-fit", seed=3)
    # when trained and cross-validated on held-out projects
    result = evaluate(sim.groups, RULE)
    # then held-out NDCG@5 rises clearly above the hand weights', and it activates
    assert result.learned_ndcg5 > result.hand_ndcg5 + 0.1, result.metrics()
    assert result.activate, result.reason
    assert result.ranker.coefficients["overlap"] > 0
    assert result.ranker.coefficients["concept"] > 0
    unseen = simulate(projects=20, desk="overlap-and-fit", seed=99)
    assert taste_ndcg(unseen.windows, result.ranker) > taste_ndcg(unseen.windows, None) + 0.1


def test_too_few_projects_leave_the_hand_weights_in_charge() -> None:
    sim = simulate(projects=12, desk="overlap-and-fit", seed=3)
    result = evaluate(sim.groups, RULE)
    assert not result.activate
    assert "only 12 project(s)" in result.reason


def test_decisions_without_signal_do_not_activate() -> None:
    for seed in (1, 2, 3):
        result = evaluate(simulate(projects=60, desk="no-signal", seed=seed).groups, RULE)
        assert not result.activate, (seed, result.reason)


def test_coefficients_are_never_negative_even_when_the_desk_prefers_worse_figures() -> None:
    # given pairs where the preferred match is always dearer (less headroom)
    group = Group(
        project_id=1,
        items=tuple(
            _shown(i, i, 2 if i % 2 else 0, headroom=0.1 if i % 2 else 0.5, overlap=i / 10)
            for i in range(1, 11)
        ),
    )
    result = evaluate([group], TrainingRule(min_projects=1, min_gain=0.0))
    assert all(v >= 0 for v in result.ranker.coefficients.values())
    assert result.ranker.coefficients["headroom"] == 0.0


coefficients = st.fixed_dictionaries(
    {name: st.one_of(st.just(0.0), st.floats(min_value=0.001, max_value=50)) for name in FEATURES}
)


# Input generation is slow only on a crowded machine; the property is what counts.
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    need=needs,
    a=candidates,
    weights=coefficients,
    fit=st.floats(min_value=0, max_value=1),
    less=st.floats(min_value=0, max_value=1),
    dearer=st.integers(min_value=0, max_value=50_00),
    later=st.integers(min_value=0, max_value=60),
    less_overlap=st.floats(min_value=0, max_value=5),
)
def test_a_candidate_at_least_as_good_on_everything_never_ranks_below_a_worse_one(
    need, a, weights, fit, less, dearer, later, less_overlap
) -> None:
    # given a candidate and a variant no better on anything the ranker reads
    worse = no_better(a, dearer=dearer, later=later, less_overlap=less_overlap)
    good_fit = Relevance(score=fit, concept=fit, lexical=fit, semantic=None)
    bad_fit = Relevance(score=fit * less, concept=fit * less, lexical=fit * less, semantic=None)
    sa = score(need=need, candidate=a, params=DEFAULT, relevance=fit)
    sb = score(need=need, candidate=worse, params=DEFAULT, relevance=fit * less)
    fa = feature_vector(scored=sa, need=need, params=DEFAULT, fit=good_fit)
    fb = feature_vector(scored=sb, need=need, params=DEFAULT, fit=bad_fit)
    assert all(fa[name] >= fb[name] for name in FEATURES)
    # when any learned ranker orders them, in either input order
    ranker = LinearRanker(coefficients=weights)
    figures = {sa.candidate.id: fa, sb.candidate.id: fb}
    for pool in ([sa, sb], [sb, sa]):
        ordered = sorted(pool, key=lambda s: ranker.window_key(s, figures[s.candidate.id]))
        # then the better one is never below the worse one
        assert ordered[0] is sa


def test_a_learned_ranker_with_no_weight_keeps_the_hand_order() -> None:
    pool = [candidate(id=i, rate=Decimal(20 + i), overlap_hours=float(i % 5)) for i in range(1, 30)]
    n = need(overlap_wanted=4.0)
    scored = [score(need=n, candidate=c, params=DEFAULT) for c in pool]
    figures = {
        s.candidate.id: feature_vector(scored=s, need=n, params=DEFAULT, fit=None) for s in scored
    }
    null = LinearRanker(coefficients={})
    assert sorted(scored, key=lambda s: null.window_key(s, figures[s.candidate.id])) == sorted(
        scored, key=lambda s: s.sort_key
    )


def test_a_moved_candidate_is_explained_by_what_the_desk_favoured() -> None:
    # given a hand order where the candidate with most overlap is third
    n = need(overlap_wanted=4.0)
    pool = [
        candidate(id=1, rate=Decimal(20), overlap_hours=0.0),
        candidate(id=2, rate=Decimal(22), overlap_hours=0.0),
        candidate(id=3, rate=Decimal(30), overlap_hours=8.0, skill_keys=frozenset({"llm"})),
    ]
    scored = sorted(
        (score(need=n, candidate=c, params=DEFAULT) for c in pool), key=lambda s: s.sort_key
    )
    assert [s.candidate.id for s in scored] == [1, 2, 3]
    figures = {
        s.candidate.id: feature_vector(scored=s, need=n, params=DEFAULT, fit=None) for s in scored
    }
    ranker = LinearRanker(coefficients={"hand": 1.0, "overlap": 5.0})
    hand = [s.candidate.id for s in scored]
    learned = [
        s.candidate.id
        for s in sorted(scored, key=lambda s: ranker.window_key(s, figures[s.candidate.id]))
    ]
    # when the learned order puts it first
    assert learned[0] == 3
    moves = window_moves(ranker=ranker, hand=hand, learned=learned, features=figures, listed=3)
    up = moves[3]
    line = desk_move_line(**up.as_words())
    # then its explanation says it moved up, from where, and what the desk favoured
    assert line.startswith("Ranked up (#1 rather than #3 by the weights alone)")
    assert "more working-hours overlap" in line
    down = desk_move_line(**moves[hand[0]].as_words())
    assert down.startswith("Ranked down")
    assert "more working-hours overlap" in down
    assert set(CRITERIA) <= set(FEATURES)
