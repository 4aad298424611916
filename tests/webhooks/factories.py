import factory

from tests.accounts.factories import OrganizationFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import secret_generate


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookEndpoint

    organization = factory.SubFactory(OrganizationFactory)
    url = factory.Sequence(lambda n: f"https://hooks.example.com/{n}")
    events = factory.LazyFunction(lambda: ["project.matched", "match.updated"])
    secret = factory.LazyFunction(secret_generate)


class WebhookDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookDelivery

    endpoint = factory.SubFactory(WebhookEndpointFactory)
    event = "project.matched"
    payload = factory.LazyFunction(lambda: {"project_id": 1, "status": "matched"})
