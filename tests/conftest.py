import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from marketplace.celery import app as celery_app
from tests.accounts.factories import OrganizationFactory, UserFactory

# prometheus-client's multiprocess files of this test process, and of the workers
# it starts, go to a directory of its own: not the var/ one of earlier runs, not
# another xdist process's. Early enough: every metric has labels, so no sample
# file is opened before the first sample is recorded.
os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="marketplace-metrics-")
atexit.register(shutil.rmtree, os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _eager_celery(request: pytest.FixtureRequest) -> Iterator[None]:
    """Unit tests run tasks in-process; the integration tests start a real worker."""
    if request.node.get_closest_marker("integration"):
        yield
        return
    # The app reads Django settings under the CELERY_ namespace, so the
    # namespaced key is the one that counts (conf.task_always_eager = True
    # is silently shadowed by it).
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = True
    yield
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = False


@pytest.fixture(autouse=True)
def _isolated_cache(settings: Any, tmp_path: Any) -> None:
    # Each test gets its own throttle counters and locks.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }


class _EveryScopeUnlimited(dict[str, str]):
    def __missing__(self, scope: str) -> str:
        return "1000000/min"


@pytest.fixture
def unthrottled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift every throttle scope, present or added later, for tests that send hundreds of requests.

    A 429 is the right answer to a flood, but it would hide what the endpoints do.
    """
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", _EveryScopeUnlimited())


@pytest.fixture
def organization() -> Any:
    return OrganizationFactory()


@pytest.fixture
def client_user(organization: Any) -> Any:
    return UserFactory(organization=organization)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def token_client(user: Any) -> APIClient:
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def client_api(client_user: Any) -> APIClient:
    return token_client(client_user)


@pytest.fixture
def staff_user() -> Any:
    return UserFactory(organization=None, role="staff", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_api(staff_user: Any) -> APIClient:
    return token_client(staff_user)
