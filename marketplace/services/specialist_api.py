"""Writes for the staff roster API: create and change specialists, then re-rank.

The roster's own rules (email normalisation, canonical skill keys) live in
``marketplace.services.specialists``; these services add what the API needs
on top: a duplicate email is an error on create rather than an update, an
email may change on PATCH, and a change that can move a specialist into or
out of a project's list queues re-matching.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from marketplace.models import Specialist
from marketplace.services.specialists import specialist_upsert
from matching.services.runs import specialists_changed

# Fields that matching reads: changing any of them can change a project's list.
MATCHING_FIELDS = frozenset(
    {
        "tier",
        "hourly_rate",
        "available_from",
        "hours_per_week",
        "skills",
        "vetted",
        "is_active",
    }
)

_DUPLICATE_EMAIL = "A specialist with this email already exists."


def _email_taken(email: str, *, other_than: Specialist | None = None) -> bool:
    taken = Specialist.objects.filter(email=email)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    return taken.exists()


def specialist_api_create(*, data: Mapping[str, Any]) -> Specialist:
    """Add a specialist; an email already on the roster is a validation error."""
    email = str(data["email"]).strip().lower()
    try:
        with transaction.atomic():
            if _email_taken(email):
                raise ValidationError({"email": [_DUPLICATE_EMAIL]})
            specialist, _ = specialist_upsert(data={**data, "email": email})
            if specialist.vetted and specialist.is_active:
                specialists_changed(specialist_ids=[specialist.pk])
    except IntegrityError:
        # A concurrent create with the same email won the unique constraint.
        raise ValidationError({"email": [_DUPLICATE_EMAIL]}) from None
    return specialist


def specialist_api_update(*, specialist: Specialist, data: Mapping[str, Any]) -> Specialist:
    """Change some fields of a specialist; re-rank open projects if matching cares."""
    try:
        with transaction.atomic():
            specialist = Specialist.objects.select_for_update().get(pk=specialist.pk)
            before = {field: getattr(specialist, field) for field in MATCHING_FIELDS}
            new_email = str(data.get("email", specialist.email)).strip().lower()
            if new_email != specialist.email:
                if _email_taken(new_email, other_than=specialist):
                    raise ValidationError({"email": [_DUPLICATE_EMAIL]})
                specialist.email = new_email
                specialist.save(update_fields=["email", "updated_at"])
            changes = {key: value for key, value in data.items() if key != "email"}
            if changes:
                specialist, _ = specialist_upsert(data={**changes, "email": new_email})
            if any(getattr(specialist, field) != before[field] for field in MATCHING_FIELDS):
                specialists_changed(specialist_ids=[specialist.pk])
    except IntegrityError:
        raise ValidationError({"email": [_DUPLICATE_EMAIL]}) from None
    return specialist
