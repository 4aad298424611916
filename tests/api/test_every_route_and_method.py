"""Every route the URL resolver knows, by every HTTP method, a few ``Accept`` headers and caller.

Nothing answers 5xx. On the API (``/api/v1/``) every answer is JSON; an
``Accept`` that excludes JSON is a 406 for everyone; another tenant's object
is a 404 on every method (never a 405 that would tell it exists); an anonymous
caller gets a 401. Routes are read from the resolver, so a route added later is
walked without anyone listing it here.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from tests.accounts.factories import UserFactory
from tests.api.conftest import client_caller, first_match, matched_project, partner_caller
from tests.conftest import token_client
from tests.marketplace.factories import SpecialistFactory
from tests.webhooks.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "DELETE"]
JSON_ACCEPTS = ["application/json", "*/*"]
OTHER_ACCEPTS = ["text/html", "application/x-unknown"]
ACCEPTS = JSON_ACCEPTS + OTHER_ACCEPTS
# Path parameters that name a tenant's object: another tenant gets a 404 for them.
TENANT_PARAMETERS = {"project_id", "match_id", "endpoint_id"}
# Routes anyone may call (they answer without credentials).
PUBLIC_API_ROUTES = {"api/v1/auth/token/"}

_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


ROUTES = sorted(set(_walk(get_resolver())))
API_ROUTES = [route for route in ROUTES if route.startswith("api/v1/")]
# The API's own documents, health and anything else outside the admin.
OTHER_ROUTES = [r for r in ROUTES if not r.startswith(("api/v1/", "admin/"))]
ADMIN_ROUTES = [route for route in ROUTES if route.startswith("admin/")]


def parameters_of(route: str) -> set[str]:
    return set(_CONVERTER.findall(route)) | set(_REGEX_GROUP.findall(route))


def fill(route: str, values: dict[str, Any]) -> str:
    """The route with each parameter replaced: ``<int:project_id>`` and ``(?P<url>.*)`` alike."""
    path = _CONVERTER.sub(lambda m: str(values.get(m.group(1), 999999)), route)
    path = _REGEX_GROUP.sub(lambda m: str(values.get(m.group(1), "missing")), path)
    return "/" + path.replace("^", "").replace("$", "")


@dataclass
class World:
    owner: APIClient
    callers: dict[str, APIClient]  # everyone else, the owner last
    ids: dict[str, Any]


@pytest.fixture
def world(unthrottled: None) -> World:
    """One client organization's objects, and callers who do not own them."""
    owner = client_caller()
    project = matched_project(owner.organization)
    ids = {
        "project_id": project.pk,
        "match_id": first_match(project).pk,
        "endpoint_id": WebhookEndpointFactory(organization=owner.organization).pk,
        "specialist_id": SpecialistFactory().pk,
    }
    staff = UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)
    callers = {
        "anonymous": APIClient(),
        "other tenant": client_caller().api,
        "partner": partner_caller().api,
        "staff": token_client(staff),
        "owner": owner.api,
    }
    return World(owner=owner.api, callers=callers, ids=ids)


def send(api: APIClient, method: str, path: str, accept: str) -> Any:
    body = "{}" if method in {"POST", "PUT", "PATCH"} else ""
    return api.generic(method, path, body, content_type="application/json", HTTP_ACCEPT=accept)


def test_the_walk_finds_the_api_routes() -> None:
    # A guard on the walk itself: if it found nothing, every test below would pass vacuously.
    assert "api/v1/projects/<id:project_id>/" in API_ROUTES
    assert "api/v1/webhooks/" in API_ROUTES
    assert {"api/schema/", "api/docs/", "health/"} <= set(OTHER_ROUTES)
    assert len(ADMIN_ROUTES) > 20


@pytest.mark.parametrize("route", API_ROUTES)
def test_api_route_never_errors_on_any_method_accept_or_caller(world: World, route: str) -> None:
    # given a route of the API, with the owner's ids in its path
    path = fill(route, world.ids)
    names = parameters_of(route)
    problems = []

    # when every caller sends every method with every Accept (the owner last, DELETE last)
    for caller, api in world.callers.items():
        for accept in ACCEPTS:
            for method in METHODS:
                response = send(api, method, path, accept)
                status = response.status_code
                where = f"{caller} {method} {path} Accept: {accept} -> {status}"

                # then nothing is a server error, and every answer with a body is JSON
                if status >= 500:
                    problems.append(where)
                if response.content and not response["Content-Type"].startswith("application/json"):
                    problems.append(f"{where}: {response['Content-Type']}")
                # an Accept without JSON is refused, whoever asks
                if accept in OTHER_ACCEPTS:
                    if status != 406:
                        problems.append(f"{where}: expected 406")
                    continue
                # another tenant's object is simply not found, whatever the method
                foreign = caller in {"other tenant", "partner"} and names & TENANT_PARAMETERS
                if foreign and status != 404:
                    problems.append(f"{where}: expected 404")
                if caller == "anonymous" and route not in PUBLIC_API_ROUTES and status != 401:
                    problems.append(f"{where}: expected 401")

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", OTHER_ROUTES)
def test_documents_and_health_never_error(world: World, route: str) -> None:
    path = fill(route, world.ids)
    problems = [
        f"{caller} {method} {path} Accept: {accept} -> {response.status_code}"
        for caller in ("anonymous", "owner", "staff")
        for accept in ACCEPTS
        for method in METHODS
        if (response := send(world.callers[caller], method, path, accept)).status_code >= 500
    ]
    assert not problems, "\n".join(problems)


def _admin_ids(route: str, world: World) -> dict[str, Any]:
    """Real ids for an admin route: the first row of the model its path names."""
    ids: dict[str, Any] = {
        "app_label": "marketplace",
        "url": "missing/page/",
        "content_type_id": 1,
        **world.ids,
    }
    parts = route.split("/")
    if len(parts) > 3:
        try:
            model = apps.get_model(parts[1], parts[2])
        except (LookupError, ValueError):
            return ids
        first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        ids["object_id"] = ids["id"] = first if first is not None else 999999
    return ids


# The admin's views do not dispatch on the method (anything but POST renders as
# GET does), so staff, whose pages render in full, send GET, POST and one method
# the admin has never heard of; anyone else, who is sent to the login page, sends all.
STAFF_ADMIN_METHODS = ["GET", "POST", "FOO"]


@pytest.mark.parametrize("route", ADMIN_ROUTES)
def test_admin_route_never_errors(world: World, route: str) -> None:
    # The admin is staff's HTML workbench: it does not negotiate, so one Accept
    # (a browser's), and the two callers it tells apart.
    staff = UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)
    browser = APIClient()
    browser.force_login(staff)
    path = fill(route, _admin_ids(route, world))
    problems = []
    for caller, api, methods in (
        ("anonymous", APIClient(), METHODS),
        ("staff", browser, STAFF_ADMIN_METHODS),
    ):
        for method in methods:
            # (An admin POST deletes only with the confirmation field, never sent here.)
            response = api.generic(method, path, HTTP_ACCEPT="text/html")
            if response.status_code >= 500:
                problems.append(f"{caller} {method} {path} -> {response.status_code}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", [r for r in API_ROUTES if parameters_of(r)])
def test_an_id_past_the_database_range_is_404(world: World, route: str) -> None:
    # given an id the 64-bit integer columns cannot hold (it used to overflow into a 500)
    path = fill(route, dict.fromkeys(parameters_of(route), 10**30))

    # when the owner asks for it, then it simply does not exist
    assert world.owner.get(path).status_code == 404
