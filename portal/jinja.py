"""The public site's Jinja2 environment (``TEMPLATES``' first engine).

Readers' pages render with Jinja2: Django's template engine took twice as
long for the same story page. The admin keeps Django's templates. What the
templates call is Django's own or ``templatetags``' functions, so a date, a
``<picture>`` or a sanitized body is written the same way in both engines.

Addresses without arguments and ``static()`` paths are worked out once per
process: a page asks for the same dozen on every request, and they cannot
change while the process runs (tests that change the settings start afresh).
"""

from functools import lru_cache

import jinja2
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static as static_path
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext, ngettext

from articles.reversing import slug_url

from .templatetags.portal import iso, jsonld, page_url, picture, tanggal
from .templatetags.richtext import richtext


def environment(**options):
    """The environment ``django.template.backends.jinja2.Jinja2`` builds."""
    # A missing value is empty, as in Django's templates, in development
    # too (Django's backend would write ``{{ name }}`` there instead).
    options["undefined"] = jinja2.Undefined
    # Always escaped, whatever the settings say: readers' pages print what
    # writers and readers typed.
    options.pop("autoescape", None)
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True, **options)
    # Newstyle: ``_("Arsip %(month)s", month=...)`` is the msgid Django's
    # blocktranslate made of the same text, and its values are escaped.
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        url=url,
        # ``url(name, slug)`` for addresses of the form ``.../<slug>/`` (a
        # story's tags): the same text without ``reverse()`` for each.
        slug_url=slug_url,
        static=static,
        picture=picture,
        page_url=jinja2.pass_context(page_url),
    )
    env.filters.update(
        tanggal=tanggal,
        iso=iso,
        jsonld=jsonld,
        richtext=richtext,
        date=defaultfilters.date,
        linebreaksbr=_linebreaksbr,
        intcomma=intcomma,
        regroup=regroup,
    )
    return env


def url(name, *args):
    """``reverse(name, args=args)``; an address without arguments once per
    process (per URLconf and script prefix)."""
    if args:
        return reverse(name, args=args)
    return _fixed_url(name, get_urlconf(), get_script_prefix())


@lru_cache(maxsize=256)
def _fixed_url(name, urlconf, prefix):
    return reverse(name, urlconf=urlconf)


def static(path):
    """``static(path)``, worked out once per process (and script prefix)."""
    return _static(path, get_script_prefix())


@lru_cache(maxsize=256)
def _static(path, prefix):
    return static_path(path)


@receiver(setting_changed)
def _forget(**kwargs):
    """Tests change the URLconf, STATIC_URL and storages: start afresh."""
    _fixed_url.cache_clear()
    _static.cache_clear()


def _linebreaksbr(value):
    """Django's ``linebreaksbr``, escaping what it is given first."""
    return defaultfilters.linebreaksbr(value, autoescape=True)


def regroup(items, attribute):
    """Django's ``{% regroup %}``: runs of items sharing ``attribute`` (a
    method is called), in the order given, as ``(grouper, list)`` pairs."""
    groups = []
    for item in items:
        grouper = getattr(item, attribute)
        if callable(grouper):
            grouper = grouper()
        if groups and groups[-1][0] == grouper:
            groups[-1][1].append(item)
        else:
            groups.append((grouper, [item]))
    return [{"grouper": grouper, "list": members} for grouper, members in groups]
