from django.contrib import admin

from marketplace.models import IdempotencyKey, Project, Specialist


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "status",
        "role_need",
        "role_confidence",
        "hourly_budget_max",
        "desired_start",
        "created_at",
    ]
    list_filter = ["status", "role_need"]
    list_select_related = ["organization"]
    search_fields = ["title", "organization__name"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "updated_at", "status_changed_at", "matched_at"]


@admin.register(Specialist)
class SpecialistAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "tier",
        "hourly_rate",
        "available_from",
        "hours_per_week",
        "committed_hours",
        "vetted",
        "is_active",
    ]
    list_filter = ["tier", "vetted", "is_active"]
    search_fields = ["name", "email", "headline"]
    readonly_fields = ["created_at", "updated_at", "skill_keys"]


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = ["key", "organization", "method", "path", "response_status", "created_at"]
    list_select_related = ["organization"]
    search_fields = ["key", "organization__name"]
