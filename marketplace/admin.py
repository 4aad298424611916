"""The roster in the admin: specialists (changed through the roster services,
which re-rank the open projects a change affects) and idempotency keys.

The project review workbench is matching's: see ``matching/admin/``.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import format_html

from marketplace.dates import validate_date_in_bounds
from marketplace.models import IdempotencyKey, Specialist
from marketplace.services.specialists import (
    specialist_update,
    specialist_upsert,
    specialists_delete,
)
from marketplace.vocabulary import REASON_MAX_LENGTH
from matching.admin.forms import action_with_form
from matching.admin.selectors import specialist_history
from matching.services.reviews import specialists_bulk_update


class AvailabilityForm(forms.Form):
    available_from = forms.DateField(
        label="Available from",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_date_in_bounds],
        help_text="The first day the selected specialists can start.",
    )
    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )


class AvailabilityFilter(admin.SimpleListFilter):
    title = "availability"
    parameter_name = "available"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("now", "Available now"), ("later", "Available later")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Specialist]
    ) -> QuerySet[Specialist]:
        today = timezone.localdate()
        if self.value() == "now":
            return queryset.filter(available_from__lte=today)
        if self.value() == "later":
            return queryset.filter(available_from__gt=today)
        return queryset


# Changed only through the bulk actions, so that each change is a recorded decision.
_DECISION_FIELDS = ["vetted", "is_active", "available_from"]


@admin.register(Specialist)
class SpecialistAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "tier",
        "hourly_rate",
        "available_from",
        "capacity_display",
        "vetted",
        "is_active",
    ]
    list_filter = ["tier", "vetted", "is_active", AvailabilityFilter]
    search_fields = ["name", "email", "headline", "bio"]
    search_help_text = "Name, email, headline or bio"
    # Derived by the roster services from the profile's text: shown, never edited.
    exclude = ["profile_features", "profile_hash", "embedding"]
    list_per_page = 100
    actions = [
        "vet_specialists",
        "unvet_specialists",
        "deactivate_specialists",
        "reactivate_specialists",
        "change_availability",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        readonly = [
            "capacity_display",
            "skill_keys",
            "concept_keys",
            "work_window",
            "embedding_version",
            "committed_hours",
            "created_at",
            "updated_at",
        ]
        if obj is not None:
            # Email is the roster's identity (imports upsert by it); vetting, activity
            # and availability change through the actions, which record a decision.
            readonly = ["email", *_DECISION_FIELDS, *readonly]
        return readonly

    @admin.display(description="capacity (h/week)")
    def capacity_display(self, obj: Specialist) -> str:
        return format_html(
            '{} of {} committed, <strong class="{}">{} free</strong>',
            obj.committed_hours,
            obj.hours_per_week,
            "mp-ok" if obj.remaining_hours else "mp-low",
            obj.remaining_hours,
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        specialist = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if specialist is not None:
            context["history"] = specialist_history(specialist=specialist)
        return super().change_view(request, object_id, form_url, extra_context=context)

    def save_model(self, request: HttpRequest, obj: Specialist, form: Any, change: bool) -> None:
        # The roster services re-rank the open projects a change affects.
        fields = [name for name in form.changed_data if name in form.cleaned_data]
        if change:
            specialist = Specialist.objects.get(pk=obj.pk)
            specialist_update(
                specialist=specialist, data={name: form.cleaned_data[name] for name in fields}
            )
        else:
            specialist, _created = specialist_upsert(data=dict(form.cleaned_data))
        # The admin goes on to log and redirect with the object it built.
        obj.pk = specialist.pk
        obj._state.adding = False
        obj._state.db = specialist._state.db

    # Through the service: the matches that listed them go too, and show it.
    def delete_model(self, request: HttpRequest, obj: Specialist) -> None:
        specialists_delete(specialist_ids=[obj.pk])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Specialist]) -> None:
        specialists_delete(specialist_ids=list(queryset.values_list("pk", flat=True)))

    def _bulk_update(
        self,
        request: HttpRequest,
        queryset: QuerySet[Specialist],
        changes: dict[str, Any],
        reason: str = "",
    ) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        changed = specialists_bulk_update(
            specialist_ids=ids,
            changes=changes,
            actor=request.user,
            reason=reason,
        )
        self.message_user(
            request,
            f"Changed {len(changed)} of {len(ids)} specialist(s); "
            "the open projects they affect are being matched again.",
            level=messages.SUCCESS,
        )

    @admin.action(description="Mark selected specialists as vetted", permissions=["change"])
    def vet_specialists(self, request: HttpRequest, queryset: QuerySet[Specialist]) -> None:
        self._bulk_update(request, queryset, {"vetted": True})

    @admin.action(description="Withdraw vetting of selected specialists", permissions=["change"])
    def unvet_specialists(self, request: HttpRequest, queryset: QuerySet[Specialist]) -> None:
        self._bulk_update(request, queryset, {"vetted": False})

    @admin.action(description="Deactivate selected specialists", permissions=["change"])
    def deactivate_specialists(self, request: HttpRequest, queryset: QuerySet[Specialist]) -> None:
        self._bulk_update(request, queryset, {"is_active": False})

    @admin.action(description="Reactivate selected specialists", permissions=["change"])
    def reactivate_specialists(self, request: HttpRequest, queryset: QuerySet[Specialist]) -> None:
        self._bulk_update(request, queryset, {"is_active": True})

    @admin.action(
        description="Change availability of selected specialists…", permissions=["change"]
    )
    def change_availability(
        self, request: HttpRequest, queryset: QuerySet[Specialist]
    ) -> HttpResponse | None:
        return action_with_form(
            model_admin=self,
            request=request,
            queryset=queryset,
            form_class=AvailabilityForm,
            title="Change availability",
            apply=lambda form: self._bulk_update(
                request,
                queryset,
                {"available_from": form.cleaned_data["available_from"]},
                form.cleaned_data["reason"],
            ),
        )


_IDEMPOTENCY_KEY_FIELDS = ("key", "organization", "method", "path", "response_status", "created_at")


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = _IDEMPOTENCY_KEY_FIELDS
    list_select_related = ["organization"]
    search_fields = ["key", "organization__name"]
    # The stored response is what a replay answers, a caller's data: staff see
    # that a key was used and how it was answered, not what it returned.
    fields = readonly_fields = _IDEMPOTENCY_KEY_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
