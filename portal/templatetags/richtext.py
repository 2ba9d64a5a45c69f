"""Rendering a story body: the only place stored rich text is marked safe."""

from django import template
from django.utils.safestring import mark_safe

from articles.richtext import sanitize_html

register = template.Library()


@register.filter
def richtext(value):
    """Render sanitized rich text.

    The body is already sanitized on save; it is cleaned again here (nh3 is
    fast) so that a row written around ``save()`` (a bulk update, a raw SQL
    import) still cannot reach a reader unsanitized.
    """
    return mark_safe(sanitize_html(value))  # noqa: S308 - output of the sanitizer
