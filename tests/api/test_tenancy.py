"""Another organization's objects are a 404 on every route and method, for clients and partners."""

from typing import Any

import pytest

from matching.models import Match
from tests.api.conftest import Caller, client_caller, first_match, matched_project
from tests.marketplace.factories import ProjectFactory
from tests.webhooks.factories import WebhookEndpointFactory

pytestmark = pytest.mark.django_db

VALID_PATCH = {"title": "Renamed"}

# (method, route template, body): every method of every route that takes a tenant's object id.
ROUTES = [
    ("get", "/api/v1/projects/{project}/", None),
    ("patch", "/api/v1/projects/{project}/", VALID_PATCH),
    ("get", "/api/v1/projects/{project}/matches/", None),
    ("post", "/api/v1/projects/{project}/matches/{match}/accept/", {"reason": "x"}),
    ("post", "/api/v1/projects/{project}/matches/{match}/decline/", {"reason": "x"}),
    ("get", "/api/v1/webhooks/{webhook}/", None),
    ("delete", "/api/v1/webhooks/{webhook}/", None),
    # HEAD and OPTIONS, which every route answers
    ("head", "/api/v1/projects/{project}/", None),
    ("options", "/api/v1/projects/{project}/", None),
    ("options", "/api/v1/projects/{project}/matches/", None),
    ("options", "/api/v1/projects/{project}/matches/{match}/accept/", None),
    ("options", "/api/v1/webhooks/{webhook}/", None),
]
# Methods the routes do not have: a 405 on the caller's own object, and the
# same 404 on another tenant's as on an id that exists nowhere.
UNSUPPORTED = [
    ("put", "/api/v1/projects/{project}/"),
    ("delete", "/api/v1/projects/{project}/"),
    ("post", "/api/v1/projects/{project}/matches/"),
    ("get", "/api/v1/projects/{project}/matches/{match}/accept/"),
    ("patch", "/api/v1/webhooks/{webhook}/"),
]


@pytest.fixture
def foreign_objects() -> dict[str, Any]:
    """Objects of another client organization."""
    owner = client_caller()
    project = matched_project(owner.organization)
    return {
        "owner": owner,
        "project": project.pk,
        "match": first_match(project).pk,
        "webhook": WebhookEndpointFactory(organization=owner.organization).pk,
    }


@pytest.mark.parametrize(("method", "route", "body"), ROUTES)
def test_foreign_object_is_404_on_every_route_and_method(
    caller: Caller, foreign_objects: dict[str, Any], method: str, route: str, body: Any
) -> None:
    # given a caller of one organization and objects of another
    url = route.format(**foreign_objects)

    # when the caller touches the other organization's object
    response = getattr(caller.api, method)(url, body, format="json")

    # then it is simply not found, with the error envelope and nothing leaked
    assert response.status_code == 404, (method, url, response.content)
    if method != "head":
        assert response.json()["code"] == "not_found"
    assert str(foreign_objects["owner"].organization.name) not in response.content.decode()


@pytest.mark.parametrize(("method", "route"), UNSUPPORTED)
def test_unsupported_methods_are_405_on_own_objects_and_404_on_all_others(
    caller: Caller, foreign_objects: dict[str, Any], method: str, route: str
) -> None:
    # given the caller's own objects, another tenant's, and ids that exist nowhere
    own_project = matched_project(caller.organization)
    own = {
        "project": own_project.pk,
        "match": first_match(own_project).pk,
        "webhook": WebhookEndpointFactory(organization=caller.organization).pk,
    }
    missing = {"project": 999999, "match": 999999, "webhook": 999999}

    # when a method the route does not have is used on each
    answers = [
        getattr(caller.api, method)(route.format(**ids), {}, format="json")
        for ids in (own, foreign_objects, missing)
    ]

    # then the caller's own object says the method is not allowed, and another
    # tenant's answers exactly as an id that does not exist
    own_answer, foreign_answer, missing_answer = answers
    assert own_answer.status_code == 405
    assert own_answer.json()["code"] == "method_not_allowed"
    assert foreign_answer.status_code == missing_answer.status_code == 404
    assert foreign_answer.content == missing_answer.content


