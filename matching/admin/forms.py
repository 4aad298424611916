"""The workbench's forms, and the intermediate step that staff actions share."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from marketplace.models import Role
from marketplace.vocabulary import REASON_MAX_LENGTH
from matching.models import Match


class MatchReviewForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Match.ReviewStatus.APPROVED, "Approve"),
            (Match.ReviewStatus.SHORTLISTED, "Shortlist"),
            (Match.ReviewStatus.REJECTED, "Reject"),
        ]
    )
    reason = forms.CharField(required=False, max_length=REASON_MAX_LENGTH, strip=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Match.ReviewStatus.REJECTED and not data.get("reason"):
            self.add_error("reason", "Say why the match is rejected.")
        return data


class RoleOverrideForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
    reason = forms.CharField(max_length=REASON_MAX_LENGTH, strip=True)


class RerunForm(forms.Form):
    reason = forms.CharField(required=False, max_length=REASON_MAX_LENGTH, strip=True)


class RejectReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Recorded with the decision; the client no longer sees these matches.",
    )


def action_with_form(
    *,
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet[Any],
    form_class: type[forms.Form],
    title: str,
    apply: Callable[[forms.Form], None],
) -> HttpResponse | None:
    """Run a changelist action that first asks for input on an intermediate page.

    The first POST (from the changelist) shows the form; the second (with
    ``apply``) validates it and calls ``apply``. Returning None sends the
    admin back to the changelist, where the action's messages are shown.
    """
    if "apply" in request.POST:
        form = form_class(request.POST)
        if form.is_valid():
            apply(form)
            return None
    else:
        form = form_class()
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "form": form,
        "objects": list(queryset[:200]),
        "count": queryset.count(),
        "action": request.POST.get("action", ""),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "select_across": request.POST.get("select_across", "0"),
    }
    return TemplateResponse(request, "admin/matching/action_form.html", context)
