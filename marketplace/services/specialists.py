"""Writes for the specialist roster."""

from collections.abc import Mapping

from marketplace.models import Specialist


def specialist_upsert(*, data: Mapping[str, object]) -> tuple[Specialist, bool]:
    """Create or update one specialist by email."""
    fields = {key: value for key, value in data.items() if key != "email"}
    email = str(data["email"]).strip().lower()
    specialist = Specialist.objects.filter(email=email).first()
    created = specialist is None
    if specialist is None:
        specialist = Specialist(email=email)
    for key, value in fields.items():
        setattr(specialist, key, value)
    specialist.full_clean()
    specialist.save()
    return specialist, created
