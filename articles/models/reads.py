"""How often a story was read, per day, for the "Terpopuler" list."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleDailyReads(models.Model):
    """Reads of one story on one day (Asia/Jakarta).

    Written in batches by ``articles.popularity``, never once per page view;
    "Terpopuler" sums the last seven days of these rows.
    """

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="daily_reads",
    )
    day = models.DateField(_("tanggal"))
    count = models.PositiveIntegerField(_("jumlah dibaca"), default=0)

    class Meta:
        verbose_name = _("jumlah baca harian")
        verbose_name_plural = _("jumlah baca harian")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="article_daily_reads_unique"
            )
        ]
        indexes = [models.Index(fields=["day"], name="article_daily_reads_day_idx")]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"
