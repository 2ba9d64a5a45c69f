"""Takedowns: a published story withdrawn for one of the reasons the Dewan
Pers' Pedoman Pemberitaan Media Siber names, with its public notice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .story import Article


class ArticleTakedown(models.Model):
    """One withdrawal of a story ("Turunkan"), and its undoing if it was a mistake.

    Written only by ``articles.workflow``; while ``undone_at`` is empty the
    story's address answers 410 Gone with the notice (its reason when
    ``public_notice``, a plain notice otherwise).
    """

    class Reason(models.TextChoices):
        SARA = "sara", _("Menyangkut SARA")
        DECENCY = "kesusilaan", _("Melanggar kesusilaan")
        CHILD = "anak", _("Menyangkut masa depan anak")
        TRAUMA = "trauma", _("Menyangkut pengalaman traumatik korban")
        PRESS_COUNCIL = "dewan_pers", _("Keputusan Dewan Pers")
        OTHER = "lainnya", _("Alasan lain")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="takedowns",
    )
    reason = models.CharField(_("alasan"), max_length=20, choices=Reason.choices)
    reason_text = models.TextField(_("keterangan alasan"))
    public_notice = models.BooleanField(_("pemberitahuan publik"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diturunkan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu diturunkan"))
    undone_at = models.DateTimeField(_("waktu dibatalkan"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibatalkan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("penurunan berita")
        verbose_name_plural = _("penurunan berita")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article} — {self.get_reason_display()}"
