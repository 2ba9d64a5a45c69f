"""Readers' requests for a right of reply or a correction (hak jawab / koreksi)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .story import Article


class PrivateStorage(FileSystemStorage):
    """Files no one may fetch by address: under ``WARTA_PRIVATE_MEDIA_ROOT``,
    outside ``MEDIA_ROOT``, with no URL. An editor downloads them through the
    admin. The root is read on every use, so a test's override holds."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.WARTA_PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address.")

    def deconstruct(self):
        return ("articles.models.replies.PrivateStorage", (), {})


private_storage = PrivateStorage()


class ReplyRequest(models.Model):
    """A reader's request, sent from a story's form, waiting in the editors'
    queue until an editor handles it. The reader keeps ``reference``; the
    client's address is kept only as a keyed hash, for the rate limit."""

    class Status(models.TextChoices):
        NEW = "baru", _("baru")
        IN_PROGRESS = "diproses", _("diproses")
        DONE = "selesai", _("selesai")
        REFUSED = "ditolak", _("ditolak")

    class AttachmentKind(models.TextChoices):
        NONE = "", _("tidak ada")
        PDF = "pdf", "PDF"
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"
        WEBP = "webp", "WebP"

    # NULL only inside the transaction that creates the row: the number is
    # made from the row's id (``articles.replies.reply_request_create``).
    reference = models.CharField(  # noqa: DJ001
        _("nomor rujukan"), max_length=20, unique=True, null=True, editable=False
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="reply_requests",
    )
    name = models.CharField(_("nama"), max_length=120)
    contact = models.CharField(_("kontak (e-mail atau telepon)"), max_length=160)
    text = models.TextField(_("isi permintaan"), max_length=5000)
    attachment = models.FileField(
        _("lampiran"), storage=private_storage, upload_to="hak-jawab/", blank=True
    )
    attachment_kind = models.CharField(
        _("jenis lampiran"),
        max_length=4,
        choices=AttachmentKind.choices,
        blank=True,
        default="",
    )
    client_hash = models.CharField(_("sidik pengirim"), max_length=32, editable=False)
    created_at = models.DateTimeField(_("diterima"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditangani oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("ditangani pada"), null=True, blank=True)
    editor_note = models.TextField(_("catatan redaktur"), blank=True)

    class Meta:
        verbose_name = _("permintaan hak jawab / koreksi")
        verbose_name_plural = _("permintaan hak jawab / koreksi")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.reference or str(_("permintaan baru"))

    @property
    def is_open(self):
        return self.status in (self.Status.NEW, self.Status.IN_PROGRESS)
