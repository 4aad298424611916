"""Behaviour of the brief role classifier (pure Python: no database, no Django)."""

from __future__ import annotations

import logging
import re
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import joblib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.classifier import (
    CHECKLIST_QUESTIONS,
    LOW_CONFIDENCE_THRESHOLD,
    Classification,
    classify,
    evaluate,
    text_model,
    train,
)
from matching.classifier.corpus_io import DEFAULT_CORPUS_PATH, corpus_sha256, version_for

ROLES = {"ai_engineer", "ml_engineer"}

# Written for these tests; none of them appears in the corpus.
AI_BRIEFS = [
    (
        "Answers for our dispatch team",
        "Dispatchers waste time looking up procedures. Let them ask in plain words and get the "
        "answer from our operations handbook, with the page it came from.",
    ),
    (
        "Inbox helper",
        "Suggest replies to supplier emails using our purchasing policy documents.",
    ),
    (
        "Summaries of planning objections",
        "Residents send long letters about planning applications; officers want a short summary "
        "of each letter and the main concerns.",
    ),
    (
        "Assistant for booking meeting rooms",
        "An assistant in Teams that understands requests like 'a room for six near the kitchen "
        "tomorrow at 10' and books it through our calendar API.",
    ),
]
ML_BRIEFS = [
    (
        "Which trucks need tyres soon",
        "We log tyre pressure and mileage for 900 trucks. Tell us which ones will need new tyres "
        "in the next month, learned from our past replacements.",
    ),
    (
        "Predict table bookings",
        "Restaurant group: estimate how many covers each restaurant will serve every evening for "
        "the next three weeks, from six years of reservations and weather.",
    ),
    (
        "Cracks in welds",
        "We have 30,000 X-ray images of welds marked pass or fail by inspectors and want to flag "
        "bad welds automatically on the line.",
    ),
    (
        "Members likely to leave the gym",
        "Use check-in history and payment records to find members who are likely to cancel in "
        "the next 60 days so staff can reach out.",
    ),
]


@pytest.fixture
def fresh_model_cache() -> Iterator[None]:
    text_model.reset_model_cache()
    yield
    # Later tests must see the committed artifact again, not whatever this test loaded.
    text_model.reset_model_cache()


def assert_valid(result: Classification) -> None:
    assert result.role_need in ROLES
    assert 0.0 <= result.confidence <= 1.0
    assert result.confidence >= 0.5  # confidence is that of the chosen role
    assert result.rationale
    assert all(isinstance(r, str) and r for r in result.rationale)
    for q in result.clarifying_questions:
        assert q["key"] in CHECKLIST_QUESTIONS
        assert q["question"] == CHECKLIST_QUESTIONS[q["key"]]
    assert re.fullmatch(r"role-clf-\d+\.\d+\.\d+\+[0-9a-f]{8}", result.version)


@pytest.mark.parametrize(("title", "description"), AI_BRIEFS)
def test_clear_ai_brief_needs_an_ai_engineer(title: str, description: str) -> None:
    result = classify(title=title, description=description)
    assert_valid(result)
    assert result.role_need == "ai_engineer"
    assert result.confidence >= LOW_CONFIDENCE_THRESHOLD


@pytest.mark.parametrize(("title", "description"), ML_BRIEFS)
def test_clear_ml_brief_needs_an_ml_engineer(title: str, description: str) -> None:
    result = classify(title=title, description=description)
    assert_valid(result)
    assert result.role_need == "ml_engineer"
    assert result.confidence >= LOW_CONFIDENCE_THRESHOLD


@pytest.mark.parametrize(
    ("checklist", "expected"),
    [
        ({"general_model_sufficient": True, "needs_value_within_weeks": True}, "ai_engineer"),
        ({"model_is_moat": True, "needs_continuous_retraining": True}, "ml_engineer"),
        ({"general_model_sufficient": False, "has_training_data": True}, "ml_engineer"),
    ],
)
def test_decisive_checklist_decides_when_the_brief_is_empty(
    checklist: dict[str, bool], expected: str
) -> None:
    result = classify(title="", description="  ", checklist=checklist)
    assert result.role_need == expected
    assert result.confidence >= 0.9
    assert result.clarifying_questions == []


