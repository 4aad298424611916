"""The one base class of the domain's refusals.

A service raises a subclass when a rule of the domain says no (the project
is closed, the specialist has no free hours, a review without a reason).
The API's central exception handler (``api.exceptions``) maps every one of
them, so no view catches them by hand: ``kind`` "conflict" answers 409 and
"invalid" answers 400. Plain Python: services and the admin import it too.
"""


class DomainError(Exception):
    kind = "conflict"


class InvalidRequest(DomainError, ValueError):
    """What was asked is not a valid request (a ValueError for callers that expect one)."""

    kind = "invalid"
