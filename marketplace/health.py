"""``/health/``: is the database reachable, is the broker reachable.

A plain Django view, not a DRF one: load balancers probe it without
credentials, so neither authentication nor throttling applies, and it is
exempt from the HTTPS redirect (settings). Each check is bounded so that a
dead dependency answers 503 within a few seconds rather than hanging the
probe (and a web worker) until its own timeout. The answer is kept in the
shared cache for ``HEALTH_CACHE_SECONDS``, so probing it in a loop opens at
most one broker connection (and one query) per that interval, not one per call.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from marketplace.celery import app as celery_app

logger = logging.getLogger(__name__)

# Seconds one broker check may take; a refused port fails at once.
BROKER_CHECK_TIMEOUT = 2.0


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the reason goes to the body
        return False, type(exc).__name__
    return True, "ok"


def _broker_ok() -> tuple[bool, str]:
    try:
        with celery_app.connection_for_write(connect_timeout=BROKER_CHECK_TIMEOUT) as conn:
            # No retries: the probe asks "is it up now?"; retrying with the
            # worker's patience (forever) is exactly the hang to avoid.
            conn.ensure_connection(max_retries=0, timeout=BROKER_CHECK_TIMEOUT)
    except Exception as exc:
        return False, type(exc).__name__
    return True, "ok"


_CACHE_KEY = "health:last"


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    try:
        kept = cache.get(_CACHE_KEY)
    except Exception:  # the cache being down is no reason to answer nothing
        kept = None
    if kept is None:
        kept = _check()
        try:
            cache.set(_CACHE_KEY, kept, timeout=settings.HEALTH_CACHE_SECONDS)
        except Exception:
            logger.warning("health result not cached", exc_info=True)
    body, status = kept
    return JsonResponse(body, status=status)


def _check() -> tuple[dict[str, object], int]:
    started = time.monotonic()
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    if not healthy:
        logger.warning(
            "health check failed",
            extra={"database": db_detail, "broker": broker_detail},
        )
    body: dict[str, object] = {
        "status": "ok" if healthy else "unavailable",
        "database": db_detail,
        "broker": broker_detail,
        "duration_ms": int((time.monotonic() - started) * 1000),
    }
    return body, 200 if healthy else 503
