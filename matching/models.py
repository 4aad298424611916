from django.conf import settings
from django.db import models
from django.db.models import Q

# MatchRun.ranker of a list ordered by the hand-set MATCHING_WEIGHTS alone.
HAND_WEIGHTS = "hand-weights"


class MatchRun(models.Model):
    """One run of classification and ranking for a project; every run is kept."""

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        SUPERSEDED = "superseded", "Superseded by newer inputs"

    class Trigger(models.TextChoices):
        SUBMIT = "submit", "Project submitted"
        PROJECT_UPDATE = "project_update", "Project changed"
        ROSTER_CHANGE = "roster_change", "Roster changed"
        ROLE_OVERRIDE = "role_override", "Role overridden by staff"
        STAFF = "staff", "Re-run by staff"
        SWEEP = "sweep", "Recovered by the sweeper"

    # Triggers that only ever mean "bring this pending project to a result": a
    # project that already ended (matched, or failed) has nothing left for them.
    RECOVERY_TRIGGERS = frozenset({Trigger.SUBMIT, Trigger.SWEEP})

    project = models.ForeignKey(
        "marketplace.Project", on_delete=models.CASCADE, related_name="match_runs"
    )
    trigger = models.CharField(max_length=20, choices=Trigger.choices, default=Trigger.SUBMIT)
    algorithm_version = models.CharField(max_length=64)
    classifier_version = models.CharField(max_length=64, blank=True)
    # The project inputs and settings the run used, so a result can be explained later.
    inputs = models.JSONField(default=dict)
    inputs_version = models.PositiveIntegerField(default=1)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.RUNNING)
    error = models.TextField(blank=True)
    candidate_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    # Which ranker ordered the list: the hand weights, or a learned model's version.
    ranker = models.CharField(max_length=64, default=HAND_WEIGHTS)
    ranker_model = models.ForeignKey(
        "matching.RankerModel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["project", "-started_at"], name="matchrun_project_latest")]

    def __str__(self) -> str:
        return f"Run {self.pk} of project {self.project_id} ({self.outcome})"


class Match(models.Model):
    """A specialist proposed for a project by one run, with the reasons."""

    class ReviewStatus(models.TextChoices):
        PENDING = "pending", "Awaiting review"
        APPROVED = "approved", "Approved"
        SHORTLISTED = "shortlisted", "Shortlisted"
        REJECTED = "rejected", "Rejected"

    class ClientStatus(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="matches")
    project = models.ForeignKey(
        "marketplace.Project", on_delete=models.CASCADE, related_name="matches"
    )
    specialist = models.ForeignKey(
        "marketplace.Specialist", on_delete=models.CASCADE, related_name="matches"
    )
    rank = models.PositiveIntegerField()
    score = models.FloatField()
    breakdown = models.JSONField(default=dict)
    explanation = models.JSONField(default=list)
    # What the re-ranker read of this match when it was listed (matching.reranker.features),
    # so that decisions on it can be learned from later.
    features = models.JSONField(default=dict, blank=True)
    monthly_cost = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    inhouse_monthly_cost = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )

    review_status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    review_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    client_status = models.CharField(
        max_length=16, choices=ClientStatus.choices, default=ClientStatus.OPEN
    )
    client_reason = models.TextField(blank=True)
    client_decided_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["run", "rank"]
        verbose_name_plural = "matches"
        constraints = [
            models.UniqueConstraint(
                fields=["run", "specialist"], name="match_specialist_once_per_run"
            ),
            models.UniqueConstraint(fields=["run", "rank"], name="match_rank_once_per_run"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="match_score_range"
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="match_rank_from_one"),
        ]
        indexes = [
            models.Index(fields=["project", "specialist"], name="match_project_specialist"),
            models.Index(fields=["review_status"], name="match_review_status"),
        ]

    def __str__(self) -> str:
        return f"#{self.rank} {self.specialist_id} for project {self.project_id}"


class Decision(models.Model):
    """An audit record of a person's decision: who, when, what, why."""

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved match"
        SHORTLIST = "shortlist", "Shortlisted match"
        REJECT = "reject", "Rejected match"
        RERUN = "rerun", "Re-ran matching"
        OVERRIDE_ROLE = "override_role", "Overrode role need"
        VET = "vet", "Vetted specialist"
        UNVET = "unvet", "Withdrew vetting"
        DEACTIVATE = "deactivate", "Deactivated specialist"
        REACTIVATE = "reactivate", "Reactivated specialist"
        CHANGE_AVAILABILITY = "change_availability", "Changed availability"
        CLIENT_ACCEPT = "client_accept", "Client accepted match"
        CLIENT_DECLINE = "client_decline", "Client declined match"
        # Switches of the learned re-ranker: no project or match, the version in
        # ``details``; never a label the re-ranker learns from, never shown to clients.
        RANKER_ACTIVATE = "ranker_activate", "Put learned ranker in charge"
        RANKER_DEACTIVATE = "ranker_deactivate", "Handed ranking back to hand weights"
        RANKER_KEEP = "ranker_keep", "Trained learned ranker, left it off"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    reason = models.TextField(blank=True)
    project = models.ForeignKey(
        "marketplace.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
    )
    specialist = models.ForeignKey(
        "marketplace.Specialist",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
    )
    match = models.ForeignKey(
        Match, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_label or self.actor_id}: {self.get_action_display()}"


class RankerModel(models.Model):
    """A version of the learned re-ranker: coefficients, held-out figures, whether it is on.

    At most one is active; with none active the hand weights order every list.
    """

    KIND_PAIRWISE = "pairwise-logistic"

    version = models.PositiveIntegerField(unique=True)
    kind = models.CharField(max_length=32, default=KIND_PAIRWISE)
    coefficients = models.JSONField(default=dict)
    metrics = models.JSONField(default=dict)
    # What the activation rule said when it was trained (why it is, or is not, on).
    verdict = models.TextField(blank=True)
    passed_rule = models.BooleanField(default=False)
    active = models.BooleanField(default=False)
    trained_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="rankermodel_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}{' (active)' if self.active else ''}"

    @property
    def label(self) -> str:
        return f"learned-v{self.version}"
