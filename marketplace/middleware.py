from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from marketplace.observability import REQUEST_ID_HEADER, new_request_id, request_id_var


class RequestIdMiddleware:
    """Give every request an id, echo it back, and put it in every log line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_request_id(request.headers.get(REQUEST_ID_HEADER))
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response
