"""Writes for the specialist roster, one at a time (a whole file: ``specialist_import``).

Every write keeps the derived columns in step with what they come from:
``skill_keys`` (canonical skill keys) with ``skills``; ``profile_features`` and
``concept_keys`` (what relevance reads) with the headline, bio and skills; the
``work_window`` with the time zone and working hours. When a field that
ranking reads changes, matching ranks the affected open projects again, and
when the profile's text changes its sentence embedding is queued for a worker
(both after the write commits).
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from marketplace.models import Specialist
from matching.relevance.features import FEATURES_VERSION, concept_keys, profile_features
from matching.services.embeddings import specialists_embed_enqueue
from matching.services.read_versions import specialist_reads_changed
from matching.services.rematch import specialists_changed
from matching.skills import canonical_skills, tidy_skill_names

# Fields whose change can move a specialist onto, up, down or off a list.
RANKING_FIELDS = (
    "tier",
    "hourly_rate",
    "available_from",
    "vetted",
    "is_active",
    "hours_per_week",
    "committed_hours",
    "skill_keys",
    "concept_keys",
    "work_window",
    "profile_hash",
)
# Columns derived from others by ``derive``; never set directly.
DERIVED_FIELDS = (
    "skill_keys",
    "profile_features",
    "concept_keys",
    "profile_hash",
    "work_window",
    "embedding",
    "embedding_version",
)
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "email",
        "phone",
        "headline",
        "tier",
        "hourly_rate",
        "available_from",
        "hours_per_week",
        "committed_hours",
        "skills",
        "timezone",
        "working_hours",
        "bio",
        "vetted",
        "is_active",
    }
)
# What a roster file may set on an existing specialist.
IMPORT_FIELDS = (
    "name",
    "tier",
    "hourly_rate",
    "available_from",
    "skills",
    "skill_keys",
    "vetted",
    "is_active",
    "headline",
    "phone",
    "hours_per_week",
    "timezone",
    "working_hours",
    "bio",
    "profile_features",
    "concept_keys",
    "profile_hash",
    "work_window",
    "embedding",
    "embedding_version",
)


def _clean_skills(skills: Any) -> list[str]:
    if isinstance(skills, str):
        skills = skills.split(";")
    if not isinstance(skills, (list, tuple)) or not all(isinstance(s, str) for s in skills):
        raise ValidationError({"skills": ["Must be a list of skill names."]})
    return tidy_skill_names(skills)


def profile_hash(*, headline: str, bio: str, skills: Iterable[str]) -> str:
    return hashlib.sha256(repr((headline, bio, list(skills))).encode()).hexdigest()


@dataclass(frozen=True)
class TextFeatures:
    """What relevance keeps of a profile's text, and the hash of the text it came from."""

    digest: str
    features: dict[str, Any]
    concept_keys: list[str]


def text_features(*, headline: str, bio: str, skills: list[str]) -> TextFeatures:
    """Pure (no database): the bulk import computes these in worker processes."""
    features = profile_features(headline=headline, bio=bio, skills=skills)
    return TextFeatures(
        digest=profile_hash(headline=headline, bio=bio, skills=skills),
        features=features,
        concept_keys=concept_keys(features),
    )


def work_window(*, timezone: str, working_hours: str) -> str:
    """The ``work_window`` column: "<zone> <hours>", the zone UTC when none is given."""
    return f"{timezone or 'UTC'} {working_hours}"


def derive(specialist: Specialist, *, precomputed: TextFeatures | None = None) -> bool:
    """Bring the derived columns in step; True when the profile's text changed.

    ``precomputed`` features are used when they were computed from the same text.
    Features an older ``FEATURES_VERSION`` computed are computed again, keeping
    the embedding: the text it describes is the same.
    (The bulk import derives a new row's columns without a model instance, in
    ``specialist_import._new_row``: the two must stay in step.)
    """
    specialist.skill_keys = canonical_skills(specialist.skills or [])
    specialist.work_window = work_window(
        timezone=specialist.timezone, working_hours=specialist.working_hours
    )
    skills = list(specialist.skills or [])
    digest = profile_hash(headline=specialist.headline, bio=specialist.bio, skills=skills)
    stored = specialist.profile_features or {}
    if digest == specialist.profile_hash and stored.get("v") == FEATURES_VERSION:
        return False
    text = (
        precomputed
        if precomputed is not None and precomputed.digest == digest
        else text_features(headline=specialist.headline, bio=specialist.bio, skills=skills)
    )
    specialist.profile_features = text.features
    specialist.concept_keys = text.concept_keys
    if digest == specialist.profile_hash:
        return False
    specialist.profile_hash = text.digest
    # The old vector described the old text: rank without it until a worker re-encodes.
    specialist.embedding = None
    specialist.embedding_version = ""
    return True


