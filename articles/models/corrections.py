"""Corrections on a published story: Ralat, Koreksi, Pembaruan and Hak Jawab,
as the Dewan Pers' Pedoman Pemberitaan Media Siber asks (linked to the story
they correct, with what changed, why and when)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .story import Article
from .workflow import ArticleRevision


class ArticleCorrection(models.Model):
    """One correction entry shown to readers at the top of a published story.

    Entries are never changed: an editor who must amend one adds a new entry
    that ``supersedes`` it, so the old wording stays in the story's history.
    ``revision_before`` and ``revision_after`` are what readers saw before and
    after the correction (see ``articles.corrections.correction_add``).
    """

    class Kind(models.TextChoices):
        RALAT = "ralat", _("Ralat")
        KOREKSI = "koreksi", _("Koreksi")
        PEMBARUAN = "pembaruan", _("Pembaruan")
        HAK_JAWAB = "hak_jawab", _("Hak Jawab")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    summary = models.TextField(
        _("yang diubah"), help_text=_("Apa yang berubah dalam berita.")
    )
    reason = models.TextField(_("alasan"), blank=True)
    sender_name = models.CharField(_("pengirim hak jawab"), max_length=200, blank=True)
    reply_text = models.TextField(
        _("isi hak jawab"),
        blank=True,
        help_text=_("Teks dari pengirim, apa adanya (teks biasa)."),
    )
    revision_before = models.ForeignKey(
        ArticleRevision,
        verbose_name=_("revisi sebelum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revision_after = models.ForeignKey(
        ArticleRevision,
        verbose_name=_("revisi sesudah"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("menggantikan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("koreksi berita")
        verbose_name_plural = _("koreksi berita")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article_id}"

    @property
    def has_changes(self):
        """Whether readers can compare the story before and after."""
        return bool(
            self.revision_before_id
            and self.revision_after_id
            and self.revision_before_id != self.revision_after_id
        )
