from django.contrib import admin

from matching.models import Decision, Match, MatchRun


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "project",
        "trigger",
        "outcome",
        "candidate_count",
        "duration_ms",
        "algorithm_version",
        "started_at",
    ]
    list_filter = ["outcome", "trigger"]
    list_select_related = ["project"]
    search_fields = ["project__title"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["project", "rank", "specialist", "score", "review_status", "client_status"]
    list_filter = ["review_status", "client_status"]
    list_select_related = ["project", "specialist"]
    search_fields = ["project__title", "specialist__name"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_label", "action", "project", "specialist", "reason"]
    list_filter = ["action"]
    list_select_related = ["project", "specialist"]
    search_fields = ["reason", "project__title", "specialist__name", "actor_label"]
