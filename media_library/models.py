"""Photos as assets: the cleaned original and its resized renditions.

A Photo is stored only after ``media_library.processing`` has checked and
cleaned the upload (real JPEG/PNG/WebP content, size and pixel caps, EXIF
orientation applied, all EXIF removed). Stories use photos through
``articles.ArticlePhoto``; nothing here knows about stories or people.
"""

import mimetypes
import secrets
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def original_path(instance, filename):
    """A random name in a dated folder; the uploader's file name is never used."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    if ext not in {"jpg", "png", "webp"}:
        ext = "jpg"
    today = timezone.localdate()
    return f"photos/{today:%Y/%m/%d}/{secrets.token_hex(16)}.{ext}"


def rendition_path(instance, filename):
    ext = "webp" if instance.format == Rendition.Format.WEBP else "jpg"
    today = timezone.localdate()
    return (
        f"renditions/{today:%Y/%m/%d}/{secrets.token_hex(12)}-{instance.width}w.{ext}"
    )


class Picture(NamedTuple):
    """A file a page can show at a size: a rendition, or the original while
    the worker has not made the renditions yet (``Photo.image``)."""

    file: models.fields.files.FieldFile
    width: int
    height: int
    content_type: str

    @property
    def url(self):
        return self.file.url


class Photo(models.Model):
    """An uploaded photograph with its caption, credit and where it was taken."""

    file = models.ImageField(
        _("berkas"),
        upload_to=original_path,
        width_field="width",
        height_field="height",
        max_length=200,
    )
    width = models.PositiveIntegerField(_("lebar"), editable=False, default=0)
    height = models.PositiveIntegerField(_("tinggi"), editable=False, default=0)
    checksum = models.CharField(
        _("checksum SHA-256"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("Sidik berkas asli, untuk mengenali foto yang diunggah dua kali."),
    )
    title = models.CharField(
        _("judul"),
        max_length=200,
        blank=True,
        help_text=_("Nama singkat untuk mencari foto di pustaka."),
    )
    caption = models.TextField(
        _("keterangan foto"),
        blank=True,
        help_text=_(
            "Sebutkan siapa di kiri, tengah dan kanan, kegiatan, tempat dan tanggal."
        ),
    )
    alt_text = models.CharField(
        _("teks alternatif"),
        max_length=300,
        blank=True,
        help_text=_("Gambaran singkat isi foto bagi pembaca tunanetra."),
    )
    credit = models.CharField(
        _("kredit"),
        max_length=200,
        blank=True,
        help_text=_("Contoh: Foto: Humas Polres Kobar"),
    )
    taken_on = models.DateField(_("tanggal pengambilan"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="uploaded_photos",
    )
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("foto")
        verbose_name_plural = _("foto")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at"], name="photo_created_idx")]

    # Set by services.photo_create: True when the upload matched a photo
    # already in the library and that photo was returned instead.
    is_duplicate = False

    def __str__(self):
        return self.title or self.caption[:80] or f"Foto #{self.pk}"

    def rendition(self, width, fmt="jpeg"):
        """The rendition of ``fmt`` at or just above ``width``, else the largest.

        Uses ``prefetch_related("renditions")`` when the caller did it, so a
        list of photos costs no query per photo. None if there is none.
        """
        renditions = self._renditions(fmt)
        for rendition in renditions:
            if rendition.width >= width:
                return rendition
        return renditions[-1] if renditions else None

    def image(self, width, fmt="jpeg"):
        """A Picture for ``width``: the rendition ``rendition()`` picks, else
        the original (renditions not made yet, or failed); None without a file.

        What pages use, so a photo whose renditions are missing shows the
        next size that exists and never a broken image.
        """
        rendition = self.rendition(width, fmt)
        if rendition is not None:
            return Picture(
                rendition.file, rendition.width, rendition.height, f"image/{fmt}"
            )
        if not self.file:
            return None
        content_type = mimetypes.guess_type(self.file.name)[0] or "image/jpeg"
        return Picture(self.file, self.width, self.height, content_type)

    def srcset(self, fmt="webp"):
        """``"url 320w, url 640w, ..."`` for an ``<img>`` or ``<source>``."""
        return ", ".join(f"{r.file.url} {r.width}w" for r in self._renditions(fmt))

    @property
    def thumbnail_url(self):
        """The smallest JPEG rendition's URL, or the original's if none yet."""
        renditions = self._renditions(Rendition.Format.JPEG)
        if renditions:
            return renditions[0].file.url
        return self.file.url if self.file else ""

    def renditions_key(self):
        """What the photo's markup is made of besides its own columns: each
        rendition's file, size and format (see ``portal``'s ``picture``)."""
        rows = getattr(self, "rendition_rows", None)
        if rows is not None:
            return tuple(rows)
        return tuple(
            (r.file.name, r.width, r.height, r.format) for r in self.renditions.all()
        )

    def _renditions(self, fmt):
        rows = getattr(self, "rendition_rows", None)
        if rows is not None:  # renditions_attach read them as values
            return sorted((r for r in rows if r.format == fmt), key=lambda r: r.width)
        return sorted(
            (r for r in self.renditions.all() if r.format == fmt),
            key=lambda r: r.width,
        )


class Rendition(models.Model):
    """A resized copy of a Photo at one width and format, made once and reused."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    photo = models.ForeignKey(
        Photo,
        verbose_name=_("foto"),
        on_delete=models.CASCADE,
        related_name="renditions",
    )
    width = models.PositiveIntegerField(_("lebar"))
    height = models.PositiveIntegerField(_("tinggi"))
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(_("berkas"), upload_to=rendition_path, max_length=200)

    class Meta:
        verbose_name = _("rendisi")
        verbose_name_plural = _("rendisi")
        ordering = ["photo", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "width", "format"], name="rendition_unique_size"
            )
        ]

    def __str__(self):
        return f"{self.photo_id} {self.width}w {self.format}"

    @property
    def url(self):
        return self.file.url


class RenditionRow(NamedTuple):
    """A rendition read as values (``renditions_attach``): what a page needs of
    it, its file as the model's would be, without making a model."""

    name: str
    width: int
    height: int
    format: str

    @property
    def file(self):
        field = Rendition._meta.get_field("file")
        return field.attr_class(None, field, self.name)

    @property
    def url(self):
        return self.file.url


def renditions_attach(photos):
    """Read the renditions of ``photos`` as values, in one query, into each
    photo's ``rendition_rows``, which ``Photo.image``, ``srcset`` and
    ``renditions_key`` then use instead of ``photo.renditions``.

    For lists of stories: a home page's 37 photos have some 370 renditions,
    and making a model of each cost more than the rest of the page's data.
    """
    by_id = {}
    for photo in photos:
        if photo is not None:
            photo.rendition_rows = []
            by_id.setdefault(photo.pk, []).append(photo)
    if not by_id:
        return
    rows = (
        Rendition.objects.filter(photo_id__in=list(by_id))
        .order_by("photo_id", "format", "width")
        .values_list("photo_id", "file", "width", "height", "format")
    )
    for photo_id, *values in rows:
        row = RenditionRow(*values)
        for photo in by_id[photo_id]:
            photo.rendition_rows.append(row)
