"""Writes for the specialist roster: one at a time, or a whole file in bulk.

Every write keeps the derived columns in step with what they come from:
``skill_keys`` (canonical skill keys) with ``skills``; ``profile_features`` and
``concept_keys`` (what relevance reads) with the headline, bio and skills; the
``work_window`` with the time zone and working hours. When a field that
ranking reads changes, matching ranks the affected open projects again, and
when the profile's text changes its sentence embedding is queued for a worker
(both after the write commits).
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from tqdm import tqdm

from marketplace.models import Specialist
from marketplace.roster_import import RejectedRow, RosterRow, count_records, parse_file
from matching.relevance.features import concept_keys, profile_features
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
# Columns derived from others by ``_derive``; never set directly.
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
IMPORT_BATCH_SIZE = 2_000


def _clean_skills(skills: Any) -> list[str]:
    if isinstance(skills, str):
        skills = skills.split(";")
    if not isinstance(skills, (list, tuple)) or not all(isinstance(s, str) for s in skills):
        raise ValidationError({"skills": ["Must be a list of skill names."]})
    return tidy_skill_names(skills)


def profile_hash(*, headline: str, bio: str, skills: Iterable[str]) -> str:
    return hashlib.sha256(repr((headline, bio, list(skills))).encode()).hexdigest()


def _derive(specialist: Specialist) -> bool:
    """Bring the derived columns in step; True when the profile's text changed."""
    specialist.skill_keys = canonical_skills(specialist.skills or [])
    specialist.work_window = f"{specialist.timezone or 'UTC'} {specialist.working_hours}"
    digest = profile_hash(
        headline=specialist.headline, bio=specialist.bio, skills=specialist.skills or []
    )
    if digest == specialist.profile_hash and specialist.profile_features:
        return False
    features = profile_features(
        headline=specialist.headline, bio=specialist.bio, skills=specialist.skills or []
    )
    specialist.profile_features = features
    specialist.concept_keys = concept_keys(features)
    specialist.profile_hash = digest
    # The old vector described the old text: rank without it until a worker re-encodes.
    specialist.embedding = None
    specialist.embedding_version = ""
    return True


def _ranking_snapshot(specialist: Specialist) -> tuple[Any, ...]:
    return tuple(getattr(specialist, name) for name in RANKING_FIELDS)


def _matchable(specialist: Specialist) -> bool:
    return specialist.vetted and specialist.is_active


