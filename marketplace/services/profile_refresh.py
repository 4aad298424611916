"""Bring every stored profile reading up to the running code's ``FEATURES_VERSION``.

A profile's text features (its concepts with their quotes, its BM25 term
counts) are computed when the profile is written. A release that changes how
a profile is read (the concept vocabulary, the phrase finder) bumps
``FEATURES_VERSION``; rows written before keep the old reading until they are
computed again. A row is recomputed when it is next written (``derive``), and
``manage.py refreshprofiles`` recomputes all of them once after such a deploy:
in batches, each in its own transaction with its rows locked (a profile edited
meanwhile is never overwritten with a reading of its old text), the reading in
worker processes, and at the end the open projects whose candidates' concepts
moved are ranked again. The text does not change, so embeddings are kept.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from marketplace.models import Specialist
from marketplace.services.specialist_import import specialists_bulk_update
from matching.relevance.features import FEATURES_VERSION, concept_keys, profile_features
from matching.services.rematch import specialists_changed

REFRESH_BATCH_SIZE = 2_000
# Rows per piece of work handed to a worker process.
REFRESH_CHUNK = 250

_Text = tuple[str, str, list[str]]  # headline, bio, skills
_Reading = tuple[dict[str, Any], list[str]]  # features, concept keys


@dataclass
class RefreshSummary:
    refreshed: int = 0
    # Specialists whose concept keys (what the ranking SQL pre-selects on) moved.
    changed_ids: list[int] = field(default_factory=list)
    projects_requeued: int = 0

    def line(self) -> str:
        return (
            f"refreshed {self.refreshed} profile(s); concepts changed for "
            f"{len(self.changed_ids)}; {self.projects_requeued} open project(s) queued "
            "to rank again"
        )


def stale_profiles() -> QuerySet[Specialist]:
    """Specialists whose stored reading was made by another ``FEATURES_VERSION`` (or none)."""
    # Spelled as "not (has the key and it is current)": a bare negated key lookup would
    # miss the rows with no version at all (NULL in SQL's three-valued logic).
    current = Q(profile_features__has_key="v") & Q(profile_features__v=FEATURES_VERSION)
    return Specialist.objects.exclude(current)


def _read(texts: Sequence[_Text]) -> list[_Reading]:
    # The text is unchanged, so its hash is too: only the reading is computed.
    out = []
    for headline, bio, skills in texts:
        features = profile_features(headline=headline, bio=bio, skills=skills)
        out.append((features, concept_keys(features)))
    return out


@contextmanager
def _reader(workers: int) -> Iterator[Callable[[list[_Text]], list[_Reading]]]:
    """A function that reads a batch of texts: in ``workers`` forked processes when > 1."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield _read
        return
    # Forked: the workers inherit the loaded apps and never touch the database.
    with multiprocessing.get_context("fork").Pool(workers) as pool:

        def read(texts: list[_Text]) -> list[_Reading]:
            chunks = [texts[i : i + REFRESH_CHUNK] for i in range(0, len(texts), REFRESH_CHUNK)]
            return [item for part in pool.map(_read, chunks) for item in part]

        yield read


def profiles_refresh(
    *,
    batch_size: int = REFRESH_BATCH_SIZE,
    workers: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> RefreshSummary:
    """Recompute the text features of every stale profile; re-rank what that moves."""
    summary = RefreshSummary()
    last_id = 0
    with _reader(workers) as read:
        while True:
            with transaction.atomic():
                rows = list(
                    stale_profiles()
                    .filter(id__gt=last_id)
                    .select_for_update()
                    .order_by("id")
                    .only("id", "headline", "bio", "skills", "concept_keys")[:batch_size]
                )
                if not rows:
                    break
                readings = read([(s.headline, s.bio, list(s.skills or [])) for s in rows])
                for specialist, (features, keys) in zip(rows, readings, strict=True):
                    if keys != list(specialist.concept_keys or []):
                        summary.changed_ids.append(specialist.pk)
                    specialist.profile_features = features
                    specialist.concept_keys = keys
                specialists_bulk_update(rows, ["profile_features", "concept_keys"])
            summary.refreshed += len(rows)
            last_id = rows[-1].pk
            if on_batch is not None:
                on_batch(len(rows))
    if summary.changed_ids:
        with transaction.atomic():
            summary.projects_requeued = specialists_changed(specialist_ids=summary.changed_ids)
    return summary
