"""Reads for accounts: who the caller acts for."""

from typing import Any

from accounts.models import Organization


def caller_is_staff(*, user: Any) -> bool:
    return bool(getattr(user, "is_staff", False)) and getattr(user, "api_key", None) is None


def caller_organization(*, user: Any) -> Organization | None:
    """The tenant a caller acts for: a partner key's or a client member's organization."""
    return getattr(user, "organization", None)
