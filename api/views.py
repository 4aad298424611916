"""Base views and request helpers every app's ``apis.py`` shares."""

from typing import Any

from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Organization
from accounts.selectors import caller_organization


def acting_organization(request: Request) -> Organization:
    """The organization a write acts for; staff own no tenant data to write."""
    organization = caller_organization(user=request.user)
    if organization is None:
        raise PermissionDenied("Only a client or partner account can do this.")
    return organization


# A route on one of the caller's objects: an object they may not see is a 404
# on any method. DRF answers a method the route lacks (405) and OPTIONS (200)
# before any lookup; here the object is looked up first, so an id that is
# another tenant's, or nobody's, is "not found" whatever the method. (A comment,
# not a docstring: drf-spectacular would print a docstring in every operation.)
class ScopedObjectApi(APIView):
    def visible_object(self, request: Request, **kwargs: Any) -> object:
        """Return the object the URL names, or raise Http404 if the caller may not see it."""
        raise NotImplementedError

    # DRF hands these a DRF Request where Django's View types an HttpRequest.
    def http_method_not_allowed(  # type: ignore[override]
        self, request: Request, *args: Any, **kwargs: Any
    ) -> Response:
        self.visible_object(request, **kwargs)
        return super().http_method_not_allowed(request, *args, **kwargs)

    def options(self, request: Request, *args: Any, **kwargs: Any) -> Response:  # type: ignore[override]
        self.visible_object(request, **kwargs)
        return super().options(request, *args, **kwargs)
