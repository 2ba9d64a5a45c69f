"""Writes on stories outside the editorial workflow (see workflow.py for that)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from media_library.models import Photo

from .models import (
    Agency,
    Article,
    ArticleEditSession,
    ArticlePhoto,
    ArticleRevision,
    ArticleSlugRedirect,
    Category,
    Official,
)


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


def revision_record(*, article, by, note=""):
    """Store a snapshot of ``article``'s content as it is now, saved by ``by``."""
    from .revisions import snapshot

    return ArticleRevision.objects.create(
        article=article, author=by, content=snapshot(article), note=note
    )


def latest_revision_id(article):
    """The version token of a story's content: its newest revision's id (or 0).

    Every save through the admin records a revision, so a form that carries
    an older id was opened before someone else's save.
    """
    if not article or not article.pk:
        return 0
    return (
        ArticleRevision.objects.filter(article_id=article.pk)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )


@transaction.atomic
def revision_restore(*, revision, by):
    """Make ``revision``'s content the story's content again, as a new revision.

    Photos removed from the library since are left out; a photo's alt text
    belongs to the library and is not rolled back.
    """
    from . import rights
    from .workflow import WorkflowError

    article = Article.objects.select_for_update().get(pk=revision.article_id)
    if not rights.can_edit(by, article):
        raise WorkflowError(_("Anda tidak berhak mengubah berita ini."))
    content = revision.content
    for field in ("title", "summary", "dateline", "body", "event_place"):
        setattr(article, field, content.get(field, ""))
    article.credit_line = content.get("credit_line", "")
    event_date = content.get("event_date")
    article.event_date = datetime.date.fromisoformat(event_date) if event_date else None
    category = content.get("category")
    article.category = (
        Category.objects.filter(pk=category["id"]).first() if category else None
    )
    article.save()
    article.tags.set(content.get("tags", []))
    for relation, model in (
        ("officials", Official),
        ("agencies", Agency),
        ("related", Article),
    ):
        ids = [item["id"] for item in content.get(relation, [])]
        getattr(article, relation).set(model.objects.filter(pk__in=ids))
    existing = set(
        Photo.objects.filter(
            pk__in=[p["photo_id"] for p in content.get("photos", [])]
        ).values_list("pk", flat=True)
    )
    ArticlePhoto.objects.filter(article=article).delete()
    ArticlePhoto.objects.bulk_create(
        ArticlePhoto(
            article=article,
            photo_id=p["photo_id"],
            role=p["role"],
            order=p["order"],
            caption=p["caption"],
        )
        for p in content.get("photos", [])
        if p["photo_id"] in existing
    )
    return revision_record(
        article=article,
        by=by,
        note=_("Dipulihkan dari revisi #%(id)s") % {"id": revision.pk},
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
