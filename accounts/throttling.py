from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from accounts.authentication import PartnerPrincipal


class CallerRateThrottle(SimpleRateThrottle):
    """One budget per caller: a user, a partner key's organization, or an IP.

    Partners are throttled per organization so that minting more keys buys no
    more requests.
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
