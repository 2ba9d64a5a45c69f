"""Writes on stories outside the editorial workflow (see workflow.py for that)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ArticleEditSession, ArticleRevision, ArticleSlugRedirect


@transaction.atomic
def slug_redirect_record(*, article, old_slug):
    """Keep ``old_slug`` pointing at ``article`` after its address changed.

    A redirect whose old slug is now the story's own again is dropped, and an
    old slug once used by another story is re-pointed to this one.
    """
    ArticleSlugRedirect.objects.filter(old_slug=article.slug).delete()
    if old_slug and old_slug != article.slug:
        ArticleSlugRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"article": article}
        )


def edit_session_touch(*, article, user, minutes=None):
    """Note that ``user`` has ``article`` open; return who else did recently.

    Returns ``(others, changed_by)``: edit sessions of other users within the
    last ``minutes`` (WARTA_EDIT_PRESENCE_MINUTES, 10 by default) and the
    newest revision saved by someone else in that time, or None.
    """
    if minutes is None:
        minutes = getattr(settings, "WARTA_EDIT_PRESENCE_MINUTES", 10)
    now = timezone.now()
    since = now - datetime.timedelta(minutes=minutes)
    ArticleEditSession.objects.update_or_create(
        article=article, user=user, defaults={"seen_at": now}
    )
    others = list(
        ArticleEditSession.objects.filter(article=article, seen_at__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("-seen_at")
    )
    changed_by = (
        ArticleRevision.objects.filter(article=article, created_at__gte=since)
        .exclude(author=user)
        .select_related("author")
        .order_by("-pk")
        .first()
    )
    return others, changed_by
