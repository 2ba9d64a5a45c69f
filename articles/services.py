"""Writes on stories outside the editorial workflow (see workflow.py for that)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import ArticleEditSession, ArticleSlugRedirect


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


def edit_session_touch(*, article, user, seconds=None):
    """Note that ``user`` has ``article`` open now (the story form's heartbeat);
    return the edit sessions of the others who have it open, newest first.

    Open means seen in the last ``seconds`` (WARTA_EDIT_PRESENCE_SECONDS, 60
    by default): the form beats every 20 s, so someone who closed it without
    saying so (a crash, a lost connection) is gone within a minute.
    """
    if seconds is None:
        seconds = getattr(settings, "WARTA_EDIT_PRESENCE_SECONDS", 60)
    now = timezone.now()
    ArticleEditSession.objects.update_or_create(
        article=article, user=user, defaults={"seen_at": now}
    )
    return list(
        ArticleEditSession.objects.filter(
            article=article, seen_at__gte=now - datetime.timedelta(seconds=seconds)
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("-seen_at")
    )
