"""``slug_url``: ``reverse()`` for the site's ``.../<slug>/`` addresses, with
the part around the slug worked out once per process.

A story page links some forty categories, agencies, officials, tags and
stories; ``reverse()`` matches each candidate against its pattern and quotes
it (about 15 µs a link, a twentieth of the page's Python time). A slug of
plain ASCII letters, digits, ``-`` and ``_`` (all the generator and the
admin make) matches every ``slug`` and ``str`` converter and is not changed
by quoting, so its address is the same text around it every time; any
other value goes through ``reverse()`` itself.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

_PLAIN = re.compile(r"[-a-zA-Z0-9_]+\Z")
_STAND_IN = "slug-stand-in"


@lru_cache(maxsize=64)
def _around(viewname, urlconf, prefix):
    """What comes before and after the slug in ``viewname``'s address (for
    this URLconf and script prefix)."""
    address = reverse(viewname, kwargs={"slug": _STAND_IN}, urlconf=urlconf)
    before, _stand_in, after = address.partition(_STAND_IN)
    if _STAND_IN in after:  # pragma: no cover - no pattern repeats its slug
        raise ValueError(f"{viewname} has the slug twice")
    return before, after


def slug_url(viewname, slug):
    """``reverse(viewname, kwargs={"slug": slug})``, the same text, faster."""
    if not isinstance(slug, str) or not _PLAIN.match(slug):
        return reverse(viewname, kwargs={"slug": slug})
    before, after = _around(viewname, get_urlconf(), get_script_prefix())
    return before + slug + after


@receiver(setting_changed)
def _forget(setting, **kwargs):
    """Tests may swap the URLconf."""
    if setting == "ROOT_URLCONF":
        _around.cache_clear()
