"""How stories are sorted: categories (rubrik) and free tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase

from ..reversing import slug_url
from .slugs import unique_slug


class Category(models.Model):
    """A section of the portal (rubrik) such as Pemerintahan or Kesehatan.

    Every published story belongs to exactly one; the public navigation lists
    categories in ``display_order``.
    """

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    description = models.TextField(_("deskripsi"), blank=True)
    display_order = models.PositiveSmallIntegerField(_("urutan tampil"), default=0)

    class Meta:
        verbose_name = _("rubrik")
        verbose_name_plural = _("rubrik")
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("portal:category", self.slug)


class TaggedArticle(TaggedItemBase):
    """Our own through model for django-taggit, so tag joins are plain foreign keys."""

    content_object = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="tagged_items",
        verbose_name=_("berita"),
    )

    class Meta:
        verbose_name = _("tag berita")
        verbose_name_plural = _("tag berita")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_article_unique"
            )
        ]
        # A tag's stories read from the index alone (tag listings, "Baca Juga").
        indexes = [
            models.Index(
                fields=["tag", "content_object"], name="tagged_article_tag_idx"
            )
        ]
