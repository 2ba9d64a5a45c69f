"""Signed preview links: a story's preview for someone without an account.

An editor makes the link (the admin's "Tautan pratinjau"); the public site's
preview view (``portal.preview``) reads it. The link names one story and
stops working after ``WARTA_PREVIEW_LINK_DAYS`` days.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "articles.preview"


def preview_link_days():
    return getattr(settings, "WARTA_PREVIEW_LINK_DAYS", 7)


def preview_link_make(article):
    """A signed address for ``article``'s preview and the time it stops working."""
    token = signing.dumps({"article": article.pk}, salt=SALT, compress=True)
    expires = timezone.now() + datetime.timedelta(days=preview_link_days())
    return reverse("portal:preview-signed", kwargs={"token": token}), expires


def preview_link_article_id(token):
    """The story id a signed link names.

    Raises ``signing.SignatureExpired`` for a link past its time and
    ``signing.BadSignature`` for one that was cut or altered.
    """
    max_age = preview_link_days() * 24 * 60 * 60
    data = signing.loads(token, salt=SALT, max_age=max_age)
    return data.get("article") if isinstance(data, dict) else None
