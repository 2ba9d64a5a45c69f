"""Agencies and officials as real data, and the positions that tie them by date."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..reversing import slug_url
from .slugs import unique_slug


class Agency(models.Model):
    """A government body that appears in stories (instansi): OPD, Polres, KPU ...

    Agencies nest (a Polsek under its Polres); a contributor writes for one.
    """

    class Kind(models.TextChoices):
        REGIONAL_UNIT = "regional_unit", _("Perangkat daerah / Pemda")
        POLICE = "police", _("Kepolisian")
        MILITARY = "military", _("TNI")
        ELECTION = "election", _("Penyelenggara pemilu")
        COURT = "court", _("Pengadilan")
        PROSECUTOR = "prosecutor", _("Kejaksaan")
        VERTICAL = "vertical", _("Instansi vertikal")
        OTHER = "other", _("Lainnya")

    name = models.CharField(
        _("nama lengkap"),
        max_length=250,
        unique=True,
        help_text=_(
            "Contoh: Badan Kesatuan Bangsa dan Politik Kabupaten Kotawaringin Barat"
        ),
    )
    short_name = models.CharField(
        _("nama singkat"),
        max_length=100,
        help_text=_("Seperti ditulis dalam berita, contoh: Kesbangpol Kobar"),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    kind = models.CharField(
        _("jenis"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL_UNIT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    website = models.URLField(_("situs web"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="agencies/", blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.short_name or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("portal:agency", self.slug)


class Official(models.Model):
    """A person who appears in stories (pejabat); what they hold is in Position."""

    name = models.CharField(_("nama lengkap"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    rank = models.CharField(
        _("pangkat / gelar"),
        max_length=60,
        blank=True,
        help_text=_("Ditulis sebelum nama, contoh: AKBP, Letkol Inf, Dr."),
    )
    portrait = models.ForeignKey(
        "media_library.Photo",
        verbose_name=_("foto potret"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bio = models.TextField(_("biografi singkat"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("portal:official", self.slug)

    @property
    def display_name(self):
        """Rank and name as written in a story: "AKBP Yusfandi Usman"."""
        return f"{self.rank} {self.name}".strip()

    def position_on(self, day):
        """The position this official held on ``day``, or None.

        Where two overlap (a Kepala Dinas who is also Plt. Sekda), the one that
        began last wins: it is the one a story of that day would name.
        """
        return self.positions.held_on(day).select_related("agency").first()


class PositionQuerySet(models.QuerySet):
    def held_on(self, day):
        """Positions whose dates include ``day`` (an open end date means still held)."""
        return self.filter(
            Q(start_date__lte=day) | Q(start_date__isnull=True),
            Q(end_date__gte=day) | Q(end_date__isnull=True),
        ).order_by("-start_date", "-pk")

    def current(self):
        from django.utils import timezone

        return self.held_on(timezone.localdate())


class Position(models.Model):
    """An official's post at an agency between two dates (jabatan).

    Handovers, acting (Plt.) and interim (Pj.) posts are just positions with
    dates; a story names each official with the position held on its date.
    """

    official = models.ForeignKey(
        Official,
        verbose_name=_("pejabat"),
        on_delete=models.CASCADE,
        related_name="positions",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField(
        _("jabatan"),
        max_length=150,
        help_text=_("Contoh: Penjabat Bupati Kotawaringin Barat, Kapolres"),
    )
    short_title = models.CharField(
        _("jabatan singkat"),
        max_length=100,
        blank=True,
        help_text=_("Seperti ditulis dalam berita, contoh: Pj. Bupati Kobar"),
    )
    start_date = models.DateField(_("mulai"), null=True, blank=True)
    end_date = models.DateField(
        _("selesai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan selama jabatan masih dipegang."),
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(
                fields=["official", "start_date", "end_date"],
                name="position_official_dates_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="position_end_after_start",
                violation_error_message=_(
                    "Tanggal selesai tidak boleh sebelum tanggal mulai."
                ),
            )
        ]

    def __str__(self):
        return f"{self.label} — {self.official.name}"

    @property
    def label(self):
        return self.short_title or self.title
