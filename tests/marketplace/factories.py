from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from marketplace.models import Project, Role, Specialist
from marketplace.services.specialists import profile_hash
from matching.relevance.features import concept_keys, profile_features
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
    headline = ""
    bio = ""
    timezone = "UTC"
    working_hours = "09:00-17:00"
    # Written by the roster services in production; derived here the same way.
    skill_keys = factory.LazyAttribute(lambda o: canonical_skills(o.skills))
    profile_features = factory.LazyAttribute(
        lambda o: profile_features(headline=o.headline, bio=o.bio, skills=o.skills)
    )
    concept_keys = factory.LazyAttribute(lambda o: concept_keys(o.profile_features))
    profile_hash = factory.LazyAttribute(
        lambda o: profile_hash(headline=o.headline, bio=o.bio, skills=o.skills)
    )
    work_window = factory.LazyAttribute(lambda o: f"{o.timezone or 'UTC'} {o.working_hours}")
    vetted = True
    is_active = True
