"""Guessing credentials does not pay: failed logins and failed keys are counted and held.

- Passwords (the API's token login and the admin's login form) are counted
  by django-axes per username and per client address: after
  ``LOGIN_FAILURE_LIMIT`` failures of either, that username (whatever address
  the guesses come from) or that address is locked for
  ``LOGIN_LOCKOUT_MINUTES``, even for the right password; staff lift a
  lockout in the admin (Axes > access attempts) or with ``manage.py
  axes_reset_username`` / ``axes_reset_ip``.
- Tokens and partner keys are counted per client address: after
  ``AUTH_FAILURES_PER_MINUTE`` refused credentials in a minute, every
  request from that address that carries a credential is answered 429 until
  the minute is over, so guessing runs at that rate at most.

The client address is ``REMOTE_ADDR`` unless ``NUM_PROXIES`` says how many
proxies of ours stand in front (DRF's rule): ``X-Forwarded-For``, which any
caller can write, is read only then.
"""

import ipaddress
import logging
import math
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)

_WINDOW_SECONDS = 60


def client_address(request: HttpRequest | Request) -> str | None:
    """The caller's address, trusting forwarded headers only from ``NUM_PROXIES`` proxies.

    None when the request carries no usable address (an in-process login such as
    the test client's ``force_login``): django-axes stores its address in an IP
    column, which PostgreSQL refuses to compare with anything else.
    """
    ident = BaseThrottle().get_ident(request)  # type: ignore[arg-type]
    try:
        return str(ipaddress.ip_address(str(ident).strip()))
    except ValueError:
        return None


def login_lockout_seconds() -> int:
    lockout = settings.AXES_COOLOFF_TIME
    return int(lockout.total_seconds()) if isinstance(lockout, timedelta) else 0


def login_locked_out(request: Request) -> bool:
    """Whether django-axes refused the login just attempted because its username is locked."""
    return bool(getattr(request, "axes_locked_out", False))


class LoginLockedOut(Throttled):
    default_detail = "Too many failed logins; try again later."


def _failure_key(request: HttpRequest | Request, window: int) -> str:
    return f"auth-failures:{client_address(request)}:{window}"


def failed_credentials_check(request: HttpRequest | Request) -> None:
    """Raise 429 when this address has spent its budget of refused credentials."""
    now = time.time()
    window = int(now // _WINDOW_SECONDS)
    try:
        failures = int(cache.get(_failure_key(request, window)) or 0)
    except Exception:  # a cache outage must not lock every caller out
        logger.warning("failed-credentials counter unavailable", exc_info=True)
        return
    if failures >= settings.AUTH_FAILURES_PER_MINUTE:
        raise Throttled(
            wait=max(1, math.ceil((window + 1) * _WINDOW_SECONDS - now)),
            detail="Too many refused credentials from this address; try again later.",
        )


def failed_credentials_record(request: HttpRequest | Request) -> None:
    key = _failure_key(request, int(time.time() // _WINDOW_SECONDS))
    try:
        if not cache.add(key, 1, timeout=2 * _WINDOW_SECONDS):
            cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=2 * _WINDOW_SECONDS)
    except Exception:
        logger.warning("failed-credentials counter unavailable", exc_info=True)