def test_checklist_outweighs_misleading_words() -> None:
    # Wording screams "assistant over documents", but the client says the model is the moat.
    title, description = AI_BRIEFS[0]
    checklist = {"model_is_moat": True, "needs_continuous_retraining": True}
    result = classify(title=title, description=description, checklist=checklist)
    assert result.role_need == "ml_engineer"
    assert result.confidence >= LOW_CONFIDENCE_THRESHOLD
    assert any("outweigh" in r for r in result.rationale)

    title, description = ML_BRIEFS[0]
    checklist = {"general_model_sufficient": True, "model_is_moat": False}
    assert classify(title=title, description=description, checklist=checklist).role_need == (
        "ai_engineer"
    )


def test_contradictory_checklist_raises_doubt() -> None:
    title, description = ML_BRIEFS[1]
    consistent = classify(title=title, description=description, checklist={"model_is_moat": True})
    contradictory = classify(
        title=title,
        description=description,
        checklist={"model_is_moat": True, "general_model_sufficient": True},
    )
    assert contradictory.confidence < consistent.confidence
    assert any("opposite directions" in r for r in contradictory.rationale)


@pytest.mark.parametrize("text", ["", "   \n\t", "asdf qwer zxcv", "🙂🚀🔥", "¿Qué tal? 你好"])
def test_no_signal_is_a_coin_flip_with_questions(text: str) -> None:
    result = classify(title=text, description=text)
    assert_valid(result)
    assert result.confidence == pytest.approx(0.5, abs=0.06)
    assert {q["key"] for q in result.clarifying_questions} == set(CHECKLIST_QUESTIONS)


def test_low_confidence_asks_only_unanswered_questions_most_decisive_first() -> None:
    answered = {"needs_value_within_weeks": True, "has_training_data": True}
    result = classify(title="A project", description="", checklist=answered)
    assert result.confidence < LOW_CONFIDENCE_THRESHOLD
    keys = [q["key"] for q in result.clarifying_questions]
    assert keys
    assert not set(keys) & set(answered)
    assert set(keys) == set(CHECKLIST_QUESTIONS) - set(answered)
    # The two questions that can settle it on their own come before the weaker one.
    assert set(keys[:2]) == {"general_model_sufficient", "model_is_moat"}
    assert any("uncertain" in r for r in result.rationale)


def test_confident_result_asks_no_questions() -> None:
    result = classify(title=ML_BRIEFS[2][0], description=ML_BRIEFS[2][1])
    assert result.confidence >= LOW_CONFIDENCE_THRESHOLD
    assert result.clarifying_questions == []


def test_rationale_quotes_phrases_from_the_brief() -> None:
    title, description = ML_BRIEFS[2]
    result = classify(title=title, description=description)
    quoted = [q for r in result.rationale for q in re.findall(r'"([^"]+)"', r)]
    assert quoted, result.rationale
    brief = f"{title} {description}".lower()
    for phrase in quoted:
        assert all(word in brief for word in phrase.split()), phrase


def test_rationale_cites_the_checklist_answers() -> None:
    result = classify(title="", description="", checklist={"model_is_moat": True})
    assert any("your edge" in r and "ML engineer" in r for r in result.rationale)


checklist_values = st.one_of(st.booleans(), st.none(), st.integers(), st.text(max_size=5))
checklist_keys = st.one_of(st.sampled_from(sorted(CHECKLIST_QUESTIONS)), st.text(max_size=10))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=200),
    description=st.text(max_size=2_000),
    skills=st.lists(st.text(max_size=30), max_size=8),
    checklist=st.one_of(st.none(), st.dictionaries(checklist_keys, checklist_values)),
)
def test_any_input_yields_a_valid_classification(
    title: str, description: str, skills: list[str], checklist: dict[str, object] | None
) -> None:
    result = classify(
        title=title,
        description=description,
        required_skills=skills,
        checklist=checklist,  # type: ignore[arg-type]
    )
    assert_valid(result)
    answered = {k for k, v in (checklist or {}).items() if isinstance(v, bool)}
    assert not {q["key"] for q in result.clarifying_questions} & answered
    if result.confidence >= LOW_CONFIDENCE_THRESHOLD:
        assert result.clarifying_questions == []


