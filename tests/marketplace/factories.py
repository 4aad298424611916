from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from marketplace.models import Project, Role, Specialist
from matching.skills import canonical_skills
from tests.accounts.factories import OrganizationFactory


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    description = "We want a chat assistant that answers questions from our help centre."
    hourly_budget_max = Decimal("35.00")
    desired_start = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    hours_per_week = 40
    required_skills = factory.LazyFunction(list)


class SpecialistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Specialist

    name = factory.Sequence(lambda n: f"Specialist {n}")
    email = factory.Sequence(lambda n: f"specialist{n}@example.com")
    tier = Role.AI_ENGINEER
    hourly_rate = Decimal("25.00")
    available_from = factory.LazyFunction(timezone.localdate)
    hours_per_week = 40
    skills = factory.LazyFunction(lambda: ["Python", "RAG"])
    # Written by the roster services in production; derived here the same way.
    skill_keys = factory.LazyAttribute(lambda o: canonical_skills(o.skills))
    vetted = True
    is_active = True
