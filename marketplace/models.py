from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from marketplace import vocabulary
from marketplace.dates import validate_date_in_bounds
from marketplace.vocabulary import CHECKLIST_KEYS


class Role(models.TextChoices):
    """The two kinds of specialist; a project needs one, a specialist is one."""

    AI_ENGINEER = vocabulary.AI_ENGINEER, vocabulary.ROLE_LABELS[vocabulary.AI_ENGINEER]
    ML_ENGINEER = vocabulary.ML_ENGINEER, vocabulary.ROLE_LABELS[vocabulary.ML_ENGINEER]


class Project(models.Model):
    """A client's brief, and what the service concluded about it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        MATCHED = "matched", "Matched"
        FAILED = "failed", "Failed"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="projects"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_projects",
    )
    submitted_via_key = models.ForeignKey(
        "accounts.PartnerAPIKey",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_projects",
    )

    title = models.CharField(max_length=200, validators=[MinLengthValidator(1)])
    description = models.TextField(max_length=20_000, validators=[MinLengthValidator(20)])
    hourly_budget_max = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal("0.01")),
            MaxValueValidator(Decimal(vocabulary.HOURLY_RATE_MAX_USD)),
        ],
        help_text="USD per hour, the most the client will pay.",
    )
    desired_start = models.DateField(validators=[validate_date_in_bounds])
    hours_per_week = models.PositiveSmallIntegerField(
        default=40,
        validators=[
            MinValueValidator(vocabulary.PROJECT_HOURS_MIN),
            MaxValueValidator(vocabulary.PROJECT_HOURS_MAX),
        ],
    )
    required_skills = models.JSONField(default=list, blank=True)

    # The client's checklist: True, False or None (unknown).
    general_model_sufficient = models.BooleanField(null=True, blank=True)
    model_is_moat = models.BooleanField(null=True, blank=True)
    has_training_data = models.BooleanField(null=True, blank=True)
    needs_continuous_retraining = models.BooleanField(null=True, blank=True)
    needs_value_within_weeks = models.BooleanField(null=True, blank=True)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    failure_reason = models.TextField(blank=True)
    # How many times a worker has picked the project up; bounded by the sweeper.
    attempts = models.PositiveSmallIntegerField(default=0)
    # Bumped whenever the inputs change, so a stale run never overwrites a newer one.
    inputs_version = models.PositiveIntegerField(default=1)
    # Bumped, in the same transaction, by every write that changes what a caller
    # reads of the project or its matches (the project itself, a run, a staff or
    # client decision, a listed specialist): rendered reads are cached under it.
    read_version = models.PositiveBigIntegerField(default=1)
    # The latest successful run, set in the transaction that writes the run, so
    # that "the current list" of many projects is a join, not a search of runs.
    latest_run = models.ForeignKey(
        "matching.MatchRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    role_need = models.CharField(max_length=16, choices=Role.choices, blank=True)
    role_confidence = models.FloatField(null=True, blank=True)
    role_rationale = models.JSONField(default=list, blank=True)
    clarifying_questions = models.JSONField(default=list, blank=True)
    # The checklist as read from the brief: {key: {answer, confidence, quote}}.
    inferred_checklist = models.JSONField(default=dict, blank=True)
    classifier_version = models.CharField(max_length=64, blank=True)
    # What the classifier said, kept even when staff override it.
    classified_role = models.CharField(max_length=16, choices=Role.choices, blank=True)

    role_override = models.CharField(max_length=16, choices=Role.choices, blank=True)
    role_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    role_override_at = models.DateTimeField(null=True, blank=True)
    role_override_reason = models.TextField(blank=True)

    # The client's working day, for overlap with specialists' hours (all optional).
    timezone = models.CharField(max_length=vocabulary.TIME_ZONE_MAX_LENGTH, blank=True)
    working_hours = models.CharField(max_length=vocabulary.WORKING_HOURS_MAX_LENGTH, blank=True)
    min_overlap_hours = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        default=Decimal("0"),
        validators=[
            MinValueValidator(Decimal("0")),
            MaxValueValidator(Decimal(vocabulary.MIN_OVERLAP_HOURS_MAX)),
        ],
        help_text="Least daily overlap a match must have; 0 makes overlap a preference.",
    )
    # What the brief asks for, read from its words: [{key, label, kind, weight, phrase, quote}].
    brief_needs = models.JSONField(default=list, blank=True)

    trade_offs = models.JSONField(default=list, blank=True)
    no_match_reason = models.TextField(blank=True)
    matched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the client no longer needs matches."
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-created_at"], name="project_org_created"),
            models.Index(fields=["status", "status_changed_at"], name="project_status_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hourly_budget_max__gt=0)
                & Q(hourly_budget_max__lte=vocabulary.HOURLY_RATE_MAX_USD),
                name="project_budget_range",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=1) & Q(hours_per_week__lte=60),
                name="project_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(role_confidence__isnull=True)
                | (Q(role_confidence__gte=0) & Q(role_confidence__lte=1)),
                name="project_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def checklist(self) -> dict[str, bool | None]:
        return {key: getattr(self, key) for key in CHECKLIST_KEYS}

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def validate_email_local_part(value: str) -> None:
    """At most 64 characters before "@" (Django's EmailValidator lets more through)."""
    if vocabulary.email_local_part_too_long(value):
        raise ValidationError(
            f"The part before @ may have at most {vocabulary.EMAIL_LOCAL_PART_MAX_LENGTH} "
            "characters.",
            code="email_local_part",
        )


class Specialist(models.Model):
    """A specialist on the roster. Clients see one only inside their matches."""

    name = models.CharField(max_length=200)
    email = models.EmailField(unique=True, validators=[validate_email_local_part])
    phone = models.CharField(max_length=40, blank=True)
    headline = models.CharField(max_length=300, blank=True)
    bio = models.TextField(
        max_length=vocabulary.BIO_MAX_LENGTH,
        blank=True,
        help_text="Experience, past projects, domains, industries, data and tools.",
    )
    tier = models.CharField(max_length=16, choices=Role.choices)
    hourly_rate = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal("0.01")),
            MaxValueValidator(Decimal(vocabulary.HOURLY_RATE_MAX_USD)),
        ],
        help_text="USD per hour.",
    )
    available_from = models.DateField(validators=[validate_date_in_bounds])
    hours_per_week = models.PositiveSmallIntegerField(
        default=40,
        validators=[
            MinValueValidator(vocabulary.SPECIALIST_HOURS_MIN),
            MaxValueValidator(vocabulary.SPECIALIST_HOURS_MAX),
        ],
        help_text="Hours a week the specialist can work in all.",
    )
    # Hours already promised to accepted engagements; kept in step by services.
    committed_hours = models.PositiveSmallIntegerField(default=0)
    skills = models.JSONField(default=list, blank=True)
    # Canonical skill keys (synonyms folded), written by services for matching.
    skill_keys = models.JSONField(default=list, blank=True)
    timezone = models.CharField(
        max_length=vocabulary.TIME_ZONE_MAX_LENGTH, blank=True, default="UTC"
    )
    working_hours = models.CharField(
        max_length=vocabulary.WORKING_HOURS_MAX_LENGTH,
        default=vocabulary.DEFAULT_WORKING_HOURS,
        help_text='"HH:MM-HH:MM" in the time zone.',
    )
    # "<zone> <hours>", written by services: ranking joins overlap per distinct window.
    work_window = models.CharField(max_length=80, blank=True, default="UTC 09:00-17:00")
    # The profile as relevance reads it, written by services with the text it came from.
    profile_features = models.JSONField(default=dict, blank=True)
    concept_keys = models.JSONField(default=list, blank=True)
    profile_hash = models.CharField(max_length=64, blank=True)
    # Sentence embedding of the profile (float32 bytes), written by workers after a write.
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    embedding_version = models.CharField(max_length=40, blank=True)
    vetted = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # Matching filters on vetted, active specialists of a tier and
            # orders by rate and start date: a partial index keeps it to them.
            models.Index(
                fields=["tier", "hourly_rate", "available_from"],
                name="specialist_matchable",
                condition=Q(vetted=True, is_active=True),
            ),
            models.Index(fields=["available_from"], name="specialist_available"),
            # The distinct work windows ranking computes overlap for.
            models.Index(
                fields=["work_window"],
                name="specialist_work_window",
                condition=Q(vetted=True, is_active=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(hourly_rate__gt=0), name="specialist_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_tier_display()})"

    @property
    def remaining_hours(self) -> int:
        return max(self.hours_per_week - self.committed_hours, 0)


class IdempotencyKey(models.Model):
    """Remembers the first response to a POST made with an Idempotency-Key.

    Keys are per caller (organization), so two tenants may use the same key.
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    request_fingerprint = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="idempotency_key_per_org"),
        ]

    def __str__(self) -> str:
        return self.key
