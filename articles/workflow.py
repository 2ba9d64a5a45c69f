"""The editorial workflow: every change of a story's state is one function here.

draft -> in_review -> published; in_review -> changes_requested -> in_review;
in_review -> draft (withdrawn); published -> unpublished (a takedown, see
``takedowns``) -> published again (undone by an editor). Each service runs
in one transaction with the story's row locked, checks the acting user's
right and the story's state against its entry in ``TRANSITIONS``, records an
``ArticleEvent`` and the story's fingerprint (``fingerprints``) and, after
commit, sends the entry's e-mail; publishing also asks the link guard
(``linkguard.publish_check``). Nothing else sets ``Article.status``.

``TRANSITIONS`` is the one place a transition's button label, message, rule
(who, from which states), inputs and mail are written: the admin draws its
buttons and dispatches from it, the form checks the inputs it names. Adding a
transition is one entry there and one service function here.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import fingerprints, linkguard, notifications, rights, takedowns
from .errors import WorkflowError
from .models import Article, ArticleEvent, ArticlePhoto
from .notifications import AUTHOR, EDITORS, Mail
from .preview import preview_links_end
from .revisions import revision_current
from .transitions import SCHEDULED, Transition, workflow_state

Status = Article.Status


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


def _require(name, by, locked):
    """Refuse unless ``by`` may run transition ``name`` on the locked row."""
    transition = TRANSITIONS[name]
    if not transition.may(by, locked):
        raise WorkflowError(_("Anda tidak berhak melakukan tindakan ini."))
    if workflow_state(locked) not in transition.from_states:
        raise WorkflowError(transition.refusal(locked))


def _transition(article, locked, *, by, name, to, comment="", fields=(), notify=True):
    """Save the new state, record the event ``name`` and send its mail."""
    from_status = locked.status
    locked.status = to
    # `updated_at` is left alone: it tells when the content last changed.
    locked.save(update_fields=["status", *fields])
    revision = revision_current(article=locked, by=by)
    event = ArticleEvent.objects.create(
        article=locked,
        action=name,
        actor=by,
        from_status=from_status,
        to_status=to,
        comment=comment,
        published_at=locked.published_at,
        revision=revision,
    )
    fingerprints.fingerprint_record(article=locked, by=by, reason=name)
    # Keep the caller's object in step with the row.
    article.status = locked.status
    article.published_at = locked.published_at
    mail = TRANSITIONS[name].mail
    if notify and mail:
        transaction.on_commit(
            lambda: notifications.event_notify(event_id=event.pk, mail=mail)
        )
    return event


@transaction.atomic
def article_submit(*, article, by, notify=True):
    """Send a draft (or a story sent back) to the editors for review.

    ``notify=False`` records the event without mail (imports, demo content).
    """
    locked = _locked(article)
    _require("submit", by, locked)
    _check_publishable(locked, _("diajukan"))
    return _transition(
        article,
        locked,
        by=by,
        name="submit",
        to=Status.IN_REVIEW,
        notify=notify,
    )


@transaction.atomic
def article_withdraw(*, article, by):
    """Take a story back from review to draft, to keep working on it."""
    locked = _locked(article)
    _require("withdraw", by, locked)
    return _transition(article, locked, by=by, name="withdraw", to=Status.DRAFT)


@transaction.atomic
def article_request_changes(*, article, by, comment):
    """Send a story back to its writer with the editor's reason."""
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError(_("Tulis catatan untuk penulis: apa yang perlu diubah."))
    locked = _locked(article)
    _require("request_changes", by, locked)
    return _transition(
        article,
        locked,
        by=by,
        name="request_changes",
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
    now = timezone.now()
    name = "schedule" if at and at > now else "publish"
    _require(name, by, locked)
    _check_publishable(locked, _("diterbitkan"))
    linkguard.publish_check(locked)
    locked.published_at = at or now
    scheduled = name == "schedule"
    return _transition(
        article,
        locked,
        by=by,
        name=name,
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
def article_unpublish(
    *, article, by, reason, cause=takedowns.Reason.OTHER, public=True
):
    """Take a published (or scheduled) story off the site for one of the
    guideline's reasons (``cause``), with the editor's ``reason`` text and
    whether the notice is public; every preview link to it stops working."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Tulis alasan menurunkan berita ini."))
    locked = _locked(article)
    _require("unpublish", by, locked)
    takedown = takedowns.takedown_record(
        article=locked, by=by, cause=cause, reason=reason, public=public
    )
    # A story taken down is not shown to anyone outside the newsroom either.
    preview_links_end(article=locked, by=by)
    return _transition(
        article,
        locked,
        by=by,
        name="unpublish",
        to=Status.UNPUBLISHED,
        comment=f"{takedown.get_reason_display()}: {reason}",
    )


@transaction.atomic
def article_restore(*, article, by):
    """Undo a mistaken takedown: the story is published again at its
    original time, and the takedown is kept, marked undone."""
    locked = _locked(article)
    _require("restore", by, locked)
    takedown = takedowns.takedown_undo(article=locked, by=by)
    return _transition(
        article,
        locked,
        by=by,
        name="restore",
        to=Status.PUBLISHED,
        comment=_("Penurunan dibatalkan (alasan semula: %(reason)s)")
        % {"reason": takedown.get_reason_display()},
    )


def _editor(user, article):
    return rights.is_editor(user)


NOT_PUBLISHED = (
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.UNPUBLISHED,
    SCHEDULED,
)

TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            name="submit",
            service=article_submit,
            label=gettext_lazy("Ajukan ke redaksi"),
            done=gettext_lazy(
                "Berita diajukan ke redaksi. Redaktur mendapat pemberitahuan."
            ),
            may=rights.can_edit,
            from_states=(Status.DRAFT, Status.CHANGES_REQUESTED),
            verb=gettext_lazy("diajukan ke redaksi"),
            mail=Mail(gettext_lazy("Berita menunggu review: %(title)s"), EDITORS),
        ),
        Transition(
            name="withdraw",
            service=article_withdraw,
            label=gettext_lazy("Tarik kembali"),
            done=gettext_lazy("Berita ditarik kembali menjadi draf."),
            may=rights.can_view,
            from_states=(Status.IN_REVIEW,),
            verb=gettext_lazy("ditarik kembali"),
        ),
        Transition(
            name="request_changes",
            service=article_request_changes,
            label=gettext_lazy("Minta revisi"),
            done=gettext_lazy("Berita dikembalikan ke penulis dengan catatan Anda."),
            may=_editor,
            from_states=(Status.IN_REVIEW,),
            verb=gettext_lazy("diminta revisi"),
            comment_arg="comment",
            mail=Mail(gettext_lazy("Berita Anda perlu revisi: %(title)s"), AUTHOR),
        ),
        Transition(
            name="publish",
            service=article_publish,
            label=gettext_lazy("Terbitkan"),
            done=gettext_lazy("Berita diterbitkan."),
            may=_editor,
            from_states=NOT_PUBLISHED,
            refused=gettext_lazy("Berita ini sudah terbit."),
            mail=Mail(gettext_lazy("Berita Anda terbit: %(title)s"), AUTHOR),
        ),
        Transition(
            name="schedule",
            service=article_publish,
            label=gettext_lazy("Jadwalkan"),
            done=gettext_lazy("Berita dijadwalkan terbit %(time)s."),
            may=_editor,
            from_states=NOT_PUBLISHED,
            refused=gettext_lazy("Berita ini sudah terbit."),
            time_arg="at",
            mail=Mail(
                gettext_lazy("Berita Anda dijadwalkan terbit: %(title)s"), AUTHOR
            ),
        ),
        Transition(
            name="unpublish",
            service=article_unpublish,
            label=gettext_lazy("Turunkan"),
            done=gettext_lazy("Berita diturunkan dari situs."),
            may=_editor,
            from_states=(Status.PUBLISHED, SCHEDULED),
            verb=gettext_lazy("diturunkan"),
            comment_arg="reason",
            inputs=takedowns.TAKEDOWN_INPUTS,
            mail=Mail(gettext_lazy("Berita Anda diturunkan: %(title)s"), AUTHOR),
        ),
        Transition(
            name="restore",
            service=article_restore,
            label=gettext_lazy("Batalkan penurunan"),
            done=gettext_lazy("Penurunan dibatalkan; berita terbit lagi."),
            may=lambda user, article: (
                rights.is_editor(user) and takedowns.is_taken_down(article)
            ),
            from_states=(Status.UNPUBLISHED,),
            verb=gettext_lazy("dipulihkan"),
            mail=Mail(gettext_lazy("Berita Anda terbit lagi: %(title)s"), AUTHOR),
        ),
    ]
}


def available_transitions(user, article):
    """The transitions ``user`` may try on ``article`` now, in button order.

    A story not saved yet counts as a draft of the user's own agency. Used to
    draw buttons; the services check again on every request.
    """
    if article is None or not article.pk:
        article = Article(
            status=Status.DRAFT, contributing_agency_id=rights.user_agency_id(user)
        )
    return [t for t in TRANSITIONS.values() if t.allows(user, article)]
