"""E-mail to whoever must act next after a workflow transition.

What each transition's mail says and whom it goes to (the editors, or the
story's author) is written in the table of transitions in
``articles.workflow``; the service hands that ``Mail`` over here. Mail goes
out after the transaction commits, and a mail server that fails is logged,
never turned into an error for the person who clicked the button.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from .models import ArticleEvent

logger = logging.getLogger(__name__)

EDITORS = "editors"
AUTHOR = "author"


@dataclass(frozen=True)
class Mail:
    """A transition's e-mail: its subject (with ``%(title)s``) and its readers,
    ``EDITORS`` or the story's ``AUTHOR``."""

    subject: str
    to: str = AUTHOR


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


def recipients_for(event, mail):
    """Who receives ``mail`` about ``event``; never the person who acted."""
    if mail.to == EDITORS:
        users = list(editor_recipients())
    elif event.article.author_id:
        author = event.article.author
        users = [author] if author.is_active and author.email else []
    else:
        users = []
    return [u for u in users if u.pk != event.actor_id]


def event_notify(*, event_id, mail):
    """Send ``mail`` about one event (called from ``transaction.on_commit``)."""
    event = (
        ArticleEvent.objects.select_related("article", "article__author", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    recipients = recipients_for(event, mail)
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
    subject = mail.subject % {"title": event.article.title}
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
