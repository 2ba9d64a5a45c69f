"""Template tags for the admin's story list and read-only story view."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def story_date_hierarchy(cl):
    """Django's date drill-down, whose first level (the years) comes from the
    first and last date of every story the user may see, read from an index.

    Django reads the span of the list as filtered and searched, and again
    when it lies in one year: with a search, that is every matching story
    twice, seconds at 100,000 stories. A year with no match for the search
    or the filters shows an empty list when chosen. The deeper levels are
    Django's, within the chosen year or month."""
    field = cl.date_hierarchy
    if any(f"{field}__{part}" in cl.params for part in ("year", "month", "day")):
        return date_hierarchy(cl)
    span = cl.root_queryset.aggregate(first=Min(field), last=Max(field))
    if not (span["first"] and span["last"]):
        return {"show": False}
    first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
    return {
        "show": True,
        "choices": [
            {
                "link": cl.get_query_string({f"{field}__year": year}, [f"{field}__"]),
                "title": str(year),
            }
            for year in range(first, last + 1)
        ],
    }


@register.simple_tag
def story_text(reading):
    """The story's text and photos as readers see them, with each photo's
    details: the public site's own ``portal/_story_text.html`` (Jinja2),
    so the body reaches the newsroom through the same sanitizing filter.

    ``reading``: the story, its featured photo and gallery
    (``articles.admin.history.story_as_read``)."""
    markup = render_to_string(
        "portal/_story_text.html", {**reading, "details": True}, using="jinja2"
    )
    # Jinja2's autoescape escaped every value the template put in; the body
    # went through ``richtext``, the sanitizer.
    return mark_safe(markup)  # noqa: S308 - Jinja2 autoescaped it; body sanitized
