"""Template tags for the admin's story list."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.utils import timezone

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def story_date_hierarchy(cl):
    """Django's date drill-down, whose first level (the years) comes from
    the first and last date alone, read from an index, instead of a
    ``DISTINCT`` over every story of the archive."""
    field = cl.date_hierarchy
    if any(f"{field}__{part}" in cl.params for part in ("year", "month", "day")):
        return date_hierarchy(cl)
    span = cl.queryset.aggregate(first=Min(field), last=Max(field))
    if not (span["first"] and span["last"]):
        return date_hierarchy(cl)
    first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
    if first == last:
        return date_hierarchy(cl)
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
