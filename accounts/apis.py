from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import AnonRateThrottle


class LoginRateThrottle(AnonRateThrottle):
    scope = "anon"


class TokenLoginApi(ObtainAuthToken):
    """``POST {"username", "password"}`` returns ``{"token": ...}``."""

    throttle_classes = [LoginRateThrottle]
