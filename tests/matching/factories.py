import factory

from marketplace.models import Project
from matching.models import Match, MatchRun
from tests.marketplace.factories import ProjectFactory, SpecialistFactory


class MatchRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchRun
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    algorithm_version = "test"
    outcome = MatchRun.Outcome.SUCCEEDED

    @factory.post_generation
    def point_project(obj: MatchRun, create: bool, extracted: object, **_: object) -> None:
        """A succeeded run becomes its project's latest, as ``project_match`` makes it."""
        if create and obj.outcome == MatchRun.Outcome.SUCCEEDED:
            Project.objects.filter(pk=obj.project_id).update(latest_run=obj)
            obj.project.latest_run = obj


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