def test_foreign_project_is_unchanged_after_every_attempt(
    caller: Caller, foreign_objects: dict[str, Any]
) -> None:
    # given another organization's project and match
    project, match = foreign_objects["project"], foreign_objects["match"]

    # when the caller tries every write on them
    for method, route, body in ROUTES:
        if method != "get":
            getattr(caller.api, method)(route.format(**foreign_objects), body, format="json")
    for method, route in UNSUPPORTED:
        getattr(caller.api, method)(route.format(**foreign_objects), {}, format="json")

    # then nothing of theirs changed
    owner_view = foreign_objects["owner"].api.get(f"/api/v1/projects/{project}/").json()
    assert owner_view["title"] != "Renamed"
    assert Match.objects.get(pk=match).client_status == Match.ClientStatus.OPEN
    hooks = foreign_objects["owner"].api.get("/api/v1/webhooks/").json()
    assert hooks["count"] == 1


def test_match_of_another_project_of_the_same_tenant_is_404(caller: Caller) -> None:
    # given two projects of the caller's organization
    mine = matched_project(caller.organization)
    other = matched_project(caller.organization)

    # when a match of one is addressed through the other
    response = caller.api.post(
        f"/api/v1/projects/{mine.pk}/matches/{first_match(other).pk}/accept/", {}, format="json"
    )

    # then it is not found there
    assert response.status_code == 404


@pytest.mark.parametrize(
    "route", ["/api/v1/projects/", "/api/v1/webhooks/", "/api/v1/projects/{project}/matches/"]
)
def test_lists_never_show_foreign_rows(
    caller: Caller, foreign_objects: dict[str, Any], route: str
) -> None:
    # given the caller owns one project (with matches) and one webhook
    own = matched_project(caller.organization, matches=2)
    WebhookEndpointFactory(organization=caller.organization)
    ProjectFactory()  # and a third organization has a project too

    # when the caller lists
    response = caller.api.get(route.format(project=own.pk))

    # then only its own rows come back
    assert response.status_code == 200
    body = response.json()
    ids = {row["id"] for row in body["results"]}
    foreign_ids = {foreign_objects["project"], foreign_objects["match"], foreign_objects["webhook"]}
    assert not ids & foreign_ids
    assert body["count"] == (2 if "matches" in route else 1)


def test_unknown_ids_are_404_like_foreign_ones(caller: Caller) -> None:
    # given ids that exist nowhere
    for url in (
        "/api/v1/projects/999999/",
        "/api/v1/projects/999999/matches/",
        "/api/v1/webhooks/999999/",
    ):
        # then they answer exactly like another tenant's
        assert caller.api.get(url).status_code == 404


def test_staff_see_every_project_but_cannot_decide_for_a_client(
    staff_api: Any, foreign_objects: dict[str, Any]
) -> None:
    # given staff and a client's project
    project, match = foreign_objects["project"], foreign_objects["match"]

    # then staff may read it but not act as the client
    assert staff_api.get(f"/api/v1/projects/{project}/").status_code == 200
    accept = staff_api.post(f"/api/v1/projects/{project}/matches/{match}/accept/", {})
    assert accept.status_code == 403
    assert staff_api.patch(f"/api/v1/projects/{project}/", VALID_PATCH).status_code == 403


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/v1/specialists/"),
        ("post", "/api/v1/specialists/"),
        ("get", "/api/v1/specialists/{specialist}/"),
        ("patch", "/api/v1/specialists/{specialist}/"),
    ],
)
def test_only_staff_reach_the_roster(caller: Caller, method: str, url: str) -> None:
    # given a specialist on the roster
    from tests.marketplace.factories import SpecialistFactory

    specialist = SpecialistFactory()

    # when a client or partner calls the roster endpoints
    response = getattr(caller.api, method)(url.format(specialist=specialist.pk), {}, format="json")

    # then it is forbidden, with the envelope
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/projects/",
        "/api/v1/projects/1/",
        "/api/v1/projects/1/matches/",
        "/api/v1/webhooks/",
        "/api/v1/specialists/",
    ],
)
def test_anonymous_callers_are_401(api_client: Any, url: str) -> None:
    response = api_client.get(url)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
