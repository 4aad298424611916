"""Sentence embeddings of profiles, computed by workers in batches after roster writes.

A write (admin, API, import) stores the profile's concept and term features at
once and clears its vector; after the write commits, ``specialists_embed``
runs in a worker for the changed ids. A vector is stored only if the profile
is still the one that was read (``profile_hash``), so an edit that lands
meanwhile is never overwritten with the old text's vector; the edit queues its
own run. Without the ``semantic`` extra this is a no-op and ranking uses the
other signals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.db import transaction

from marketplace.models import Specialist
from matching.relevance.embedding import (
    EMBEDDING_VERSION,
    encoder,
    profile_text,
    to_bytes,
)

logger = logging.getLogger(__name__)

BATCH = 256
# Ids per queued task: a 100,000-row import queues 200 tasks, not 100,000.
TASK_CHUNK = 500


def specialists_embed_enqueue(*, specialist_ids: Sequence[int]) -> None:
    """Queue the encoding of these profiles once the transaction commits."""
    from matching.tasks import specialists_embed_task

    ids = sorted(set(specialist_ids))
    if not ids:
        return

    def enqueue() -> None:
        for start in range(0, len(ids), TASK_CHUNK):
            specialists_embed_task.delay(specialist_ids=ids[start : start + TASK_CHUNK])

    transaction.on_commit(enqueue)


def specialists_embed(*, specialist_ids: Sequence[int]) -> int:
    """Encode the given profiles that lack a current vector; returns how many were stored."""
    model = encoder()
    if model is None or not specialist_ids:
        return 0
    stored = 0
    ids = sorted(set(specialist_ids))
    for start in range(0, len(ids), BATCH):
        rows = list(
            Specialist.objects.filter(pk__in=ids[start : start + BATCH])
            .exclude(embedding_version=EMBEDDING_VERSION)
            .values("id", "headline", "bio", "skills", "profile_hash")
        )
        if not rows:
            continue
        vectors = model.encode(
            [
                profile_text(headline=r["headline"], bio=r["bio"], skills=r["skills"] or [])
                for r in rows
            ]
        )
        with transaction.atomic():
            for row, vector in zip(rows, vectors, strict=True):
                stored += Specialist.objects.filter(
                    pk=row["id"], profile_hash=row["profile_hash"]
                ).update(embedding=to_bytes(vector), embedding_version=EMBEDDING_VERSION)
    logger.info("embedded %d of %d profiles", stored, len(ids))
    return stored


def specialists_needing_embedding(*, limit: int) -> list[int]:
    """Listable profiles without a current vector, for the beat sweep to catch up."""
    return list(
        Specialist.objects.filter(vetted=True, is_active=True)
        .exclude(embedding_version=EMBEDDING_VERSION)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
