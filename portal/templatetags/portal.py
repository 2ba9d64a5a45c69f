"""Template helpers for the public site: dates, photos, JSON-LD, pagination."""

from urllib.parse import urlencode

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup

from ..caching import page_params
from ..seo import json_for_script

register = template.Library()


# Dates as written by ``tanggal``: the same stories' dates are on every
# request of a page; formatting one costs far more than looking it up.
_DATES = {}
_DATES_MAX = 20000


@register.filter
def tanggal(value, with_time=True):
    """ "Selasa, 4 Juni 2024 10.15 WIB" in the site's time zone: the one date
    format of the whole site, admin included (``newsroom/formats/id``)."""
    if not value:
        return ""
    zone = timezone.get_current_timezone()
    key = (value, bool(with_time), zone, translation.get_language())
    written = _DATES.get(key)
    if written is None:
        local = timezone.localtime(value, zone)
        written = date_format(local, "DATETIME_FORMAT" if with_time else "DATE_FORMAT")
        if len(_DATES) >= _DATES_MAX:
            _DATES.clear()
        _DATES[key] = written
    return written


@register.filter
def iso(value):
    """ISO 8601 in the site's time zone, to the second (for ``<time>``)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def jsonld(data):
    """``<script type="application/ld+json">`` with the data, safely escaped."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json_for_script(data)),  # noqa: S308 - <, > and & are escaped
    )


# Rendered <picture>s by everything they are made of (see ``picture``).
# Bounded: emptied when full; a photo's markup is cheap to make again.
_PICTURES = {}
_PICTURES_MAX = 2000


@receiver(setting_changed)
def _forget(**kwargs):
    """Tests change settings (media storage, formats): start afresh."""
    _PICTURES.clear()
    _DATES.clear()


@register.simple_tag
def picture(photo, sizes="100vw", lazy=True, width=640, alt=None):
    """A ``<picture>`` with WebP and JPEG srcsets from the photo's renditions.

    ``width`` picks the fallback ``src``; width and height attributes give the
    browser the aspect ratio so nothing shifts while the image loads. Until
    the worker has made the renditions, the sizes that exist (or the
    original) serve.

    The markup is kept per process under a key made of all it shows: the
    photo's file and size, its renditions' files and sizes, and the
    arguments. Stored files never change under a name, so a new rendition or
    new alt text is a new key, and a home page's 37 photos are not worked out
    (a dozen storage URLs each) on every request.
    """
    alt = photo.alt_text if alt is None else alt
    key = (
        photo.pk,
        photo.file.name,
        photo.width,
        photo.height,
        photo.renditions_key(),
        sizes,
        lazy,
        width,
        alt,
    )
    markup = _PICTURES.get(key)
    if markup is None:
        fallback = photo.image(width, "jpeg")
        # The Jinja2 engine has the fragment and escaped what it put in;
        # Markup keeps it unescaped in both engines (Django honours
        # ``__html__``).
        markup = Markup(  # noqa: S704 - rendered with autoescape
            render_to_string(
                "portal/_picture.html",
                {
                    "photo": photo,
                    "src": fallback.url if fallback else "",
                    "webp_srcset": photo.srcset("webp"),
                    "jpeg_srcset": photo.srcset("jpeg"),
                    "sizes": sizes,
                    "lazy": lazy,
                    "alt": alt,
                },
            )
        )
        if len(_PICTURES) >= _PICTURES_MAX:
            _PICTURES.clear()
        _PICTURES[key] = markup
    return markup


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with ``page`` set to ``number``, the page's other
    parameters (search filters) kept and anything else dropped."""
    query = page_params(context["request"])
    query.pop("page", None)
    if number != 1:
        query["page"] = number
    encoded = urlencode(query)
    return f"?{encoded}" if encoded else context["request"].path
