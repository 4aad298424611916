from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser
from rest_framework.throttling import AnonRateThrottle

from api.parsers import BoundedJSONParser


class LoginRateThrottle(AnonRateThrottle):
    scope = "anon"


class TokenLoginApi(ObtainAuthToken):
    """``POST {"username", "password"}`` returns ``{"token": ...}``."""

    throttle_classes = [LoginRateThrottle]
    # JSON with the body limit enforced; forms are checked by Django itself.
    parser_classes = [BoundedJSONParser, FormParser]
