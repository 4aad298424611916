"""The decision log in the admin."""

from typing import Any

from django.contrib import admin

from matching.admin.runs import ReadOnlyAdmin
from matching.models import Decision


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """The audit trail: who decided what, when and why. Nobody edits history.

    Switches of the learned re-ranker carry no project or specialist; the
    version they concern is in ``details`` and shown as its own column.
    """

    list_display = [
        "created_at",
        "actor_label",
        "action",
        "project",
        "specialist",
        "ranker_version",
        "reason",
    ]
    list_filter = ["action"]
    list_select_related = ["project", "specialist"]
    search_fields = ["reason", "project__title", "specialist__name", "actor_label"]
    date_hierarchy = "created_at"

    @admin.display(description="ranker")
    def ranker_version(self, obj: Decision) -> Any:
        ranker = (obj.details or {}).get("ranker") if isinstance(obj.details, dict) else None
        return ranker or "—"
