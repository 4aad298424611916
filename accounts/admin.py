from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from rest_framework_api_key.admin import APIKeyModelAdmin

from accounts.models import Organization, PartnerAPIKey, User


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]


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


@admin.register(PartnerAPIKey)
class PartnerAPIKeyAdmin(APIKeyModelAdmin):
    list_select_related = ("organization",)

    def get_list_display(self, request: HttpRequest) -> Any:
        return [*super().get_list_display(request), "organization"]

    def get_list_filter(self, request: HttpRequest) -> Any:
        return [*super().get_list_filter(request), "organization"]

    def get_search_fields(self, request: HttpRequest) -> Any:
        return [*super().get_search_fields(request), "organization__name"]
