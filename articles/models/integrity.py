"""Keeping what readers see honest: what the link guard found in a story and
the editor who confirmed it (``articles.linkguard``), the fingerprint of a
story as readers see it at each publish and edit, and the results of
``manage.py verify_content`` (``articles.fingerprints``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .story import Article


class LinkGuardCheck(models.Model):
    """What the link guard found in a story when it was saved.

    A row is written when the findings differ from the story's previous row
    (an empty list: the story is clean again). Publishing waits until an
    editor confirms the findings (``confirmed_by``); the rows are the story's
    link-guard history.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="link_checks",
    )
    findings = models.JSONField(_("temuan"), default=list, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disimpan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikonfirmasi oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("waktu konfirmasi"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemeriksaan tautan")
        verbose_name_plural = _("pemeriksaan tautan")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article_id}: {len(self.findings)}"


class ArticleFingerprint(models.Model):
    """A keyed SHA-256 of a story as readers see it, recorded by Warta.

    Written at every workflow transition and every save of a published story
    (only when it differs from the last one); ``verify_content`` compares each
    published story with its newest fingerprint.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="fingerprints",
    )
    digest = models.CharField(_("sidik"), max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # "edit", "restore", a transition's name, or what changed it from
    # elsewhere ("photo", "category", "tag"); "baseline" for a first record.
    reason = models.CharField(_("sebab"), max_length=60, blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("sidik isi berita")
        verbose_name_plural = _("sidik isi berita")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.article_id}: {self.digest[:12]}"


class ContentVerification(models.Model):
    """One run of ``manage.py verify_content``: when, how many stories it
    checked, and the published stories whose content no longer matches what
    Warta recorded (shown on the admin's front page)."""

    ran_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    checked = models.PositiveIntegerField(_("berita diperiksa"), default=0)
    mismatches = models.JSONField(_("tidak cocok"), default=list, blank=True)

    class Meta:
        verbose_name = _("pemeriksaan keutuhan isi")
        verbose_name_plural = _("pemeriksaan keutuhan isi")
        ordering = ["-ran_at", "-pk"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M}: {len(self.mismatches)}"
