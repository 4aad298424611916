"""The docs page loads a pinned Swagger UI from our own static files, under a strict CSP."""

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_docs_page_serves_swagger_ui_from_static_files_with_a_csp(client: Any) -> None:
    page = client.get("/api/docs/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "@latest" not in html
    assert "cdn.jsdelivr.net" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    policy = page["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_docs_page_script_is_served_separately_under_the_same_policy(client: Any) -> None:
    script = client.get("/api/docs/?script=")

    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "default-src 'none'" in script["Content-Security-Policy"]
