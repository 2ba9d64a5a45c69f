"""The public side of a takedown: the 410 Gone notice at a withdrawn story's
address (and its old slugs), and the list of public notices for /koreksi/.

A story taken down is no longer in ``Article.objects.visible()``, so feeds,
sitemaps, search, listings, "Baca Juga" and the read counter drop it with
no code here; only its own address says what happened to it.
"""

from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from articles.models import Article, ArticleTakedown


def _in_force():
    return ArticleTakedown.objects.filter(
        undone_at__isnull=True, article__status=Article.Status.UNPUBLISHED
    )


def takedown_at(slug):
    """The takedown in force on the story at ``slug`` or an old slug of it."""
    return (
        _in_force()
        .filter(Q(article__slug=slug) | Q(article__slug_redirects__old_slug=slug))
        .order_by("-created_at", "-pk")
        .first()
    )


def withdrawn_page(request, slug):
    """The 410 Gone page for a story taken down at ``slug``, or None.

    A public notice says when and why (the guideline's reason, never the
    editor's text or the story's); otherwise only that it is gone.
    """
    takedown = takedown_at(slug)
    if takedown is None:
        return None
    response = render(
        request,
        "portal/withdrawn.html",
        {"takedown": takedown if takedown.public_notice else None},
        status=410,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def public_takedowns():
    """Public takedown notices in force, newest first (for /koreksi/)."""
    return (
        _in_force()
        .filter(public_notice=True)
        .select_related("article")
        .order_by("-created_at", "-pk")
    )


def takedown_entry(takedown):
    """A public takedown as a notice on /koreksi/: when and the guideline's
    reason; the address leads to the 410 page, not to the story's text."""
    return {
        "key": f"dicabut-{takedown.pk}",
        "label": _("Dicabut"),
        "date": takedown.created_at,
        "title": takedown.article.title,
        "url": takedown.article.get_absolute_url(),
        "text": takedown.get_reason_display(),
    }
