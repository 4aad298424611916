"""``/metrics`` for Prometheus, and the HTTP metrics every request records.

prometheus-client runs in multiprocess mode: each process of the deployment
(gunicorn workers, Celery workers and their pool children) writes its samples
to files in ``PROMETHEUS_MULTIPROC_DIR`` (settings), and a scrape adds them
up, so any web process answers for all of them. The pending-projects gauges
are read from the database at scrape time instead.

Not for clients or partners: a scrape needs ``Authorization: Bearer
<METRICS_TOKEN>`` (what Prometheus' ``authorization`` block sends) or a staff
session (a person looking from the admin); anyone else, a client's or a
partner's credentials included, gets 404, as if there were nothing here. A
token rather than an address allow-list: behind a proxy every request comes
from the proxy's address.
"""

import hmac
import time
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess
from prometheus_client.exposition import choose_encoder

from matching.metrics import PendingProjectsCollector

HTTP_REQUESTS = Counter(
    "marketplace_http_requests",
    "HTTP requests by route pattern (not the raw path), method and status code.",
    ["route", "method", "status"],
)
HTTP_SECONDS = Histogram(
    "marketplace_http_request_duration_seconds",
    "Time to answer an HTTP request, by route pattern and method.",
    ["route", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
# A path that resolves to no route: one label, so random paths cannot grow the series.
UNMATCHED_ROUTE = "unmatched"


class HttpMetricsMiddleware:
    """Count each request under its route pattern (``api/v1/projects/<int:project_id>/``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        route = match.route if match is not None and match.route else UNMATCHED_ROUTE
        method = request.method if request.method in _METHODS else "other"
        HTTP_REQUESTS.labels(route=route, method=method, status=str(response.status_code)).inc()
        HTTP_SECONDS.labels(route=route, method=method).observe(time.monotonic() - started)
        return response


def _may_scrape(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer":
        return hmac.compare_digest(credentials.strip().encode(), token.encode())
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


def scrape_registry() -> CollectorRegistry:
    """Every process's samples from the multiprocess directory, plus the database gauges."""
    registry = CollectorRegistry()
    # The directory from the environment, where settings put it (and tests re-point it).
    multiprocess.MultiProcessCollector(registry)
    registry.register(PendingProjectsCollector())
    return registry


def metrics(request: HttpRequest) -> HttpResponse:
    if not _may_scrape(request):
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # The format the scraper asks for (Prometheus' Accept header), plain text by default.
    encode, content_type = choose_encoder(request.headers.get("Accept", ""))
    return HttpResponse(encode(scrape_registry()), content_type=content_type)
