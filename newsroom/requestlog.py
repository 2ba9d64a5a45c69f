"""One log line per request, and every log line on one line.

``RequestLogMiddleware`` (first in ``MIDDLEWARE``) gives each request an id —
the ``X-Request-ID`` nginx sends (its ``$request_id``), or a new one — returns
it in the response's ``X-Request-ID`` header, and logs one line to
``warta.request`` when the response leaves: id, user, method, path, status
and duration. A request slower than ``WARTA_SLOW_REQUEST_MS`` is logged as a
warning with ``slow=1``.

What is never logged: the query string (a signed preview link or a search
is not for the log), cookies, headers and form data (passwords).
``OneLineFormatter`` keeps a traceback on the same line as its message, so a
log collector reading standard output sees one event per line.
"""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings
from django.utils.functional import empty

logger = logging.getLogger("warta.request")

# nginx's $request_id is 32 hex digits; accept what a proxy would plausibly
# send and nothing that could forge a log line.
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_request_id = contextvars.ContextVar("warta_request_id", default="-")


def request_id_from(request):
    """The proxy's X-Request-ID when it is well formed, else a new one."""
    given = request.headers.get("X-Request-ID", "")
    return given if _VALID_ID.match(given) else uuid.uuid4().hex


def _user_of(request):
    """The signed-in user's name, only if something already loaded it: the
    log line never costs a session or user query of its own."""
    lazy = request.__dict__.get("user")
    wrapped = getattr(lazy, "_wrapped", lazy)
    if wrapped is None or wrapped is empty:
        return "-"
    if getattr(wrapped, "is_authenticated", False):
        return wrapped.get_username()
    return "anonim"


class RequestLogMiddleware:
    """The request id, its header, and the one line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_from(request)
        token = _request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            self._log(request, response.status_code, started)
            return response
        finally:
            _request_id.reset(token)

    @staticmethod
    def _log(request, status, started):
        ms = (time.perf_counter() - started) * 1000
        slow = ms >= settings.WARTA_SLOW_REQUEST_MS
        logger.log(
            logging.WARNING if slow else logging.INFO,
            "user=%s method=%s path=%s status=%s ms=%.1f slow=%d",
            _user_of(request).replace(" ", "_"),
            request.method,
            request.path.replace(" ", "%20"),
            status,
            ms,
            int(slow),
        )


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (``-`` outside one)."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    """A record, its traceback included, on a single line."""

    def format(self, record):
        text = super().format(record)
        return text.replace("\r", "").replace("\n", " \u23ce ")


def logging_settings(level, request_level):
    """Django's ``LOGGING``: everything to standard output, one line per
    record with the request's id; ``warta.request`` at ``request_level``."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "newsroom.requestlog.RequestIdFilter"}},
        "formatters": {
            "line": {
                "()": "newsroom.requestlog.OneLineFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s id=%(request_id)s "
                "%(message)s",
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            }
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "filters": ["request_id"],
                "formatter": "line",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "warta.request": {"level": request_level},
            # Its "Not Found: /path" lines repeat what warta.request says.
            "django.request": {"level": "ERROR"},
        },
    }
