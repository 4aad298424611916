"""Mark what callers read of projects as changed: the version cached reads are keyed by.

``Project.read_version`` is bumped in the transaction of every write that
changes what ``GET /projects/{id}/`` or ``GET /projects/{id}/matches/`` shows,
so a cached rendering is never served once the write has committed (and a
reader that saw the new version can only have read the new rows). Services
that save the project row themselves bump it on the instance they hold locked;
the functions here are for writes that change what a project shows without
saving it: a decision on one of its matches, or an edit of a specialist it lists.
"""

from collections.abc import Iterable

from django.db.models import F

from marketplace.models import Project
from matching.models import Match


def project_reads_changed(*, project_ids: Iterable[int]) -> None:
    ids = sorted(set(project_ids))
    if ids:
        Project.objects.filter(pk__in=ids).update(read_version=F("read_version") + 1)


def specialist_reads_changed(*, specialist_ids: Iterable[int]) -> None:
    """A specialist shows in the matches of every project whose runs listed them."""
    ids = sorted(set(specialist_ids))
    if not ids:
        return
    listing = Project.objects.filter(
        pk__in=Match.objects.filter(specialist_id__in=ids).values("project_id")
    )
    # Locked in id order, like every other writer of several projects, so two
    # roster edits over overlapping projects cannot deadlock on the bump.
    locked = list(listing.select_for_update().order_by("pk").values_list("pk", flat=True))
    if locked:
        Project.objects.filter(pk__in=locked).update(read_version=F("read_version") + 1)
