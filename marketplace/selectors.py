"""Reads for projects and specialists, always scoped to the caller's tenant."""

from django.db.models import QuerySet

from accounts.models import Organization
from marketplace.models import Project, Specialist


def project_list(*, organization: Organization | None, is_staff: bool = False) -> QuerySet[Project]:
    """A client's or partner's own projects; staff see every organization's."""
    queryset = Project.objects.select_related("organization")
    if is_staff:
        return queryset
    if organization is None:
        return queryset.none()
    return queryset.filter(organization=organization)


def project_get(
    *, project_id: int, organization: Organization | None, is_staff: bool = False
) -> Project | None:
    """The project if the caller may see it; another tenant's id is simply not found."""
    return project_list(organization=organization, is_staff=is_staff).filter(pk=project_id).first()


def project_read_version(
    *, project_id: int, organization: Organization | None, is_staff: bool = False
) -> int | None:
    """The version of what the caller reads of the project, or None if they may not see it."""
    return (
        project_list(organization=organization, is_staff=is_staff)
        .filter(pk=project_id)
        .order_by()
        .values_list("read_version", flat=True)
        .first()
    )


def specialist_list() -> QuerySet[Specialist]:
    return Specialist.objects.all()


def specialist_get(*, specialist_id: int) -> Specialist | None:
    """For staff only: the roster is not tenant data, access is checked by the view."""
    return specialist_list().filter(pk=specialist_id).first()
