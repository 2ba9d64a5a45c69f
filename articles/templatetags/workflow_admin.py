"""Template tags for the newsroom admin's workflow pieces."""

from django import template

from .. import dashboards, rights
from ..models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue_count(context):
    """How many stories wait for review, for an editor; None for anyone else."""
    request = context.get("request")
    if request is None or not rights.is_editor(request.user):
        return None
    return Article.objects.filter(status=Article.Status.IN_REVIEW).count()


@register.simple_tag(takes_context=True)
def role_board(context):
    """The front page's board for ``request.user``: the editor's (queue,
    calendar, published today), a contributor's (their stories by state), or
    None for anyone else."""
    request = context.get("request")
    if request is None:
        return None
    if rights.is_editor(request.user):
        return {"role": "editor", **dashboards.editor_board()}
    if rights.is_contributor(request.user):
        return {"role": "contributor", **dashboards.contributor_board(request.user)}
    return None
