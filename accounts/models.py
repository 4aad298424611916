from django.contrib.auth.models import AbstractUser
from django.db import models
from rest_framework_api_key.models import AbstractAPIKey


class Organization(models.Model):
    """A tenant: a client company, or a partner that submits on its own behalf."""

    class Kind(models.TextChoices):
        CLIENT = "client", "Client company"
        PARTNER = "partner", "Partner"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CLIENT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person: a client's member or a staff member of the marketplace."""

    class Role(models.TextChoices):
        CLIENT = "client", "Client member"
        STAFF = "staff", "Marketplace staff"

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
        help_text="The client company this user acts for; empty for staff.",
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLIENT)

    def __str__(self) -> str:
        return self.username


class PartnerAPIKey(AbstractAPIKey):
    """A partner's API key: only a hash and the prefix are stored."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="api_keys"
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "partner API key"
        verbose_name_plural = "partner API keys"
