"""Takedowns ("Turunkan") as the Pedoman Pemberitaan Media Siber asks: the
reason the guideline names, whether the notice is public, and its undoing.

The services ``article_unpublish`` and ``article_restore`` in
``articles.workflow`` call these inside their transaction; the public 410
notice is ``portal.takedowns``.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import WorkflowError
from .models import ArticleTakedown
from .transitions import Input

Reason = ArticleTakedown.Reason

# What "Turunkan" asks for besides the reason text (its ``comment_arg``).
TAKEDOWN_INPUTS = (
    Input(
        arg="cause",
        label=gettext_lazy("Alasan menurut Pedoman Pemberitaan Media Siber"),
        choices=tuple(Reason.choices),
        required=gettext_lazy(
            "Pilih alasan menurunkan berita menurut Pedoman Pemberitaan Media Siber."
        ),
    ),
    Input(
        arg="public",
        label=gettext_lazy("Umumkan penurunan dan alasannya kepada pembaca"),
        help=gettext_lazy(
            "Jika tidak dicentang, alamat berita hanya menyatakan bahwa berita "
            "tidak tersedia lagi, tanpa alasan."
        ),
        initial=True,
    ),
)


def open_takedown(article):
    """The takedown in force on ``article`` (not undone), or None."""
    return (
        ArticleTakedown.objects.filter(article=article, undone_at__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )


def takedown_record(*, article, by, cause, reason, public):
    """Store the takedown of ``article`` (called by ``article_unpublish``)."""
    if cause not in Reason.values:
        raise WorkflowError(str(TAKEDOWN_INPUTS[0].required))
    return ArticleTakedown.objects.create(
        article=article,
        reason=cause,
        reason_text=reason,
        public_notice=bool(public),
        created_by=by,
        created_at=timezone.now(),
    )


def takedown_undo(*, article, by):
    """Mark the takedown in force on ``article`` undone; returns it."""
    takedown = open_takedown(article)
    if takedown is None:
        raise WorkflowError(_("Berita ini tidak diturunkan lewat “Turunkan”."))
    takedown.undone_at = timezone.now()
    takedown.undone_by = by
    takedown.save(update_fields=["undone_at", "undone_by"])
    return takedown


def is_taken_down(article):
    """Whether ``article`` has a takedown in force (part of the rule of "restore")."""
    return bool(article.pk) and open_takedown(article) is not None
