"""Template tags for the newsroom admin's workflow pieces."""

from django import template

from .. import rights
from ..models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue_count(context):
    """How many stories wait for review, for an editor; None for anyone else."""
    request = context.get("request")
    if request is None or not rights.is_editor(request.user):
        return None
    return Article.objects.filter(status=Article.Status.IN_REVIEW).count()
