"""Fit to the brief end to end: the demo roster, the API, the database and the reference agree."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from marketplace.demo import demo_seed
from marketplace.models import Project, Specialist
from marketplace.services.specialists import specialist_update
from matching.models import MatchRun
from matching.ranking import project_need, rank_roster_in_python, rank_specialists, scoring_params
from matching.ranking.fit import BriefFit, fit_window
from matching.ranking.inputs import read_brief_needs
from matching.relevance.embedding import EMBEDDING_VERSION
from matching.services.runs import project_match
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory, SpecialistFactory

pytestmark = pytest.mark.django_db

CHARGEBACKS = (
    "We are a payments company. Chargebacks are eating our margin: buyers dispute card "
    "payments weeks after delivery and we lose most of them. We have 3 years of labelled "
    "disputes and want a model that scores every transaction in real time, and someone to "
    "own it as fraudsters adapt."
)
HELP_CENTRE = (
    "We want a chat widget on our shop that answers customers' questions from our "
    "help-centre articles and hands over to a person when it cannot."
)


def _brief(description: str, **extra: Any) -> Project:
    return ProjectFactory(
        title=extra.pop("title", "New project"),
        description=description,
        hourly_budget_max=Decimal("60"),
        desired_start=timezone.localdate() + timedelta(days=21),
        **extra,
    )


def _top(project: Project, n: int) -> list[Specialist]:
    run = project.match_runs.filter(outcome=MatchRun.Outcome.SUCCEEDED).latest("started_at")
    return [m.specialist for m in run.matches.select_related("specialist").order_by("rank")[:n]]


def test_the_chargeback_brief_lists_the_fraud_specialists_first_on_the_demo_roster() -> None:
    # given the demo roster (hand-written profiles, many not saying "fraud")
    demo_seed()
    project = _brief(CHARGEBACKS, title="Stop losing money to chargebacks")

    # when it is matched
    project_match(project_id=project.pk)

    # then every listable payments-fraud specialist comes before everyone else
    project.refresh_from_db()
    fraud = [
        s
        for s in Specialist.objects.filter(vetted=True, is_active=True, tier="ml_engineer")
        if {"payment-fraud", "industry-payments"} <= set(s.concept_keys)
        and s.remaining_hours >= project.hours_per_week
    ]
    assert len(fraud) >= 2
    top = _top(project, len(fraud))
    assert {s.pk for s in top} == {s.pk for s in fraud}, [s.headline for s in top]
    first = project.match_runs.latest("started_at").matches.get(rank=1)
    assert first.breakdown["relevance"] > 0.5
    assert first.explanation[0].startswith("Fits your brief on fraud")
    assert "you wrote \u201c" in first.explanation[0]
    assert "their profile: \u201c" in first.explanation[0]


def test_the_help_centre_brief_lists_retrieval_specialists_first() -> None:
    demo_seed()
    project = _brief(HELP_CENTRE, title="Help-centre assistant", general_model_sufficient=True)

    project_match(project_id=project.pk)

    project.refresh_from_db()
    assert project.role_need == "ai_engineer"
    assert all("document-qa" in s.concept_keys for s in _top(project, 3))


def test_the_project_shows_what_was_read_from_the_brief(client_user: Any) -> None:
    project = _brief(CHARGEBACKS, organization=client_user.organization)
    project_match(project_id=project.pk)

    body = token_client(client_user).get(f"/api/v1/projects/{project.pk}/").json()

    needs = {n["key"]: n for n in body["brief_needs"]}
    assert "payment-fraud" in needs
    assert needs["payment-fraud"]["phrase"].lower() in CHARGEBACKS.lower()
    assert needs["payment-fraud"]["quote"] in CHARGEBACKS


def test_a_paraphrased_profile_outranks_a_keyword_sharing_distractor() -> None:
    # given the same terms for both; one did the work in other words, one went to a talk
    genuine = SpecialistFactory(
        tier="ml_engineer",
        headline="Transaction risk models for marketplaces",
        bio="Built real-time dispute-risk scoring for an online marketplace, cutting "
        "friendly-fraud losses by a third.",
        skills=["XGBoost", "Kafka"],
    )
    distractor = SpecialistFactory(
        tier="ml_engineer",
        headline="Demand forecasting for grocery chains",
        bio="I build demand forecasting models. I attended a talk on fraud detection at a "
        "payments conference last year.",
        skills=["XGBoost", "Kafka"],
    )
    project = _brief(CHARGEBACKS, model_is_moat=True, has_training_data=True)

    project_match(project_id=project.pk)

    assert [s.pk for s in _top(project, 2)] == [genuine.pk, distractor.pk]


def test_the_database_ranking_equals_the_reference_ranking_with_fit() -> None:
    demo_seed()
    project = _brief(CHARGEBACKS)
    project.role_need = "ml_engineer"
    needs = read_brief_needs(project=project)
    project.brief_needs = [n.as_dict() for n in needs]
    need = project_need(project=project, today=timezone.localdate())
    params = scoring_params()
    brief = BriefFit(query=CHARGEBACKS, needs=tuple(needs))

    ranked = rank_specialists(need=need, params=params, top_k=10, brief=brief)

    from matching.ranking.candidates import _candidate, window_size
    from matching.ranking.sql import RESULT_COLUMNS, has_capacity

    roster = [
        _candidate(row, need=need, overlap=None)
        for row in Specialist.objects.filter(vetted=True, is_active=True)
        .filter(has_capacity(need.hours_per_week))
        .values_list(*RESULT_COLUMNS)
    ]
    prescored = rank_roster_in_python(
        need=need, params=params, top_k=window_size(10), roster=roster
    )
    fit = fit_window(brief=brief, ids=[s.candidate.id for s in prescored])
    reference = rank_roster_in_python(
        need=need,
        params=params,
        top_k=10,
        roster=roster,
        relevance={pk: r.score for pk, r in fit.by_id.items()},
    )
    assert [e.scored.candidate.id for e in ranked] == [s.candidate.id for s in reference]


def test_a_new_bio_recomputes_the_profile_and_queues_its_embedding(
    django_capture_on_commit_callbacks: Any,
) -> None:
    specialist = SpecialistFactory(headline="", bio="", skills=["Python"])
    assert "payment-fraud" not in specialist.concept_keys

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        specialist_update(
            specialist=specialist,
            data={"bio": "Built chargeback prediction for a card acquirer."},
        )

    specialist.refresh_from_db()
    assert "payment-fraud" in specialist.concept_keys
    assert specialist.profile_features["concepts"]["payment-fraud"][1].lower() == "chargeback"
    assert specialist.embedding is None
    assert any(c.__qualname__.startswith("specialists_embed_enqueue") for c in callbacks)


def test_an_embedding_is_stored_only_for_the_profile_it_was_computed_from(
    monkeypatch: Any,
) -> None:
    import numpy as np

    from matching.relevance import embedding
    from matching.services import embeddings

    class FakeEncoder:
        version = embedding.EMBEDDING_VERSION

        def encode(self, texts: list[str]) -> Any:
            # the profile changes while the batch is being encoded
            Specialist.objects.filter(pk=changed.pk).update(profile_hash="edited-meanwhile")
            return np.ones((len(texts), embedding.DIMENSIONS), dtype=np.float32) / 20

    kept, changed = SpecialistFactory(), SpecialistFactory()
    monkeypatch.setattr(embeddings, "encoder", lambda: FakeEncoder())

    stored = embeddings.specialists_embed(specialist_ids=[kept.pk, changed.pk])

    assert stored == 1
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert kept.embedding_version == embedding.EMBEDDING_VERSION
    assert embedding.from_bytes(kept.embedding) is not None
    assert changed.embedding is None


def test_a_window_with_a_profile_still_waiting_for_its_vector_is_ranked_without_vectors(
    monkeypatch: Any,
) -> None:
    import numpy as np

    from matching.relevance import embedding

    ready = SpecialistFactory(
        embedding=embedding.to_bytes(np.ones(embedding.DIMENSIONS, dtype=np.float32) / 20),
        embedding_version=embedding.EMBEDDING_VERSION,
    )
    waiting = SpecialistFactory()
    brief = BriefFit(
        query="RAG over our wiki",
        needs=(),
        embedding=np.ones(embedding.DIMENSIONS, dtype=np.float32) / 20,
    )

    fit = fit_window(brief=brief, ids=[ready.pk, waiting.pk])

    assert fit.embeddings_pending == 1
    assert not fit.semantic_used
    assert all(r.semantic is None for r in fit.by_id.values())


@pytest.mark.django_db(transaction=True)
def test_the_demo_roster_queues_its_embeddings_as_one_task_and_none_when_seeded_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A task per specialist would sit in the embedded broker's queue ahead of the
    # first project a visitor submits.
    from matching.tasks import specialists_embed_task

    queued: list[list[int]] = []
    monkeypatch.setattr(
        specialists_embed_task, "delay", lambda *, specialist_ids: queued.append(specialist_ids)
    )
    seeded = demo_seed()
    assert len(queued) == 1
    assert len(queued[0]) == seeded.specialists
    # Seeded again once the vectors are stored: no text changed, nothing is queued.
    queued.clear()
    Specialist.objects.update(embedding_version=EMBEDDING_VERSION)
    demo_seed()
    assert queued == []
