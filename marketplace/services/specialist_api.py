"""Writes for the staff roster API: create and change specialists.

The roster's own rules (email normalisation, canonical skill keys, re-ranking
the open projects a change affects) live in ``marketplace.services.specialists``;
the API adds one rule on top: creating with an email already on the roster is
an error rather than an update.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from marketplace.models import Specialist
from marketplace.services.specialists import specialist_update, specialist_upsert

_DUPLICATE_EMAIL = "A specialist with this email already exists."


def specialist_api_create(*, data: Mapping[str, Any]) -> Specialist:
    """Add a specialist; an email already on the roster is a validation error."""
    email = str(data["email"]).strip().lower()
    try:
        with transaction.atomic():
            taken = Specialist.objects.alias(email_lower=Lower("email")).filter(email_lower=email)
            if taken.exists():
                raise ValidationError({"email": [_DUPLICATE_EMAIL]})
            specialist, _ = specialist_upsert(data={**data, "email": email})
    except IntegrityError:
        # A concurrent create with the same email won the unique constraint.
        raise ValidationError({"email": [_DUPLICATE_EMAIL]}) from None
    return specialist


def specialist_api_update(*, specialist: Specialist, data: Mapping[str, Any]) -> Specialist:
    """Change some fields of a specialist (re-ranking follows from the roster service)."""
    try:
        return specialist_update(specialist=specialist, data=data)
    except IntegrityError:
        raise ValidationError({"email": [_DUPLICATE_EMAIL]}) from None
