"""Requests no page can read, refused with 400 before any view sees them.

- A NUL byte in the address (path or query string) or in a cookie. No address
  Warta makes contains one; PostgreSQL refuses it in any query (DataError),
  so every lookup by slug, search term or session key would otherwise be a
  server error. Text typed into a form is not refused here: form fields
  refuse NUL with a message, and the text typed comes back to fix.
- A date part of the admin's date drill-down (``<field>__year``,
  ``__month``, ``__day``) that is not the number of a year from 1900 to 9000,
  a month or a day: the admin turns it into a date, and a year like
  99999999999 or 9999 (whose next year does not exist) is a server error.

The answer is ``templates/400.html``, a page that needs no database.
"""

import re

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

DATE_PART = re.compile(r"__(year|month|day)$")
DATE_PART_RANGES = {"year": (1900, 9000), "month": (1, 12), "day": (1, 31)}


def _date_part_readable(name, value):
    part = DATE_PART.search(name)
    if part is None:
        return True
    low, high = DATE_PART_RANGES[part.group(1)]
    return re.fullmatch(r"[0-9]{1,4}", value) is not None and low <= int(value) <= high


def request_readable(request):
    """Whether nothing in the address or the cookies is unreadable (above)."""
    if "\x00" in request.path_info:
        return False
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return False
        if not all(_date_part_readable(name, value) for value in values):
            return False
    return not any("\x00" in value for value in request.COOKIES.values())


class UnreadableRequestMiddleware:
    """Answer 400 to a request no page can read (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_readable(request):
            return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)
