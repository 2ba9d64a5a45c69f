"""Measuring aids for ``make bench``, active only with ``WARTA_BENCH=true``.

``ServerTimingMiddleware`` (first in the stack) times each request inside
the application server and counts its SQL queries, and answers them in the
``Server-Timing`` and ``X-Queries`` headers; ``ceiling`` is the framework's
ceiling: a fixed 20 KB page through the same middleware, with no database
and no template. Never enabled in production: the headers tell any client
how long the database took.
"""

import time
from contextlib import ExitStack

from django.db import connections
from django.http import HttpResponse

CEILING_BYTES = 20 * 1024


def ceiling_page():
    """The fixed page of the ceiling view (also what nginx serves as a file)."""
    head = "<!doctype html><html lang=id><head><meta charset=utf-8>"
    head += "<title>Batas kerangka</title></head><body><main>"
    tail = "</main></body></html>"
    line = "<p>Berita dari Kabupaten Kotawaringin Barat untuk warganya.</p>\n"
    body = line * ((CEILING_BYTES - len(head) - len(tail)) // len(line) + 1)
    page = (head + body)[: CEILING_BYTES - len(tail)] + tail
    return page.encode()


_CEILING = ceiling_page()


def ceiling(request):
    return HttpResponse(_CEILING, content_type="text/html; charset=utf-8")


class ServerTimingMiddleware:
    """Adds ``Server-Timing: app;dur=…, db;dur=…`` and ``X-Queries: n``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counted = {"queries": 0, "seconds": 0.0}

        def count(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                counted["queries"] += 1
                counted["seconds"] += time.perf_counter() - started

        started = time.perf_counter()
        with ExitStack() as stack:
            for connection in connections.all(initialized_only=False):
                stack.enter_context(connection.execute_wrapper(count))
            response = self.get_response(request)
        app = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = (
            f"app;dur={app:.2f}, db;dur={counted['seconds'] * 1000:.2f}"
        )
        response["X-Queries"] = str(counted["queries"])
        return response
