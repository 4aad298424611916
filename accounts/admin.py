from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy
from rest_framework_api_key.admin import APIKeyModelAdmin
from rest_framework_api_key.models import APIKey

from accounts.models import Organization, PartnerAPIKey, User
from accounts.selectors import token_expires_at
from accounts.services import partner_key_revoke


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "member_count", "project_count", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organization]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                member_count=Count("members", distinct=True),
                project_count=Count("projects", distinct=True),
            )
        )

    @admin.display(description="members", ordering="member_count")
    def member_count(self, obj: Any) -> int:
        return int(obj.member_count)

    @admin.display(description="projects", ordering="project_count")
    def project_count(self, obj: Any) -> int:
        return int(obj.project_count)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "organization", "role", "is_staff", "is_active"]
    list_filter = ["role", "is_staff", "is_active"]
    list_select_related = ["organization"]
    search_fields = ["username", "email", "organization__name"]
    autocomplete_fields = ["organization"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Marketplace", {"fields": ("organization", "role")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        ("Marketplace", {"fields": ("organization", "role")}),
    )


# DRF registers its token admin without joins; a list of a thousand tokens
# would cost a thousand queries, and staff want to see the organization.
admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class ClientTokenAdmin(TokenAdmin):
    # A token is a password: staff see enough of it to tell two apart, never
    # enough to use it (the change page's link goes by the user, not the key).
    list_display = ("key_prefix", "user", "organization", "created", "expires_at")
    list_display_links = ("key_prefix",)
    list_select_related = ("user", "user__organization")
    search_fields = ("user__username", "user__organization__name")
    autocomplete_fields = ("user",)

    @admin.display(description="key")
    def key_prefix(self, obj: Any) -> str:
        return f"{obj.key[:8]}…"

    @admin.display(description="expires")
    def expires_at(self, obj: Any) -> Any:
        return token_expires_at(token=obj) or "never"

    @admin.display(description="organization", ordering="user__organization__name")
    def organization(self, obj: Any) -> Any:
        return obj.user.organization or "—"


# The library's own key model authenticates nothing here (partners use
# PartnerAPIKey); listing it would invite staff to mint keys that never work.
admin.site.unregister(APIKey)


@admin.register(PartnerAPIKey)
class PartnerAPIKeyAdmin(APIKeyModelAdmin):
    # The inherited save_model shows a new key once in a message; only its
    # prefix and hash are stored, so the list shows the prefix alone.
    list_select_related = ("organization",)
    actions = ["revoke"]

    def get_list_display(self, request: HttpRequest) -> Any:
        return [*super().get_list_display(request), "organization"]

    def get_list_filter(self, request: HttpRequest) -> Any:
        return [*super().get_list_filter(request), "revoked", "organization"]

    def get_search_fields(self, request: HttpRequest) -> Any:
        return [*super().get_search_fields(request), "organization__name"]

    @admin.action(description="Revoke selected keys", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[PartnerAPIKey]) -> None:
        keys = list(queryset.filter(revoked=False))
        for api_key in keys:
            partner_key_revoke(api_key=api_key)
        self.message_user(
            request,
            f"Revoked {len(keys)} key(s); requests made with them are now refused.",
            level=messages.SUCCESS,
        )
