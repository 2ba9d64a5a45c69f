"""Template tags for the admin's integrity pieces: a link-guard finding as a
sentence, and the last ``verify_content`` run on the admin's front page."""

from django import template

from .. import rights
from ..linkguard import Finding
from ..models import ContentVerification

register = template.Library()


@register.filter
def link_finding(value):
    """A stored finding (``{"where", "kind", "match"}``) as one sentence."""
    return str(Finding(**value))


@register.simple_tag(takes_context=True)
def last_verification(context):
    """For an editor: the last ``verify_content`` run, or "never" when it has
    not run. None for anyone else."""
    request = context.get("request")
    if request is None or not rights.is_editor(request.user):
        return None
    return ContentVerification.objects.first() or "never"
