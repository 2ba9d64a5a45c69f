"""Readers' right-of-reply requests: checking an attachment, recording a
request with its reference number, and telling the editors.

An image attachment passes ``media_library.processing.photo_clean`` like any
photo and is stored re-encoded; a PDF is recognised by its first bytes and
its size and is never parsed. Either is stored under a random name in the
private storage (``articles.models.replies.PrivateStorage``).
"""

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from media_library.processing import photo_clean

from .models import ReplyRequest
from .notifications import editor_recipients

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"


def attachment_clean(upload):
    """Check an uploaded attachment; return ``(kind, bytes)`` to store.

    Raises ValidationError with an Indonesian message: too large, a PDF that
    is not one, or anything ``photo_clean`` refuses (GIF, TIFF, damaged...).
    """
    limit = settings.WARTA_REPLY_ATTACHMENT_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is None or size > limit:
        raise ValidationError(
            _("Lampiran terlalu besar. Ukuran maksimal %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        data = upload.read(limit + 1)
        upload.seek(0)
        if len(data) > limit:
            raise ValidationError(
                _("Lampiran terlalu besar. Ukuran maksimal %(limit)s.")
                % {"limit": filesizeformat(limit)},
                code="too_large",
            )
        return ReplyRequest.AttachmentKind.PDF, data
    try:
        photo = photo_clean(upload)
    except ValidationError as error:
        if error.code == "not_a_photo":
            raise ValidationError(
                _("Lampiran harus berupa PDF atau foto JPEG, PNG, atau WebP."),
                code="not_allowed",
            ) from None
        raise
    return ReplyRequest.AttachmentKind(photo.extension), photo.content


def reply_request_create(*, article, name, contact, text, client_hash, attachment):
    """Record a request and give it its reference number (``HJ-2026-000123``).

    ``attachment`` is ``None`` or the ``(kind, bytes)`` of ``attachment_clean``.
    The editors' mail goes out after the transaction commits.
    """
    with transaction.atomic():
        request = ReplyRequest(
            article=article,
            name=name,
            contact=contact,
            text=text,
            client_hash=client_hash,
        )
        if attachment is not None:
            kind, data = attachment
            request.attachment_kind = kind
            request.attachment.save(
                f"{secrets.token_hex(16)}.{kind}", ContentFile(data), save=False
            )
        request.save()
        year = timezone.localtime(request.created_at).year
        request.reference = f"HJ-{year}-{request.pk:06d}"
        request.save(update_fields=["reference"])
        transaction.on_commit(lambda: reply_request_notify(request_id=request.pk))
    return request


def reply_request_notify(*, request_id):
    """Mail every editor about a new request; a failing mail server is logged,
    never shown to the reader who sent it."""
    request = (
        ReplyRequest.objects.select_related("article").filter(pk=request_id).first()
    )
    recipients = list(editor_recipients()) if request else []
    if not recipients:
        return 0
    site_url = getattr(settings, "WARTA_SITE_URL", "")
    context = {
        "request": request,
        "article": request.article,
        "site_name": getattr(settings, "WARTA_SITE_NAME", "Warta"),
        "admin_url": site_url
        + reverse("admin:articles_replyrequest_change", args=[request.pk]),
    }
    subject = _("Permintaan hak jawab/koreksi %(reference)s: %(title)s") % {
        "reference": request.reference,
        "title": request.article.title,
    }
    body = render_to_string("replies/email/new_request.txt", context, using="text")
    messages = [
        EmailMessage(" ".join(subject.split()), body, to=[user.email])
        for user in recipients
    ]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # the request is stored; the queue shows it anyway
        logger.exception("Mail for reply request %s could not be sent", request_id)
        return 0


def reply_request_handle(*, reply, status, note, by, at=None):
    """An editor moves a request on: who did it and, once it is closed, when.

    The reader's own words (name, contact, text, attachment) are never
    changed here or anywhere else.
    """
    closed = (ReplyRequest.Status.DONE, ReplyRequest.Status.REFUSED)
    with transaction.atomic():
        if status != reply.status:
            reply.handled_by = by
            reply.handled_at = (at or timezone.now()) if status in closed else None
        reply.status = status
        reply.editor_note = note
        reply.save(update_fields=["status", "editor_note", "handled_by", "handled_at"])
    return reply
