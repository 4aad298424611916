"""Behaviour of the brief role classifier (pure Python: no database, no Django)."""

from __future__ import annotations

import json
import logging
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import joblib
import numpy as np
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
from matching.classifier.corpus_io import (
    DEFAULT_CORPUS_PATH,
    corpus_sha256,
    load_corpus,
    version_for,
)
from matching.classifier.text_model import GENERIC_WORDS, MIN_QUOTE_CONTRIBUTION
from matching.classifier.training import TEXT_ONLY, WITH_CHECKLIST, EvaluationReport, holdout_split

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
    quoted = quoted_phrases(result)
    assert quoted, result.rationale
    brief = f"{title} {description}".lower()
    for phrase in quoted:
        assert all(word in brief for word in phrase.split()), phrase


def quoted_phrases(result: Classification) -> list[str]:
    return [q for r in result.rationale for q in re.findall(r'"([^"]+)"', r)]


@pytest.mark.parametrize(
    ("title", "description"),
    [
        (
            "Which trucks need tyres soon",
            "We log tyre pressure and mileage for 900 trucks. Tell us which ones will need new "
            "tyres in the next month, learned from our past replacements.",
        ),
        (
            "Help our team know more",
            "We have years and years of data and our team wants to know what the numbers will "
            "look like next year. We need help to make better use of the data we have.",
        ),
        (
            "Answers for our staff",
            "Our staff want answers from the documents we already have, written up properly and "
            "quickly, with the page they came from. We have years of data but need help now.",
        ),
    ],
)
def test_rationale_never_quotes_generic_words(title: str, description: str) -> None:
    result = classify(title=title, description=description)
    for phrase in quoted_phrases(result):
        tokens = phrase.split()
        # Every quote carries at least one informative word and never starts or ends on filler.
        assert any(t not in GENERIC_WORDS for t in tokens), phrase
        assert tokens[0] not in {"of", "the", "we", "our", "and"}, phrase
        assert phrase not in {"years", "know", "data", "want", "need", "team", "new", "past"}


def test_rationale_falls_back_to_no_quote_when_nothing_specific_is_said() -> None:
    # Only filler words, yet enough of them to lean one way: better no quote than "years".
    result = classify(
        title="Help our team know more",
        description="We have years and years of data and our team wants to know what the "
        "numbers will look like next year. We need help to make better use of the data.",
    )
    assert quoted_phrases(result) == []
    assert any("no single phrase stands out" in r or "uncertain" in r for r in result.rationale)


