"""Dates in Indonesian as the public site writes them, for every page: the
admin, its lists and messages, and the portal's ``tanggal`` filter.

Django's own Indonesian formats ("28 Nov. 2026, 23.56") differ from what
readers see; one format everywhere means editors and readers quote the same
time ("Sabtu, 28 November 2026 23.56 WIB")."""

DATE_FORMAT = "l, j F Y"
DATETIME_FORMAT = "l, j F Y H.i T"
TIME_FORMAT = "H.i"
