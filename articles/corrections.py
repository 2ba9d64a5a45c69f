"""Adding a correction entry to a published story, and the pair of revisions
readers can compare (what the story said before and after).

Entries are immutable: amending one means adding a new entry that supersedes
it, so every wording an editor ever published stays in the history.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import rights
from .errors import WorkflowError
from .models import Article, ArticleCorrection, ArticleEvent
from .revisions import compare, revision_record

# The events after which the story's newest revision is what readers see.
PUBLISHING_ACTIONS = (ArticleEvent.Action.PUBLISH, ArticleEvent.Action.SCHEDULE)


def readers_baseline(article):
    """The revision readers saw before the next correction: the one the
    previous correction left them, or else the one the story was published
    with (its last publish or schedule event)."""
    previous = (
        article.corrections.filter(revision_after__isnull=False)
        .select_related("revision_after")
        .first()
    )
    published = (
        article.events.filter(action__in=PUBLISHING_ACTIONS, revision__isnull=False)
        .select_related("revision")
        .first()
    )
    candidates = [
        r
        for r in (
            previous and previous.revision_after,
            published and published.revision,
        )
        if r
    ]
    return max(candidates, key=lambda r: r.pk) if candidates else None


@transaction.atomic
def correction_add(
    *,
    article,
    by,
    kind,
    summary,
    reason="",
    sender_name="",
    reply_text="",
    supersedes=None,
):
    """Record a correction entry on a story readers can see, by an editor.

    The story's newest revision is what readers see now (every save of a
    published story is live), so it is the "after"; the "before" is
    ``readers_baseline``. Never a draft: the story must be visible.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not rights.is_editor(by):
        raise WorkflowError(_("Hanya redaktur yang boleh menambah koreksi."))
    if not Article.objects.visible().filter(pk=article.pk).exists():
        raise WorkflowError(_("Koreksi hanya untuk berita yang sedang terbit."))
    if kind not in ArticleCorrection.Kind.values:
        raise WorkflowError(_("Jenis koreksi tidak dikenal."))
    if not summary.strip():
        raise WorkflowError(_("Tuliskan apa yang berubah."))
    if kind == ArticleCorrection.Kind.HAK_JAWAB and not (
        sender_name.strip() and reply_text.strip()
    ):
        raise WorkflowError(_("Hak jawab harus memuat nama pengirim dan isinya."))
    if supersedes is not None:
        if supersedes.article_id != article.pk:
            raise WorkflowError(_("Koreksi yang diganti bukan milik berita ini."))
        if ArticleCorrection.objects.filter(supersedes=supersedes).exists():
            raise WorkflowError(_("Koreksi itu sudah diganti oleh koreksi lain."))
    before = readers_baseline(article)
    after = article.revisions.order_by("-pk").first() or revision_record(
        article=article, by=by
    )
    if before is not None and not compare(before.content, after.content)["changed"]:
        before = after  # nothing readers could compare (a reply, no edit)
    return ArticleCorrection.objects.create(
        article=article,
        kind=kind,
        summary=summary.strip(),
        reason=reason.strip(),
        sender_name=sender_name.strip()
        if kind == ArticleCorrection.Kind.HAK_JAWAB
        else "",
        # The sender's words unaltered: not even stripped.
        reply_text=reply_text if kind == ArticleCorrection.Kind.HAK_JAWAB else "",
        revision_before=before,
        revision_after=after,
        supersedes=supersedes,
        created_by=by,
    )
