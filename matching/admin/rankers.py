"""The learned re-ranker in the admin: every trained version, its figures, which is in charge."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from matching.admin.runs import ReadOnlyAdmin
from matching.models import RankerModel
from matching.services.rankers import ranker_activate, ranker_deactivate


@admin.register(RankerModel)
class RankerModelAdmin(ReadOnlyAdmin):
    """Versions are written by ``manage.py trainranker``; staff switch which one orders lists.

    Every switch, and every version trained but left off, is a ``Decision``
    (see the decision log, filtered by its ranker actions).
    """

    list_display = [
        "version",
        "active",
        "passed_rule",
        "learned_ndcg5",
        "hand_ndcg5",
        "projects",
        "trained_at",
        "activated_at",
        "activated_by",
    ]
    list_filter = ["active", "passed_rule"]
    readonly_fields = [
        "version",
        "kind",
        "active",
        "passed_rule",
        "verdict",
        "coefficients",
        "metrics",
        "trained_at",
        "activated_at",
        "activated_by",
    ]
    actions = ["put_in_charge", "hand_weights_in_charge"]

    def _metric(self, obj: RankerModel, name: str) -> Any:
        return (obj.metrics or {}).get(name, "—")

    @admin.display(description="held-out NDCG@5, learned")
    def learned_ndcg5(self, obj: RankerModel) -> Any:
        return self._metric(obj, "learned_ndcg5")

    @admin.display(description="held-out NDCG@5, hand weights")
    def hand_ndcg5(self, obj: RankerModel) -> Any:
        return self._metric(obj, "hand_ndcg5")

    @admin.display(description="projects with decisions")
    def projects(self, obj: RankerModel) -> Any:
        return self._metric(obj, "projects")

    def has_switch_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("matching.change_rankermodel")

    @admin.action(
        description="Put the selected version in charge of ranking", permissions=["switch"]
    )
    def put_in_charge(self, request: HttpRequest, queryset: QuerySet[RankerModel]) -> None:
        chosen = list(queryset[:2])
        if len(chosen) != 1:
            self.message_user(request, "Select exactly one version.", level=messages.ERROR)
            return
        if chosen[0].active:
            self.message_user(request, f"{chosen[0].label} is already in charge.")
            return
        model = ranker_activate(model=chosen[0], actor=request.user)
        note = "" if model.passed_rule else " It did not pass the activation rule when trained."
        self.message_user(
            request,
            f"{model.label} now orders new match runs.{note}",
            level=messages.WARNING if note else messages.SUCCESS,
        )

    @admin.action(description="Hand ranking back to the hand weights", permissions=["switch"])
    def hand_weights_in_charge(self, request: HttpRequest, queryset: QuerySet[RankerModel]) -> None:
        if not ranker_deactivate(actor=request.user):
            self.message_user(request, "The hand weights are already in charge.")
            return
        self.message_user(
            request, "The hand weights now order new match runs.", level=messages.SUCCESS
        )
