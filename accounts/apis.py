from typing import Any

from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from accounts.lockout import LoginLockedOut, login_locked_out, login_lockout_seconds
from accounts.services import client_token_issue
from api.parsers import BoundedJSONParser


class LoginRateThrottle(AnonRateThrottle):
    scope = "anon"


class TokenLoginApi(ObtainAuthToken):
    """``POST {"username", "password"}`` returns ``{"token": ...}``.

    Throttled per client address; failed logins lock the username out for a
    while (django-axes, see ``accounts.lockout``), the right password included.
    An expired token is replaced by a new one.
    """

    throttle_classes = [LoginRateThrottle]
    # JSON with the body limit enforced; forms are checked by Django itself.
    parser_classes = [BoundedJSONParser, FormParser]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            if login_locked_out(request):
                raise LoginLockedOut(wait=login_lockout_seconds())
            raise ValidationError(serializer.errors)
        token = client_token_issue(user=serializer.validated_data["user"])
        return Response({"token": token.key})
