"""A request id on every log line and response, to follow one request through the logs."""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
# A proxy's id is kept only if it is short and plain, so it cannot forge log lines.
TRUSTED_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

current_request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request.id = incoming if TRUSTED_ID.fullmatch(incoming) else uuid.uuid4().hex
        # Kept until the request is finished, not just through the middleware:
        # Django logs "Not Found" and errors after the middleware has returned.
        current_request_id.set(request.id)
        response = self.get_response(request)
        response[HEADER] = request.id
        return response


def forget_request_id(**kwargs):
    current_request_id.set("-")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True
