"""E-mail to whoever must act next after a workflow transition.

Editors hear of a submitted story; the author hears that their story was sent
back (with the editor's note), published, scheduled or taken down. Mail goes
out after the transaction commits, and a mail server that fails is logged,
never turned into an error for the person who clicked the button.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import ArticleEvent

logger = logging.getLogger(__name__)
Action = ArticleEvent.Action

SUBJECTS = {
    Action.SUBMIT: _("Berita menunggu review: %(title)s"),
    Action.REQUEST_CHANGES: _("Berita Anda perlu revisi: %(title)s"),
    Action.PUBLISH: _("Berita Anda terbit: %(title)s"),
    Action.SCHEDULE: _("Berita Anda dijadwalkan terbit: %(title)s"),
    Action.UNPUBLISH: _("Berita Anda diturunkan: %(title)s"),
}


def editor_recipients():
    """Active editors with an e-mail address: Redaktur members and superusers."""
    codename = "publish_article"
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename=codename)
            | Q(user_permissions__codename=codename)
        )
        .exclude(email="")
        .distinct()
    )


def recipients_for(event):
    if event.action == Action.SUBMIT:
        users = list(editor_recipients())
    elif event.action in SUBJECTS and event.article.author_id:
        author = event.article.author
        users = [author] if author.is_active and author.email else []
    else:
        users = []
    return [u for u in users if u.pk != event.actor_id]


def event_notify(*, event_id):
    """Send the mails for one event (called from ``transaction.on_commit``)."""
    event = (
        ArticleEvent.objects.select_related("article", "article__author", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.action not in SUBJECTS:
        return 0
    recipients = recipients_for(event)
    if not recipients:
        return 0
    site_url = getattr(settings, "WARTA_SITE_URL", "")
    context = {
        "event": event,
        "article": event.article,
        "site_name": getattr(settings, "WARTA_SITE_NAME", "Warta"),
        "admin_url": site_url
        + reverse("admin:articles_article_change", args=[event.article_id]),
        "history_url": site_url
        + reverse("admin:articles_article_history", args=[event.article_id]),
    }
    subject = SUBJECTS[event.action] % {"title": event.article.title}
    messages = []
    for user in recipients:
        body = render_to_string(
            "workflow/email/event.txt", {**context, "recipient": user}, using="text"
        )
        messages.append(EmailMessage(" ".join(subject.split()), body, to=[user.email]))
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # a broken mail server must not undo or hide the transition
        logger.exception("Workflow mail for event %s could not be sent", event_id)
        return 0
