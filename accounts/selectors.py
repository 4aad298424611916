"""Reads for accounts: who the caller acts for."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import Organization


def caller_is_staff(*, user: Any) -> bool:
    return bool(getattr(user, "is_staff", False)) and getattr(user, "api_key", None) is None


def caller_organization(*, user: Any) -> Organization | None:
    """The tenant a caller acts for: a partner key's or a client member's organization."""
    return getattr(user, "organization", None)


def token_expires_at(*, token: Token) -> datetime | None:
    """When a client token stops working: ``CLIENT_TOKEN_LIFETIME_DAYS`` after it was made."""
    days = settings.CLIENT_TOKEN_LIFETIME_DAYS
    return token.created + timedelta(days=days) if days > 0 else None


def token_is_expired(*, token: Token) -> bool:
    expires_at = token_expires_at(token=token)
    return expires_at is not None and expires_at <= timezone.now()