def test_huge_and_odd_inputs_do_not_crash() -> None:
    huge = ("We want drafts of replies from our help articles. 🙂 " * 400)[:20_000]
    assert_valid(classify(title="x" * 20_000, description=huge, required_skills=["🙂"] * 500))
    assert_valid(
        classify(
            title=None,  # type: ignore[arg-type]
            description=12345,  # type: ignore[arg-type]
            required_skills=None,  # type: ignore[arg-type]
            checklist={"model_is_moat": "yes", 3: True},  # type: ignore[dict-item]
        )
    )
    assert_valid(classify(title="Prévision", description="Prévoir la demande par magasin."))


def test_missing_artifact_falls_back_to_in_memory_training(
    fresh_model_cache: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(text_model, "ARTIFACT_PATH", tmp_path / "missing.joblib")
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger=text_model.__name__):
        result = classify(title=ML_BRIEFS[0][0], description=ML_BRIEFS[0][1])
    assert time.perf_counter() - started < 3.0
    assert result.role_need == "ml_engineer"
    assert result.version == version_for(corpus_sha256(DEFAULT_CORPUS_PATH))
    assert any("training in memory" in r.getMessage() for r in caplog.records)


def test_artifact_from_another_sklearn_version_is_not_trusted(
    fresh_model_cache: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    payload = joblib.load(text_model.ARTIFACT_PATH)
    payload["sklearn_version"] = "0.0.1"
    stale = tmp_path / "stale.joblib"
    joblib.dump(payload, stale)
    monkeypatch.setattr(text_model, "ARTIFACT_PATH", stale)
    with caplog.at_level(logging.WARNING, logger=text_model.__name__):
        assert_valid(classify(title="Churn model", description="Predict cancellations."))
    assert any("0.0.1" in r.getMessage() for r in caplog.records)
    assert text_model.get_model().metadata["sklearn_version"] != "0.0.1"


def test_model_is_loaded_once_per_process(fresh_model_cache: None) -> None:
    assert text_model.get_model() is text_model.get_model()


def test_committed_artifact_matches_the_corpus() -> None:
    # Guards against editing the corpus without retraining (python -m ... train).
    model = text_model.load_artifact(text_model.ARTIFACT_PATH)
    assert model.metadata["corpus_sha256"] == corpus_sha256(DEFAULT_CORPUS_PATH)
    assert model.version == version_for(model.metadata["corpus_sha256"])
    assert text_model.ARTIFACT_PATH.stat().st_size < 2 * 1024 * 1024


def test_training_is_reproducible_with_the_same_seed(tmp_path: Path) -> None:
    texts = [f"{t}. {d}" for t, d in AI_BRIEFS + ML_BRIEFS]
    first = train(DEFAULT_CORPUS_PATH, tmp_path / "a.joblib", seed=7)
    second = train(DEFAULT_CORPUS_PATH, tmp_path / "b.joblib", seed=7)
    assert first.version == second.version
    assert first.cv == second.cv
    a = joblib.load(first.artifact_path)["pipeline"].predict_proba(texts)
    b = joblib.load(second.artifact_path)["pipeline"].predict_proba(texts)
    assert (a == b).all()


def test_evaluation_meets_the_accuracy_target() -> None:
    report = evaluate(DEFAULT_CORPUS_PATH, test_fraction=0.25)
    assert report.accuracy >= 0.95
    assert report.cv.accuracy >= 0.95
    assert sum(map(sum, report.confusion)) == report.n_test
    assert all(m.expected != m.predicted for m in report.worst_mistakes)


def test_classify_is_fast_after_warm_up() -> None:
    title, description = ML_BRIEFS[1]
    classify(title=title, description=description)
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        classify(title=title, description=description, checklist={"has_training_data": True})
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.05
