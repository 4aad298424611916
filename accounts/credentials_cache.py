"""Who a credential belongs to, kept briefly in the shared cache.

Every API request authenticates; looking the token (or partner key) up in the
database each time cost more than the rest of a small read. A verified lookup
is kept for ``AUTH_CACHE_SECONDS`` and dropped as soon as its row changes
(a revoked or expired key, a deactivated user, a deleted token: see the
receivers below, which also cover admin edits that bypass the services), so
the cache only ever saves the lookup, never a decision that has since changed.
A partner key is cached by its public prefix and still checked against its
hash on every request: the secret is never a cache key or a cache value.
"""

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from accounts.models import PartnerAPIKey, User

logger = logging.getLogger(__name__)


def token_cache_key(key: str) -> str:
    return f"auth:token:{hashlib.sha256(key.encode()).hexdigest()}"


def api_key_cache_key(prefix: str) -> str:
    return f"auth:api-key:{prefix}"


def cached(name: str) -> Any:
    try:
        return cache.get(name)
    except Exception:
        logger.warning("credentials cache unavailable", exc_info=True)
        return None


def remember(name: str, value: Any) -> None:
    try:
        cache.set(name, value, timeout=settings.AUTH_CACHE_SECONDS)
    except Exception:
        logger.warning("credentials cache unavailable", exc_info=True)


def forget(*names: str) -> None:
    if not names:
        return
    try:
        cache.delete_many(list(names))
    except Exception:
        logger.warning("credentials cache unavailable", exc_info=True)


@receiver([post_save, post_delete], sender=Token)
def _token_changed(sender: Any, instance: Token, **kwargs: Any) -> None:
    forget(token_cache_key(instance.key))


@receiver([post_save, post_delete], sender=User)
def _user_changed(sender: Any, instance: User, **kwargs: Any) -> None:
    forget(
        *(
            token_cache_key(key)
            for key in Token.objects.filter(user_id=instance.pk).values_list("key", flat=True)
        )
    )


@receiver([post_save, post_delete], sender=PartnerAPIKey)
def _api_key_changed(sender: Any, instance: PartnerAPIKey, **kwargs: Any) -> None:
    forget(api_key_cache_key(instance.prefix))
