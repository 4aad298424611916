"""Reads for projects and specialists, always scoped to the caller's tenant."""

from typing import Any

from django.db import connection
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
    """The version of what the caller reads of the project, or None if they may not see it.

    Asked before every cached read, so it is one hand-written statement: the
    ORM spent four times the database's time compiling it. Scoped exactly as
    ``project_list`` scopes (``test_read_version_is_scoped_like_project_list``).
    """
    if not is_staff and organization is None:
        return None
    # Identifiers from the model's own metadata, values as parameters.
    meta = Project._meta
    quote = connection.ops.quote_name
    parts = [
        "SELECT",
        quote(meta.get_field("read_version").column),
        "FROM",
        quote(meta.db_table),
        "WHERE",
        quote(meta.pk.column),
        "= %s",
    ]
    params: list[Any] = [project_id]
    if not is_staff:
        parts += ["AND", quote(meta.get_field("organization").column), "= %s"]
        params.append(organization.pk if organization is not None else None)
    with connection.cursor() as cursor:
        cursor.execute(" ".join(parts), params)
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def specialist_list() -> QuerySet[Specialist]:
    return Specialist.objects.all()


def specialist_get(*, specialist_id: int) -> Specialist | None:
    """For staff only: the roster is not tenant data, access is checked by the view."""
    return specialist_list().filter(pk=specialist_id).first()
