"""Graded labels from the decision log, and the preference pairs the position rule keeps.

Labels, per project: accepted by the client (3) > approved or shortlisted
by staff (2) > shown without action (1) > declined or rejected (0). The
client's word, when there is one, outranks the desk's (a client who declines
an approved specialist has said more than the approval did).

Position bias: what was shown first gets more attention, so "shown without
action" near the bottom of a list usually means "not looked at", not "not
wanted". The rule (a cascade model of attention): the desk read the list
down to the deepest match anyone decided on, so every match at or above that
depth was examined, and every one below it was not. Pairs are formed only
between two examined matches with different grades; a match below the depth
makes no pair at all. Among examined matches attention is taken as equal, so
the pairs carry no position weight; and a list whose only decision is at the
top teaches nothing, whatever was chosen there ("always take the first"
cannot be learned as a preference for the first one's features). This keeps
the skip-above evidence (a lower-shown match preferred to the ones the desk
passed over above it) and the explicit rejections, and drops the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

GRADE_DECLINED = 0
GRADE_SHOWN = 1
GRADE_APPROVED = 2
GRADE_ACCEPTED = 3

# Match.ReviewStatus and Match.ClientStatus values (this module imports no models).
_REVIEW_GRADES = {"approved": GRADE_APPROVED, "shortlisted": GRADE_APPROVED, "rejected": 0}
_CLIENT_GRADES = {"accepted": GRADE_ACCEPTED, "declined": GRADE_DECLINED}


def grade(*, review: str = "", client: str = "") -> int:
    """The label of one shown match from the latest staff review and client decision."""
    if client in _CLIENT_GRADES:
        return _CLIENT_GRADES[client]
    return _REVIEW_GRADES.get(review, GRADE_SHOWN)


@dataclass(frozen=True)
class Shown:
    """One match of a list the desk acted on: where it was shown, its label, its figures."""

    specialist_id: int
    rank: int
    grade: int
    features: Mapping[str, float]

    @property
    def acted(self) -> bool:
        return self.grade != GRADE_SHOWN


@dataclass(frozen=True)
class Group:
    """The list of one project the desk last decided on, every match of it."""

    project_id: int
    items: tuple[Shown, ...]

    @property
    def depth(self) -> int:
        """The deepest rank anyone decided on: the desk read the list down to here."""
        return max((s.rank for s in self.items if s.acted), default=0)

    @property
    def examined(self) -> tuple[Shown, ...]:
        depth = self.depth
        return tuple(s for s in self.items if s.rank <= depth)

    @property
    def grades(self) -> dict[int, int]:
        return {s.specialist_id: s.grade for s in self.items}


def preference_pairs(group: Group) -> list[tuple[Shown, Shown]]:
    """(preferred, other) for every two examined matches with different grades."""
    pairs = []
    for a, b in combinations(group.examined, 2):
        if a.grade > b.grade:
            pairs.append((a, b))
        elif b.grade > a.grade:
            pairs.append((b, a))
    return pairs
