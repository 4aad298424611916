"""Writes for the specialist roster: one at a time, or a whole file in bulk.

Every write keeps ``Specialist.skill_keys`` (canonical skill keys) in step with
``skills`` and, when a field that ranking reads changes, asks matching to rank
the affected open projects again (after the write commits).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from tqdm import tqdm

from marketplace.models import Specialist
from marketplace.roster_import import RejectedRow, RosterRow, count_records, parse_file
from matching.services.runs import specialists_changed
from matching.skills import canonical_skills

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
)
IMPORT_BATCH_SIZE = 2_000


def _clean_skills(skills: Any) -> list[str]:
    if isinstance(skills, str):
        skills = skills.split(";")
    if not isinstance(skills, (list, tuple)) or not all(isinstance(s, str) for s in skills):
        raise ValidationError({"skills": ["Must be a list of skill names."]})
    kept: dict[str, str] = {}
    for skill in skills:
        name = " ".join(skill.split())
        if name:
            kept.setdefault(name.casefold(), name)
    return list(kept.values())


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
    specialist.save()
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
    specialist.save()
    if before != _ranking_snapshot(specialist):
        specialists_changed(specialist_ids=[specialist.pk])
    return specialist


def _apply(specialist: Specialist, data: Mapping[str, Any]) -> None:
    # full_clean() afterwards turns text rates and ISO dates into typed values,
    # so the before/after comparison of ranking fields sees real changes only.
    for key, value in data.items():
        if key == "skills":
            value = _clean_skills(value)
            specialist.skill_keys = canonical_skills(value)
        elif key == "email":
            value = str(value).strip().lower()
        elif key == "skill_keys":
            continue  # derived from skills, never set directly
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
            values["skill_keys"] = canonical_skills(values["skills"])
            match = existing.get(row.email)
            if match is None:
                new.append(Specialist(email=row.email, **values))
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
                specialist.updated_at = now
                changed.append(specialist)
                if before != _ranking_snapshot(specialist):
                    summary.changed_ids.append(specialist.pk)

        Specialist.objects.bulk_create(new, batch_size=len(new) or None)
        if changed:
            Specialist.objects.bulk_update(
                changed, [*IMPORT_FIELDS, "updated_at"], batch_size=_UPDATE_BATCH
            )
    summary.created += len(new)
    summary.changed_ids.extend(s.pk for s in new if _matchable(s))


# bulk_update writes CASE WHEN id = ... per field: cost grows with the square of
# the batch, so updates go in smaller slices than inserts.
_UPDATE_BATCH = 500
