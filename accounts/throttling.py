import math
from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from accounts.authentication import PartnerPrincipal

# A window's counter holds the previous window's count in its high bits and its
# own in the low bits, so one atomic INCR both counts and reads both.
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


class CallerRateThrottle(SimpleRateThrottle):
    """One budget per caller: a user, a partner key's organization, or an IP.

    Partners are throttled per organization so that minting more keys buys no
    more requests.

    A sliding window estimated from two fixed windows (the previous window's
    count weighted by how much of it still overlaps the last ``duration``
    seconds, plus the current window's count), kept as one counter per window:
    one cache round trip a request (an atomic increment), where DRF's
    timestamp list costs a read and a write of a list as long as the rate,
    and loses counts when two requests of a caller race. Refused requests
    count too, so a caller that keeps hammering stays refused.
    """

    scope = "caller"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        user: Any = request.user
        if isinstance(user, PartnerPrincipal):
            ident = f"org:{user.organization.pk}"
        elif user is not None and user.is_authenticated:
            ident = f"user:{user.pk}"
        else:
            self.scope = "anon"
            self.rate = self.get_rate()
            self.num_requests, self.duration = self.parse_rate(self.rate)
            ident = f"ip:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        if self.num_requests is None or self.duration is None:
            return True
        self.limit, self.window_seconds = self.num_requests, self.duration
        self.now = self.timer()
        window, self.elapsed = divmod(self.now, self.window_seconds)
        packed = self._count(f"{self.key}:{int(window)}", f"{self.key}:{int(window) - 1}")
        self.previous, self.current = packed >> _SHIFT, packed & _MASK
        overlap = 1 - self.elapsed / self.window_seconds
        if self.previous * overlap + self.current > self.limit:
            return self.throttle_failure()
        return True

    def _count(self, name: str, previous_name: str) -> int:
        try:
            return int(self.cache.incr(name))
        except ValueError:
            # The first request of this window: carry the previous one's count.
            prior = int(self.cache.get(previous_name, 0)) & _MASK
            first = (prior << _SHIFT) + 1
            # Lives through the next window too, which reads it as its previous.
            if self.cache.add(name, first, timeout=2 * self.window_seconds + 1):
                return first
            return int(self.cache.incr(name))

    def wait(self) -> float | None:
        """Seconds until the estimate is back within the budget (at least one)."""
        remaining = self.window_seconds - self.elapsed
        if self.current >= self.limit or not self.previous:
            return max(1.0, math.ceil(remaining))
        # previous * (1 - (elapsed + t) / window) + current <= limit
        fraction = 1 - (self.limit - self.current) / self.previous
        return max(1.0, math.ceil(min(remaining, fraction * self.window_seconds - self.elapsed)))


class DecisionRateThrottle(CallerRateThrottle):
    """A budget of its own for accepting and declining matches, per caller.

    Each decision can move a specialist's hours and so re-rank other
    tenants' lists: far fewer of them than of reads are ever needed.
    """

    scope = "decision"

    def get_rate(self) -> str | None:
        # Rates configured without this scope (an older override) fall back
        # to the caller's general rate rather than failing every decision.
        rates = self.THROTTLE_RATES
        return rates.get(self.scope) or rates.get(CallerRateThrottle.scope)
