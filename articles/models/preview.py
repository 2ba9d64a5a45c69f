"""Signed preview links, recorded: which story, who made it, until when, and
whether it still works."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .story import Article


class PreviewLink(models.Model):
    """A signed address an editor made to show one story before it is public.

    The signed token names the story and this row's ``key``; the link works
    only while this row is neither past ``expires_at`` nor revoked, so an
    editor can revoke it and taking the story down ends every link to it
    (``articles.preview``).
    """

    class Ended(models.TextChoices):
        REVOKED = "revoked", _("dicabut redaktur")
        TAKEN_DOWN = "taken_down", _("berita diturunkan")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    key = models.CharField(_("kunci"), max_length=32, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ended_because = models.CharField(
        _("berakhir karena"), max_length=10, choices=Ended.choices, blank=True
    )

    class Meta:
        verbose_name = _("tautan pratinjau")
        verbose_name_plural = _("tautan pratinjau")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article} — {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
