"""Profile readings made by an older release are recomputed: on the next write, and by
``manage.py refreshprofiles`` for all of them at once."""

import io
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command

from marketplace.models import Specialist
from marketplace.services import profile_refresh
from marketplace.services.profile_refresh import profiles_refresh, stale_profiles
from marketplace.services.specialists import specialist_update
from matching.relevance.embedding import to_bytes
from matching.relevance.features import FEATURES_VERSION, concept_keys, profile_features
from tests.marketplace.factories import SpecialistFactory

pytestmark = pytest.mark.django_db

BIO = "Built chargeback prediction for a card acquirer, 3,000 merchants, and RAG over the runbooks."


def _as_written_by_an_older_release(specialist: Specialist) -> None:
    """What an older release stored: another version, and a reading that has since changed."""
    Specialist.objects.filter(pk=specialist.pk).update(
        profile_features={"v": FEATURES_VERSION - 1, "concepts": {}, "tf": {}, "len": 0},
        concept_keys=["translation"],
        embedding=to_bytes(np.ones(384, dtype=np.float32) / np.sqrt(384)),
        embedding_version="minilm-l6-v2/1",
    )


def _current(specialist: Specialist) -> dict[str, Any]:
    return profile_features(
        headline=specialist.headline, bio=specialist.bio, skills=specialist.skills
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_refresh_recomputes_stale_rows_keeps_their_embedding_and_reranks(
    workers: int, monkeypatch: Any
) -> None:
    stale = SpecialistFactory(bio=BIO)
    _as_written_by_an_older_release(stale)
    fresh = SpecialistFactory(bio="Fine-tuned speech models for call centres.")
    empty = SpecialistFactory()
    Specialist.objects.filter(pk=empty.pk).update(profile_features={})
    reranked: list[list[int]] = []
    monkeypatch.setattr(
        profile_refresh,
        "specialists_changed",
        lambda *, specialist_ids: reranked.append(sorted(specialist_ids)) or 3,
    )
    untouched = Specialist.objects.get(pk=fresh.pk).updated_at

    assert set(stale_profiles().values_list("pk", flat=True)) == {stale.pk, empty.pk}
    summary = profiles_refresh(workers=workers, batch_size=1)

    stale.refresh_from_db()
    assert stale.profile_features == _current(stale)
    assert stale.concept_keys == concept_keys(stale.profile_features)
    assert "payment-fraud" in stale.concept_keys
    assert "translation" not in stale.concept_keys
    assert stale.embedding is not None
    assert stale.embedding_version == "minilm-l6-v2/1"
    assert summary.refreshed == 2
    assert reranked == [[stale.pk]]  # the empty profile's (no) concepts did not move
    assert summary.projects_requeued == 3
    assert Specialist.objects.get(pk=fresh.pk).updated_at == untouched
    assert not stale_profiles().exists()


def test_the_command_says_what_it_did_and_finds_nothing_the_second_time() -> None:
    _as_written_by_an_older_release(SpecialistFactory(bio=BIO))

    out = io.StringIO()
    call_command("refreshprofiles", "--no-progress", "--workers=1", stdout=out)
    assert "1 profile(s) not read by features version" in out.getvalue()
    assert "refreshed 1 profile(s); concepts changed for 1" in out.getvalue()

    again = io.StringIO()
    call_command("refreshprofiles", "--no-progress", stdout=again)
    expected = f"0 profile(s) not read by features version {FEATURES_VERSION}"
    assert again.getvalue().strip() == expected


def test_the_next_write_of_a_stale_row_rereads_it_without_dropping_its_embedding(
    django_capture_on_commit_callbacks: Any,
) -> None:
    specialist = Specialist.objects.get(pk=SpecialistFactory(bio=BIO).pk)
    _as_written_by_an_older_release(specialist)
    specialist.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        specialist_update(specialist=specialist, data={"hourly_rate": "26.00"})

    specialist.refresh_from_db()
    assert specialist.profile_features == _current(specialist)
    assert specialist.embedding is not None
    assert not any(c.__qualname__.startswith("specialists_embed_enqueue") for c in callbacks)
