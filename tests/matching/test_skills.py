"""Skill names fold to canonical keys, so clients and specialists meet across wordings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.skills import canonical_skill, canonical_skills, labelled_skills, normalise


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("LLM", "large language models"),
        ("LLMs", "Large Language Model"),
        ("RAG", "retrieval-augmented generation"),
        ("RAG", "Retrieval Augmented Generation"),
        ("PyTorch", "torch"),
        ("scikit-learn", "sklearn"),
        ("Kubernetes", "k8s"),
        ("vector database", "Vector DBs"),
        ("Node.js", "nodejs"),
        ("fine-tuning", "Fine tuning"),
        ("MLOps", "ML Ops"),
        ("Weights & Biases", "wandb"),
        ("Kafka", "Apache Kafka"),
        ("postgres", "PostgreSQL"),
    ],
)
def test_synonyms_and_aliases_share_a_key(one: str, other: str) -> None:
    # given two ways of writing the same skill / when folded / then they meet
    assert canonical_skill(one) == canonical_skill(other)


def test_different_skills_keep_different_keys() -> None:
    assert canonical_skill("PyTorch") != canonical_skill("TensorFlow")
    assert canonical_skill("LLM") != canonical_skill("RAG")
    assert canonical_skill(".NET") != canonical_skill("NET")


def test_unknown_skill_keeps_its_normalised_spelling() -> None:
    # given a tool the table does not list, written two ways
    # then both spellings still meet, and the key is a readable slug
    assert canonical_skill("Great Expectations") == "great-expectations"
    assert canonical_skill("  great_expectations ") == "great-expectations"


def test_blank_skill_has_no_key() -> None:
    assert canonical_skill("   ") is None
    assert canonical_skills(["", " ; ", "Python"]) == ["python"]


def test_canonical_skills_drop_duplicates_and_keep_first_order() -> None:
    assert canonical_skills(["torch", "Python", "PyTorch", "py", "LLM"]) == [
        "pytorch",
        "python",
        "llm",
    ]


def test_labels_keep_the_callers_own_words_for_explanations() -> None:
    labels = labelled_skills(["Kafka", "large language models", "LLM"])
    assert labels == {"kafka": "Kafka", "llm": "large language models"}


@given(st.text(max_size=40))
def test_folding_is_idempotent_on_keys(raw: str) -> None:
    # A key folds to itself, so keys stored on the roster stay stable when
    # folded again (the import and the ranking both fold).
    key = canonical_skill(raw)
    if key is not None:
        assert canonical_skill(key) == key


@given(st.text(max_size=40))
def test_normalise_never_raises_and_is_lower_case(raw: str) -> None:
    assert normalise(raw) == normalise(raw).lower()
