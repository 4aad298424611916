"""Who may call what: staff keep the roster; clients and partners act for their organization."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from accounts.selectors import caller_is_staff, caller_organization


class IsStaffCaller(BasePermission):
    """Marketplace staff by token or session; never a partner key or a client."""

    message = "Only marketplace staff may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return caller_is_staff(user=request.user)


class ActsForOrganization(BasePermission):
    """A client member or a partner key: someone who owns tenant data."""

    message = "Only a client or partner account may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return caller_organization(user=request.user) is not None
