"""The editorial workflow: every change of a story's state is one function here.

draft -> in_review -> published; in_review -> changes_requested -> in_review;
in_review -> draft (withdrawn); published -> unpublished. Each service runs
in one transaction with the story's row locked, checks the acting user's
right (``articles.rights``), refuses a transition from the wrong state,
records an ``ArticleEvent`` and, after commit, e-mails whoever must act next.
Nothing else sets ``Article.status``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import notifications, rights
from .errors import WorkflowError
from .models import Article, ArticleEvent, ArticlePhoto
from .revisions import revision_record

Status = Article.Status
Action = ArticleEvent.Action


def publish_problems(article):
    """What a story still lacks before it can be published (labels, in order)."""
    problems = []
    if not article.title.strip():
        problems.append(_("judul"))
    if not (article.summary or "").strip():
        problems.append(_("ringkasan"))
    if not article.category_id:
        problems.append(_("rubrik"))
    featured = (
        ArticlePhoto.objects.filter(article=article, role=ArticlePhoto.Role.FEATURED)
        .select_related("photo")
        .first()
    )
    if featured is None:
        problems.append(_("foto utama"))
    else:
        if not featured.effective_caption.strip():
            problems.append(_("keterangan foto utama"))
        if not featured.photo.alt_text.strip():
            problems.append(_("teks alternatif foto utama"))
    return problems


def _check_publishable(article, verb):
    problems = publish_problems(article)
    if problems:
        raise WorkflowError(
            _("Berita belum bisa %(verb)s. Lengkapi dulu: %(missing)s.")
            % {"verb": verb, "missing": ", ".join(problems)}
        )


def _locked(article):
    """The story's row, locked until the transaction ends."""
    try:
        return Article.objects.select_for_update().get(pk=article.pk)
    except Article.DoesNotExist:
        raise WorkflowError(_("Berita ini sudah dihapus.")) from None


def _require_state(locked, allowed, action_label):
    if locked.status not in allowed:
        raise WorkflowError(
            _("Berita berstatus “%(status)s” tidak bisa %(action)s.")
            % {"status": locked.get_status_display(), "action": action_label}
        )


def _require(allowed):
    if not allowed:
        raise WorkflowError(_("Anda tidak berhak melakukan tindakan ini."))


def _transition(article, locked, *, by, action, to, comment="", fields=(), notify=True):
    """Save the new state with ``update_fields`` and record the event."""
    from_status = locked.status
    locked.status = to
    # `updated_at` is left alone: it tells when the content last changed.
    locked.save(update_fields=["status", *fields])
    revision = locked.revisions.order_by("-pk").first()
    if revision is None:
        revision = revision_record(article=locked, by=by)
    event = ArticleEvent.objects.create(
        article=locked,
        action=action,
        actor=by,
        from_status=from_status,
        to_status=to,
        comment=comment,
        published_at=locked.published_at,
        revision=revision,
    )
    # Keep the caller's object in step with the row.
    article.status = locked.status
    article.published_at = locked.published_at
    if notify:
        transaction.on_commit(lambda: notifications.event_notify(event_id=event.pk))
    return event


@transaction.atomic
def article_submit(*, article, by, notify=True):
    """Send a draft (or a story sent back) to the editors for review.

    ``notify=False`` records the event without mail (imports, demo content).
    """
    locked = _locked(article)
    _require(rights.can_edit(by, locked))
    _require_state(
        locked,
        (Status.DRAFT, Status.CHANGES_REQUESTED),
        _("diajukan ke redaksi"),
    )
    _check_publishable(locked, _("diajukan"))
    return _transition(
        article,
        locked,
        by=by,
        action=Action.SUBMIT,
        to=Status.IN_REVIEW,
        notify=notify,
    )


@transaction.atomic
def article_withdraw(*, article, by):
    """Take a story back from review to draft, to keep working on it."""
    locked = _locked(article)
    _require(rights.can_view(by, locked))
    _require_state(locked, (Status.IN_REVIEW,), _("ditarik kembali"))
    return _transition(article, locked, by=by, action=Action.WITHDRAW, to=Status.DRAFT)


@transaction.atomic
def article_request_changes(*, article, by, comment):
    """Send a story back to its writer with the editor's reason."""
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError(_("Tulis catatan untuk penulis: apa yang perlu diubah."))
    locked = _locked(article)
    _require(rights.is_editor(by))
    _require_state(locked, (Status.IN_REVIEW,), _("diminta revisi"))
    return _transition(
        article,
        locked,
        by=by,
        action=Action.REQUEST_CHANGES,
        to=Status.CHANGES_REQUESTED,
        comment=comment,
    )


@transaction.atomic
def article_publish(*, article, by, at=None, notify=True):
    """Publish now, or at ``at`` (a future time schedules the story).

    A scheduled story becomes visible through ``Article.objects.visible()``
    when its time comes; no job has to run. A scheduled story may be
    published again to change its time; a visible one cannot.
    """
    locked = _locked(article)
    _require(rights.is_editor(by))
    if locked.status == Status.PUBLISHED and not locked.is_scheduled:
        raise WorkflowError(_("Berita ini sudah terbit."))
    _check_publishable(locked, _("diterbitkan"))
    now = timezone.now()
    locked.published_at = at or now
    scheduled = locked.published_at > now
    return _transition(
        article,
        locked,
        by=by,
        action=Action.SCHEDULE if scheduled else Action.PUBLISH,
        to=Status.PUBLISHED,
        comment=(
            _("Dijadwalkan terbit %(time)s")
            % {
                "time": date_format(
                    timezone.localtime(locked.published_at), "DATETIME_FORMAT"
                )
            }
            if scheduled
            else ""
        ),
        fields=["published_at"],
        notify=notify,
    )


@transaction.atomic
def article_unpublish(*, article, by, reason):
    """Take a published (or scheduled) story off the site, with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Tulis alasan menurunkan berita ini."))
    locked = _locked(article)
    _require(rights.is_editor(by))
    _require_state(locked, (Status.PUBLISHED,), _("diturunkan"))
    return _transition(
        article,
        locked,
        by=by,
        action=Action.UNPUBLISH,
        to=Status.UNPUBLISHED,
        comment=reason,
    )


def available_actions(user, article):
    """The transitions ``user`` may try on ``article`` now, in button order.

    Used to draw buttons; the services check again on every request.
    """
    if article is None or not article.pk:
        return ["submit"] if not rights.is_editor(user) else ["submit", "publish"]
    status = article.status
    editor = rights.is_editor(user)
    actions = []
    if status in (Status.DRAFT, Status.CHANGES_REQUESTED) and rights.can_edit(
        user, article
    ):
        actions.append("submit")
    if status == Status.IN_REVIEW and rights.can_view(user, article):
        actions.append("withdraw")
    if editor:
        if status == Status.IN_REVIEW:
            actions.append("request_changes")
        if status != Status.PUBLISHED or article.is_scheduled:
            actions += ["publish", "schedule"]
        if status == Status.PUBLISHED:
            actions.append("unpublish")
    return actions
