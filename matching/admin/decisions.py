"""The decision log in the admin."""

from django.contrib import admin

from matching.admin.runs import ReadOnlyAdmin
from matching.models import Decision


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    """The audit trail: who decided what, when and why. Nobody edits history."""

    list_display = ["created_at", "actor_label", "action", "project", "specialist", "reason"]
    list_filter = ["action"]
    list_select_related = ["project", "specialist"]
    search_fields = ["reason", "project__title", "specialist__name", "actor_label"]
    date_hierarchy = "created_at"
