"""Writes for accounts: organizations, client users and their tokens, partner keys."""

from dataclasses import dataclass
from typing import cast

from django.contrib.auth import password_validation
from django.db import transaction
from rest_framework.authtoken.models import Token

from accounts.models import Organization, PartnerAPIKey, User
from accounts.selectors import token_is_expired


@dataclass(frozen=True)
class ClientAccount:
    user: User
    token: str
    created: bool


@transaction.atomic
def client_create(
    *, username: str, organization_name: str, password: str | None = None
) -> ClientAccount:
    """Create (or find) a client user in an organization and return its API token.

    Running it twice is harmless: the same user and token come back (a new
    token once the old one has expired). A user found in another organization
    is an error, never silently moved. A password must pass Django's password
    validators (``AUTH_PASSWORD_VALIDATORS``): ``ValidationError`` otherwise.
    """
    organization, _ = Organization.objects.get_or_create(
        name=organization_name, defaults={"kind": Organization.Kind.CLIENT}
    )
    user = User.objects.select_for_update().filter(username=username).first()
    created = user is None
    if user is None:
        user = User(username=username, organization=organization, role=User.Role.CLIENT)
        if password:
            password_validation.validate_password(password, user=user)
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean()
        user.save()
    elif user.organization_id != organization.pk:
        raise ValueError(
            f"user {username!r} already belongs to another organization "
            f"({user.organization or 'none'})"
        )
    elif password:
        password_validation.validate_password(password, user=user)
        user.set_password(password)
        user.save(update_fields=["password"])
    return ClientAccount(user=user, token=client_token_issue(user=user).key, created=created)


@transaction.atomic
def client_token_issue(*, user: User) -> Token:
    """The user's API token: the current one, or a new one when it has expired."""
    token, _ = Token.objects.select_for_update().get_or_create(user=user)
    if token_is_expired(token=token):
        token.delete()
        token = Token.objects.create(user=user)
    return token


@dataclass(frozen=True)
class PartnerKey:
    api_key: PartnerAPIKey
    key: str


@transaction.atomic
def partner_key_create(*, partner_name: str, key_name: str = "default") -> PartnerKey:
    """Create a partner organization (or reuse it) and mint a new API key.

    The plain key is returned once; only its hash is stored.
    """
    organization, _ = Organization.objects.get_or_create(
        name=partner_name, defaults={"kind": Organization.Kind.PARTNER}
    )
    api_key, key = PartnerAPIKey.objects.create_key(name=key_name, organization=organization)
    return PartnerKey(api_key=cast(PartnerAPIKey, api_key), key=key)


def partner_key_revoke(*, api_key: PartnerAPIKey) -> None:
    api_key.revoked = True
    api_key.save(update_fields=["revoked"])