@transaction.atomic
def specialist_upsert(*, data: Mapping[str, object]) -> tuple[Specialist, bool]:
    """Create or update one specialist by email (case-insensitive)."""
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
    before = None if created else _ranking_snapshot(specialist)
    _apply(specialist, {key: value for key, value in data.items() if key != "email"})
    specialist.full_clean()
    text_changed = _derive(specialist)
    specialist.save()
    if text_changed:
        specialists_embed_enqueue(specialist_ids=[specialist.pk])
    if not created:
        specialist_reads_changed(specialist_ids=[specialist.pk])
    if (created and _matchable(specialist)) or (
        before is not None and before != _ranking_snapshot(specialist)
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
    before = _ranking_snapshot(specialist)
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
    text_changed = _derive(specialist)
    specialist.save()
    if text_changed:
        specialists_embed_enqueue(specialist_ids=[specialist.pk])
    specialist_reads_changed(specialist_ids=[specialist.pk])
    if before != _ranking_snapshot(specialist):
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
            continue  # derived by _derive, never set directly
        setattr(specialist, key, value)


# --- Bulk import -------------------------------------------------------------------


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    rejected: int = 0
    # Specialists whose ranking inputs changed (or who joined the matchable roster).
    changed_ids: list[int] = field(default_factory=list)
    projects_requeued: int = 0
    # Specialists whose profile text changed: their embeddings are queued for workers.
    reencode_ids: list[int] = field(default_factory=list)

    def line(self) -> str:
        return f"created {self.created}, updated {self.updated}, rejected {self.rejected}"


def specialists_import(
    *,
    path: Path,
    on_reject: Callable[[RejectedRow], None] | None = None,
    progress: IO[str] | None = None,
    batch_size: int = IMPORT_BATCH_SIZE,
) -> ImportSummary:
    """Load a roster file: create new emails, update known ones, report bad rows.

    Idempotent by email (case-insensitive). Rows are written in batches, each
    in its own transaction (one query finds a batch's existing emails; new
    rows go in with bulk_create, changed ones with bulk_update), so a crash
    half-way loses nothing already written and a re-run finishes the job.
    Once the file is done, the open projects that the changed specialists
    affect are ranked again, once each.
    """
    summary = ImportSummary()
    bar = tqdm(
        total=count_records(path),
        unit="rows",
        file=progress,
        disable=progress is None,
        mininterval=0.5,
        dynamic_ncols=True,
    )
    batch: list[RosterRow] = []
    try:
        for item in parse_file(path):
            bar.update(1)
            if isinstance(item, RejectedRow):
                summary.rejected += 1
                if on_reject is not None:
                    on_reject(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                _import_batch(batch, summary)
                batch = []
        if batch:
            _import_batch(batch, summary)
    finally:
        bar.close()
    if summary.changed_ids:
        with transaction.atomic():
            summary.projects_requeued = specialists_changed(specialist_ids=summary.changed_ids)
    if summary.reencode_ids:
        with transaction.atomic():
            specialists_embed_enqueue(specialist_ids=summary.reencode_ids)
    return summary


def _import_batch(rows: Iterable[RosterRow], summary: ImportSummary) -> None:
    rows = list(rows)
    now = timezone.now()
    with transaction.atomic():
        existing: dict[str, Specialist] = {}
        for found in (
            Specialist.objects.select_for_update()
            .alias(email_lower=Lower("email"))
            .filter(email_lower__in=[row.email for row in rows])
            .order_by("id")
        ):
            existing.setdefault(found.email.lower(), found)

        new: list[Specialist] = []
        changed: list[Specialist] = []
        for row in rows:
            values = dict(row.values)
            match = existing.get(row.email)
            if match is None:
                specialist = Specialist(email=row.email, **values)
                _derive(specialist)
                new.append(specialist)
                continue
            specialist = match
            summary.updated += 1
            before = _ranking_snapshot(specialist)
            dirty = False
            for name, value in values.items():
                if getattr(specialist, name) != value:
                    setattr(specialist, name, value)
                    dirty = True
            if dirty:
                if _derive(specialist):
                    summary.reencode_ids.append(specialist.pk)
                specialist.updated_at = now
                changed.append(specialist)
                if before != _ranking_snapshot(specialist):
                    summary.changed_ids.append(specialist.pk)

        Specialist.objects.bulk_create(new, batch_size=len(new) or None)
        _update_from_values(changed, [*IMPORT_FIELDS, "updated_at"])
        specialist_reads_changed(specialist_ids=[specialist.pk for specialist in changed])
    summary.created += len(new)
    summary.changed_ids.extend(s.pk for s in new if _matchable(s))
    summary.reencode_ids.extend(s.pk for s in new)


def _update_from_values(objs: list[Specialist], field_names: list[str]) -> None:
    """Write changed rows with one ``UPDATE ... FROM`` per slice: cost linear in rows.

    Django's bulk_update writes a CASE WHEN id = ... per field, which grows with
    the square of the slice (over 30 s for 20,000 rows on SQLite). PostgreSQL
    takes each column as one array parameter (unnest), so a statement has a
    dozen parameters whatever its size; SQLite (3.33+) takes a VALUES list,
    whose columns it names column1, column2, ...
    """
    if not objs:
        return
    fields = [f for f in Specialist._meta.concrete_fields if f.name in field_names]
    quote = connection.ops.quote_name
    table = quote(Specialist._meta.db_table)
    pk = quote(Specialist._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for start in range(0, len(objs), 5_000):
                chunk = objs[start : start + 5_000]
                arrays: list[Any] = [[obj.pk for obj in chunk]]
                types = ["bigint[]"]
                assignments = []
                for field in fields:
                    values = [getattr(obj, field.attname) for obj in chunk]
                    if field.get_internal_type() == "JSONField":
                        arrays.append([json.dumps(value) for value in values])
                        types.append("text[]")
                        assignments.append(
                            f"{quote(field.column)} = v.{quote(field.column)}::jsonb"
                        )
                    else:
                        arrays.append(values)
                        types.append(f"{field.db_type(connection)}[]")
                        assignments.append(f"{quote(field.column)} = v.{quote(field.column)}")
                columns = ", ".join([pk, *(quote(field.column) for field in fields)])
                sql = " ".join(
                    (
                        f"UPDATE {table} SET",
                        ", ".join(assignments),
                        "FROM unnest(",
                        ", ".join(f"%s::{type_}" for type_ in types),
                        f") AS v({columns}) WHERE {table}.{pk} = v.{pk}",
                    )
                )
                cursor.execute(sql, arrays)
            return
        row_sql = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
        assignments = [
            f"{quote(field.column)} = v.column{i}" for i, field in enumerate(fields, start=2)
        ]
        per_statement = max(1, (connection.features.max_query_params or 999) // (len(fields) + 1))
        for start in range(0, len(objs), per_statement):
            chunk = objs[start : start + per_statement]
            params: list[Any] = []
            for obj in chunk:
                params.append(obj.pk)
                params.extend(
                    field.get_db_prep_save(getattr(obj, field.attname), connection)
                    for field in fields
                )
            sql = " ".join(
                (
                    f"UPDATE {table} SET",
                    ", ".join(assignments),
                    "FROM (VALUES",
                    ", ".join([row_sql] * len(chunk)),
                    f") AS v WHERE {table}.{pk} = v.column1",
                )
            )
            cursor.execute(sql, params)


@transaction.atomic
def specialists_delete(*, specialist_ids: Iterable[int]) -> int:
    """Remove specialists (and the matches that listed them); returns how many went."""
    ids = sorted(set(specialist_ids))
    specialist_reads_changed(specialist_ids=ids)
    _deleted, by_model = Specialist.objects.filter(pk__in=ids).delete()
    return by_model.get(Specialist._meta.label, 0)