def test_rationale_prefers_a_bigram_over_its_own_words() -> None:
    names = np.array(["sensor", "sensor logs", "logs", "years", "pumps"])
    idx = np.arange(len(names))
    pulls = np.array([0.30, 0.20, 0.25, 0.50, MIN_QUOTE_CONTRIBUTION / 2])
    quotable = np.array([text_model._quotable(str(n)) for n in names])
    # "years" is filler, "pumps" is too weak, and "sensor"/"logs" are covered by the bigram.
    assert text_model._rank_quotes(names, idx, pulls, quotable) == ["sensor logs"]


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


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A slice of the real corpus, so training twice stays fast."""
    rows = [json.loads(line) for line in DEFAULT_CORPUS_PATH.read_text().splitlines()]
    taken: Counter[tuple[str, str]] = Counter()
    keep = []
    for row in sorted(rows, key=lambda r: r["id"]):
        key = (row["role"], row["source"])
        if taken[key] < (25 if row["source"] == "handwritten" else 40):
            taken[key] += 1
            keep.append(row)
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in keep))
    return path


def test_training_is_reproducible_with_the_same_seed(small_corpus: Path, tmp_path: Path) -> None:
    texts = [f"{t}. {d}" for t, d in AI_BRIEFS + ML_BRIEFS]
    first = train(small_corpus, tmp_path / "a.joblib", seed=7)
    second = train(small_corpus, tmp_path / "b.joblib", seed=7)
    assert first.version == second.version
    assert first.cv == second.cv
    a = joblib.load(first.artifact_path)["pipeline"].predict_proba(texts)
    b = joblib.load(second.artifact_path)["pipeline"].predict_proba(texts)
    assert (a == b).all()


def test_corpus_is_rebuilt_byte_for_byte_by_its_builder(tmp_path: Path) -> None:
    # The committed corpus must be exactly what the builder writes, so nobody edits it by hand.
    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "briefs.jsonl"
    subprocess.run(
        [sys.executable, str(root / "scripts" / "role_corpus" / "build.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == DEFAULT_CORPUS_PATH.read_bytes()


def test_every_corpus_row_says_whether_it_was_hand_written() -> None:
    briefs = load_corpus()
    counts = Counter((b.role, b.source) for b in briefs)
    assert set(counts) == {
        (role, source) for role in ROLES for source in ("handwritten", "composed")
    }
    # Enough hand-written briefs of each role that a quarter of them is a meaningful test.
    assert min(counts[(role, "handwritten")] for role in ROLES) >= 120


def test_a_corpus_row_without_a_source_is_rejected(tmp_path: Path) -> None:
    row = {"id": "x", "title": "t", "description": "d", "role": "ai_engineer"}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(ValueError, match="source"):
        load_corpus(path)


def test_held_out_briefs_are_hand_written_stratified_and_stable() -> None:
    briefs = load_corpus()
    train_b, test_b = holdout_split(briefs)
    assert {b.source for b in test_b} == {"handwritten"}
    assert {b.id for b in train_b}.isdisjoint({b.id for b in test_b})
    assert len(train_b) + len(test_b) == len(briefs)
    # Every composed brief trains; none is ever scored, because they near-duplicate each other.
    assert sum(b.source == "composed" for b in train_b) == sum(
        b.source == "composed" for b in briefs
    )
    handwritten = Counter(b.role for b in briefs if b.source == "handwritten")
    held_out = Counter(b.role for b in test_b)
    for role in ROLES:
        assert held_out[role] == pytest.approx(handwritten[role] / 4, abs=1)
    # Shuffling the corpus (as a rebuild with new composed briefs does) keeps the same split.
    assert [b.id for b in holdout_split(list(reversed(briefs)))[1]] == [b.id for b in test_b]


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    return evaluate(DEFAULT_CORPUS_PATH, test_fraction=0.25)


def test_evaluation_meets_the_accuracy_target(report: EvaluationReport) -> None:
    assert report.accuracy >= 0.95  # (a), the gate
    assert report.text_only_accuracy >= 0.9  # (b)
    assert report.cv.accuracy >= 0.95  # (c)
    assert report.cv.text_accuracy >= 0.9
    assert sum(map(sum, report.confusion)) == report.n_test


def test_evaluation_reports_the_worst_mistakes_of_both_held_out_runs(
    report: EvaluationReport,
) -> None:
    mistakes = report.worst_mistakes
    assert all(m.expected != m.predicted for m in mistakes)
    assert {m.mode for m in mistakes} <= {WITH_CHECKLIST, TEXT_ONLY}
    assert all(m.id.split("-")[1].startswith("h") for m in mistakes)  # hand-written only
    assert [m.confidence for m in mistakes] == sorted(
        (m.confidence for m in mistakes), reverse=True
    )
    wrong_with_checklist = sum(m.mode == WITH_CHECKLIST for m in mistakes)
    assert wrong_with_checklist == report.n_test - round(report.accuracy * report.n_test)
    text = report.format()
    for part in ("(a)", "(b)", "(c)", "(d)", "(e)", "confusion matrix", "worst mistakes"):
        assert part in text


def test_classify_is_fast_after_warm_up() -> None:
    title, description = ML_BRIEFS[1]
    classify(title=title, description=description)
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        classify(title=title, description=description, checklist={"has_training_data": True})
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.05


def test_rationale_never_quotes_the_skills_label_glued_to_a_skill() -> None:
    result = classify(
        title="Support assistant",
        description="A chat assistant that drafts answers from our help-centre articles.",
        required_skills=["RAG", "LangChain"],
    )
    assert not any("skills " in reason.lower() for reason in result.rationale)
