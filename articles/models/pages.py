"""Fixed pages of the portal (halaman): the editorial board, the press
guideline, about and contact, and any others the media center adds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from ..reversing import slug_url
from ..richtext import sanitize_html
from .slugs import unique_slug


class PageQuerySet(models.QuerySet):
    def in_footer(self):
        """The pages linked from every public page's footer, in their order."""
        return self.filter(show_in_footer=True).order_by("footer_order", "title")


class Page(models.Model):
    """A page that is not news: written by editors with the story's rich text,
    sanitized on save like a story body, public at ``/halaman/<slug>/``."""

    title = models.CharField(_("judul"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Alamat halaman; dibuat dari judul bila dikosongkan."),
    )
    body = CKEditor5Field(_("isi halaman"), blank=True, config_name="default")
    show_in_footer = models.BooleanField(_("tampil di kaki halaman"), default=True)
    footer_order = models.PositiveSmallIntegerField(_("urutan di kaki"), default=0)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("halaman")
        verbose_name_plural = _("halaman")
        ordering = ["footer_order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("portal:page", self.slug)
