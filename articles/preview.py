"""Signed preview links: a story's preview for someone without an account.

An editor makes the link (the admin's "Tautan pratinjau"); the public site's
preview view (``portal.preview``) opens it. Every link is recorded as a
``PreviewLink``; the signed token names the story and that record, and opens
the story only while the record lives: not past its time
(``WARTA_PREVIEW_LINK_DAYS`` days), not revoked by an editor, and not ended by
taking the story down (``workflow.article_unpublish`` calls
``preview_links_end``).
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import rights
from .models import Article, PreviewLink

SALT = "articles.preview"


class PreviewLinkEnded(Exception):
    """A genuine link that opens nothing any more; ``reason`` says why:
    ``"deleted"`` (the story), ``"expired"``, ``"revoked"``, ``"taken_down"``,
    or ``"unknown"`` (no record, e.g. a link made before links were recorded).
    """

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def preview_link_days():
    return getattr(settings, "WARTA_PREVIEW_LINK_DAYS", 7)


@transaction.atomic
def preview_link_make(*, article, by):
    """Record a new link to ``article`` made by ``by`` (an editor).

    Returns ``(url, link)``: the signed address, shown once, and the
    ``PreviewLink`` (its ``expires_at`` is when it stops working).
    """
    if not rights.is_editor(by):
        raise PermissionDenied
    now = timezone.now()
    link = PreviewLink.objects.create(
        article=article,
        key=secrets.token_urlsafe(16),
        created_by=by,
        created_at=now,
        expires_at=now + datetime.timedelta(days=preview_link_days()),
    )
    token = signing.dumps(
        {"article": article.pk, "link": link.key}, salt=SALT, compress=True
    )
    return reverse("portal:preview-signed", kwargs={"token": token}), link


def preview_link_open(token):
    """The story a signed link opens.

    Raises ``signing.SignatureExpired`` for a link past its time,
    ``signing.BadSignature`` for one that was cut or altered, and
    ``PreviewLinkEnded`` for a genuine link that no longer opens anything.
    """
    max_age = preview_link_days() * 24 * 60 * 60
    data = signing.loads(token, salt=SALT, max_age=max_age)
    if not isinstance(data, dict):
        raise signing.BadSignature("not a preview link")
    article = Article.objects.filter(pk=_int(data.get("article"))).first()
    if article is None:
        raise PreviewLinkEnded("deleted")
    key = data.get("link")
    link = (
        article.preview_links.filter(key=key).first() if isinstance(key, str) else None
    )
    if link is None:
        raise PreviewLinkEnded("unknown")
    if link.revoked_at is not None:
        raise PreviewLinkEnded(link.ended_because or PreviewLink.Ended.REVOKED)
    if link.expires_at <= timezone.now():
        raise PreviewLinkEnded("expired")
    return article


@transaction.atomic
def preview_link_revoke(*, link, by):
    """Stop ``link`` from working (an editor's decision). Already ended: kept."""
    if not rights.is_editor(by):
        raise PermissionDenied
    PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(),
        revoked_by=by,
        ended_because=PreviewLink.Ended.REVOKED,
    )
    link.refresh_from_db()
    return link


def preview_links_end(*, article, by):
    """End every working link to ``article``: it was taken down.

    Called inside ``workflow.article_unpublish``'s transaction.
    """
    return article.preview_links.filter(revoked_at__isnull=True).update(
        revoked_at=timezone.now(),
        revoked_by=by,
        ended_because=PreviewLink.Ended.TAKEN_DOWN,
    )


def _int(value):
    # A signed payload is ours, but an id past the database's range would be
    # an error rather than "absent".
    return value if isinstance(value, int) and 0 < value < 2**63 else None