def ranking_snapshot(specialist: Specialist) -> tuple[Any, ...]:
    return tuple(getattr(specialist, name) for name in RANKING_FIELDS)


def matchable(specialist: Specialist) -> bool:
    return specialist.vetted and specialist.is_active


@transaction.atomic
def specialist_upsert(
    *, data: Mapping[str, object], queue_embedding: bool = True
) -> tuple[Specialist, bool]:
    """Create or update one specialist by email (case-insensitive).

    ``queue_embedding=False`` leaves queueing the new text's encoding to a caller
    that writes many rows and queues them in one go.
    """
    email = str(data["email"]).strip().lower()
    found = (
        Specialist.objects.select_for_update()
        .alias(email_lower=Lower("email"))
        .filter(email_lower=email)
        .order_by("id")
        .first()
    )
    created = found is None
    specialist: Specialist = Specialist(email=email) if found is None else found
    before = None if created else ranking_snapshot(specialist)
    _apply(specialist, {key: value for key, value in data.items() if key != "email"})
    specialist.full_clean()
    text_changed = derive(specialist)
    specialist.save()
    if text_changed and queue_embedding:
        specialists_embed_enqueue(specialist_ids=[specialist.pk])
    if not created:
        specialist_reads_changed(specialist_ids=[specialist.pk])
    if (created and matchable(specialist)) or (
        before is not None and before != ranking_snapshot(specialist)
    ):
        specialists_changed(specialist_ids=[specialist.pk])
    return specialist, created


@transaction.atomic
def specialist_update(*, specialist: Specialist, data: Mapping[str, Any]) -> Specialist:
    """Change a specialist; re-rank the open projects it affects if ranking inputs moved.

    Raises ``django.core.exceptions.ValidationError`` naming each bad field.
    """
    unknown = sorted(set(data) - EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed here."] for name in unknown})
    specialist = Specialist.objects.select_for_update().get(pk=specialist.pk)
    before = ranking_snapshot(specialist)
    _apply(specialist, data)
    if (
        "email" in data
        and Specialist.objects.alias(email_lower=Lower("email"))
        .filter(email_lower=specialist.email)
        .exclude(pk=specialist.pk)
        .exists()
    ):
        raise ValidationError({"email": ["Another specialist already has this email."]})
    specialist.full_clean()
    text_changed = derive(specialist)
    specialist.save()
    if text_changed:
        specialists_embed_enqueue(specialist_ids=[specialist.pk])
    specialist_reads_changed(specialist_ids=[specialist.pk])
    if before != ranking_snapshot(specialist):
        specialists_changed(specialist_ids=[specialist.pk])
    return specialist


def _apply(specialist: Specialist, data: Mapping[str, Any]) -> None:
    # full_clean() afterwards turns text rates and ISO dates into typed values,
    # so the before/after comparison of ranking fields sees real changes only.
    for key, value in data.items():
        if key == "skills":
            value = _clean_skills(value)
        elif key == "email":
            value = str(value).strip().lower()
        elif key in DERIVED_FIELDS:
            continue  # computed by derive(), never set directly
        setattr(specialist, key, value)


@transaction.atomic
def specialists_delete(*, specialist_ids: Iterable[int]) -> int:
    """Remove specialists (and the matches that listed them); returns how many went."""
    ids = sorted(set(specialist_ids))
    specialist_reads_changed(specialist_ids=ids)
    _deleted, by_model = Specialist.objects.filter(pk__in=ids).delete()
    return by_model.get(Specialist._meta.label, 0)
