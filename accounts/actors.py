"""Who did something: the one type every service's ``actor`` argument takes."""

from typing import TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from accounts.authentication import PartnerPrincipal
from accounts.models import User

# A staff or client user, a partner's key, or None for the system itself;
# ``request.user`` from Django's admin or DRF fits as it is.
Actor: TypeAlias = AbstractBaseUser | AnonymousUser | PartnerPrincipal | None


def actor_user(actor: Actor) -> User | None:
    """The user behind ``actor``, for the foreign keys that name a person."""
    return actor if isinstance(actor, User) else None
