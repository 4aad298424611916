import factory

from matching.models import Match, MatchRun
from tests.marketplace.factories import ProjectFactory, SpecialistFactory


class MatchRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchRun

    project = factory.SubFactory(ProjectFactory)
    algorithm_version = "test"
    outcome = MatchRun.Outcome.SUCCEEDED


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    run = factory.SubFactory(MatchRunFactory)
    project = factory.SelfAttribute("run.project")
    specialist = factory.SubFactory(SpecialistFactory)
    rank = factory.Sequence(lambda n: n + 1)
    score = 0.5
    breakdown = factory.LazyFunction(lambda: {"tier": 1.0, "budget": 0.8, "start": 0.9})
    explanation = factory.LazyFunction(lambda: ["A test match."])
