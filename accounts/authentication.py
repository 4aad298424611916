"""Who is calling: a client or staff user by token, or a partner by API key."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token
from rest_framework.request import Request

from accounts.credentials_cache import api_key_cache_key, cached, remember, token_cache_key
from accounts.lockout import failed_credentials_check, failed_credentials_record
from accounts.models import Organization, PartnerAPIKey
from accounts.selectors import token_is_expired


class CountsFailures(authentication.BaseAuthentication):
    """Refused credentials are counted per client address; past the budget, 429.

    Applies only to requests that use this scheme (``keyword``), so a caller
    without credentials, or with another scheme, is not held by it.
    """

    keyword: str

    def authenticate(self, request: Request) -> Any:
        scheme = authentication.get_authorization_header(request).split(b" ", 1)[0]
        if scheme.lower() != self.keyword.lower().encode():
            return super().authenticate(request)
        failed_credentials_check(request)
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            failed_credentials_record(request)
            raise


class ClientTokenAuthentication(CountsFailures, authentication.TokenAuthentication):
    """``Authorization: Token <token>`` for client members and staff."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        # One query for the token, its user and the user's organization: every
        # tenant-scoped request needs the organization. Kept briefly (see
        # accounts.credentials_cache); an unknown token is never cached.
        name = token_cache_key(key)
        token = cached(name)
        if not isinstance(token, Token) or token.key != key:
            try:
                token = Token.objects.select_related("user", "user__organization").get(key=key)
            except Token.DoesNotExist:
                raise exceptions.AuthenticationFailed("Invalid token.") from None
            remember(name, token)
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        if token_is_expired(token=token):
            raise exceptions.AuthenticationFailed(
                "This token has expired; log in again for a new one."
            )
        return token.user, token


@dataclass(eq=False)
class PartnerPrincipal:
    """Stands in for ``request.user`` when a partner calls with an API key.

    A partner acts as its own organization; it is never staff.
    """

    organization: Organization
    api_key: PartnerAPIKey
    is_authenticated: bool = field(default=True, init=False)
    is_anonymous: bool = field(default=False, init=False)
    is_active: bool = field(default=True, init=False)
    is_staff: bool = field(default=False, init=False)
    is_superuser: bool = field(default=False, init=False)
    pk: None = field(default=None, init=False)
    id: None = field(default=None, init=False)

    @property
    def username(self) -> str:
        return f"partner-key:{self.api_key.prefix}"

    def __str__(self) -> str:
        return self.username


class _PartnerApiKeyCheck(authentication.BaseAuthentication):
    keyword = "Api-Key"

    def authenticate(self, request: Request) -> tuple[PartnerPrincipal, PartnerAPIKey] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _, key = header.partition(" ")
        if scheme != self.keyword:
            return None
        key = key.strip()
        if not key or " " in key:
            raise exceptions.AuthenticationFailed("Invalid Api-Key header.")
        # Looked up by prefix (not get_from_key, which hides revoked and expired
        # keys) so that a caller holding a real key learns why it stopped working.
        prefix, _, _ = key.partition(".")
        name = api_key_cache_key(prefix)
        api_key = cached(name)
        if not isinstance(api_key, PartnerAPIKey) or api_key.prefix != prefix:
            api_key = (
                PartnerAPIKey.objects.select_related("organization").filter(prefix=prefix).first()
            )
            if api_key is not None:
                remember(name, api_key)
        # Checked against the stored hash every time, cached row or not.
        if api_key is None or not api_key.is_valid(key):
            raise exceptions.AuthenticationFailed("Invalid API key.")
        if api_key.revoked:
            raise exceptions.AuthenticationFailed("This API key has been revoked.")
        if api_key.expiry_date is not None and api_key.expiry_date <= timezone.now():
            raise exceptions.AuthenticationFailed("This API key has expired.")
        return PartnerPrincipal(organization=api_key.organization, api_key=api_key), api_key

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class PartnerApiKeyAuthentication(CountsFailures, _PartnerApiKeyCheck):
    """``Authorization: Api-Key <key>``: hashed keys, revocable, optional expiry."""


class PartnerApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.PartnerApiKeyAuthentication"
    name = "partnerApiKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Partner API key: "Authorization: Api-Key <key>".',
        }
