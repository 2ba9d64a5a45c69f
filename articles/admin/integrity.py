"""The story admin's integrity pieces: the link guard's findings above the
form with the editor's confirmation box, and after every save the link check
and, for a published story, its fingerprint (``articles.linkguard``,
``articles.fingerprints``)."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from .. import fingerprints, linkguard, rights
from ..errors import WorkflowError

CONFIRM_FIELD = "_confirm_links"


class IntegrityAdminMixin:
    """The link-guard half of ``ArticleAdmin``."""

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["link_guard"] = self.link_guard_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def link_guard_context(self, request, obj):
        """The findings no editor has confirmed yet, and the confirmation box
        for an editor."""
        if obj is None or not obj.pk:
            return None
        pending = linkguard.unconfirmed(obj)
        if not pending:
            return None
        return {
            "findings": [str(f) for f in pending],
            "token": linkguard.token(pending),
            "can_confirm": rights.is_editor(request.user),
            "field": CONFIRM_FIELD,
        }

    def integrity_record(self, request, form):
        """After the story and its rows are saved: check its links (the body
        as typed included), take an editor's confirmation, record the
        fingerprint of a published story."""
        article = form.instance
        linkguard.article_check(
            article=article, by=request.user, raw_body=form.cleaned_data.get("body")
        )
        shown = request.POST.get(CONFIRM_FIELD)
        if shown:
            try:
                if linkguard.article_confirm(
                    article=article, by=request.user, shown=shown
                ):
                    self.message_user(
                        request,
                        _("Temuan penjaga tautan dikonfirmasi dan dicatat."),
                        messages.SUCCESS,
                    )
            except WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
        pending = linkguard.unconfirmed(article)
        if pending:
            self.message_user(
                request,
                _(
                    "Penjaga tautan menemukan %(found)s. Berita tidak bisa "
                    "diterbitkan sebelum redaktur memeriksa dan mengonfirmasinya."
                )
                % {"found": "; ".join(str(f) for f in pending)},
                messages.WARNING,
            )
        fingerprints.fingerprint_saved(article=article, by=request.user, reason="edit")
