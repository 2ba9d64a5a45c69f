"""Stories (berita) and the photos and people shown in them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, router
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager

from ..reversing import slug_url
from ..richtext import sanitize_html
from ..search_index import index_value
from .people import Agency, Official
from .slugs import unique_slug
from .taxonomy import Category, TaggedArticle

SEARCHED_FIELDS = {"title", "summary", "body"}


class ArticleQuerySet(models.QuerySet):
    def visible(self, at=None):
        """Stories readers may see: published, and their time has come.

        Every public page, feed, sitemap and search starts from this; a
        scheduled story (``published_at`` in the future) appears by this query
        alone when its time comes, with no job that could miss its run.
        ``at`` (default: now) is the moment, for a query compiled once and
        run with each request's time (``portal.statements.compiled_once``).
        """
        return self.filter(
            status=Article.Status.PUBLISHED,
            published_at__lte=timezone.now() if at is None else at,
        )

    def scheduled(self):
        """Published stories whose time has not come yet."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )


class Article(models.Model):
    """A news story (berita) from the media center.

    Written by a contributor of one agency, reviewed and published by an
    editor. It names the agencies and officials involved (linked data, not
    just text), carries captioned photos through ArticlePhoto, and moves
    through the editorial states in ``Status``.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        IN_REVIEW = "in_review", _("Menunggu review")
        CHANGES_REQUESTED = "changes_requested", _("Perlu revisi")
        PUBLISHED = "published", _("Terbit")
        UNPUBLISHED = "unpublished", _("Diturunkan")

    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_(
            "Alamat berita; dibuat dari judul bila dikosongkan. Alamat "
            "lama tetap diarahkan ke yang baru."
        ),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=60,
        blank=True,
        default="MMC Kobar",
        help_text=_("Ditulis di depan paragraf pertama, contoh: MMC Kobar"),
    )
    summary = models.TextField(
        _("ringkasan"),
        max_length=300,
        blank=True,
        help_text=_(
            "Satu atau dua kalimat, teks biasa. Dipakai juga sebagai "
            "deskripsi di mesin pencari dan saat dibagikan."
        ),
    )
    body = CKEditor5Field(_("isi berita"), blank=True, config_name="default")
    category = models.ForeignKey(
        Category,
        verbose_name=_("rubrik"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = TaggableManager(
        verbose_name=_("tag"),
        through=TaggedArticle,
        blank=True,
        help_text=_("Pisahkan dengan koma, contoh: pilkada 2024, keamanan"),
    )
    agencies = models.ManyToManyField(
        Agency,
        verbose_name=_("instansi terkait"),
        blank=True,
        related_name="articles",
    )
    officials = models.ManyToManyField(
        Official,
        verbose_name=_("pejabat disebut"),
        blank=True,
        related_name="articles",
    )
    contributing_agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi penulis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributed_articles",
        help_text=_("Humas instansi yang menulis berita ini."),
    )
    credit_line = models.CharField(
        _("kredit penulis"),
        max_length=100,
        blank=True,
        help_text=_("Ditulis di akhir berita dalam kurung, contoh: humas kesbangpol"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    event_date = models.DateField(
        _("tanggal kegiatan"),
        null=True,
        blank=True,
        help_text=_("Jabatan pejabat ditampilkan sesuai tanggal ini."),
    )
    event_place = models.CharField(
        _("tempat kegiatan"),
        max_length=200,
        blank=True,
        help_text=_("Contoh: Aula Setya Haprabu Polres Kobar"),
    )
    related = models.ManyToManyField(
        "self",
        verbose_name=_("baca juga"),
        symmetrical=False,
        blank=True,
        related_name="+",
    )
    is_headline = models.BooleanField(_("berita utama"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    published_at = models.DateTimeField(
        _("waktu terbit"),
        null=True,
        blank=True,
        help_text=_("Waktu di masa depan berarti berita dijadwalkan."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    view_count = models.PositiveIntegerField(_("dibaca"), default=0, editable=False)
    # Derived on save from the analysed words (articles/search_index.py): a
    # GIN-indexed tsvector on PostgreSQL; on SQLite the lexemes its FTS5
    # table's triggers copy (migration 0013).
    search_vector = SearchVectorField(_("indeks pencarian"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="article_visible_idx"
            ),
            models.Index(
                fields=["category", "status", "-published_at"],
                name="article_category_idx",
            ),
            models.Index(
                fields=["contributing_agency", "status", "-published_at"],
                name="article_agency_idx",
            ),
            models.Index(
                fields=["is_headline", "status", "-published_at"],
                name="article_headline_idx",
            ),
            # Whether a story is visible and when, by id, from the index
            # alone: a listing orders a tag's or an agency's ids this way
            # without reading their rows (``portal.pagination``).
            models.Index(
                fields=["id", "status", "published_at"],
                name="article_visible_by_id_idx",
            ),
            # The ids of the stories an agency wrote, from the index alone
            # (an agency's page, ``portal.selectors.stories_of_agency``).
            models.Index(
                fields=["contributing_agency", "id"], name="article_agency_ids_idx"
            ),
            # The admin's list order (with the primary key it adds).
            # PostgreSQL also has trigram indexes for the admin's search
            # (migration 0012).
            models.Index(
                fields=["-published_at", "-created_at", "-id"],
                name="article_admin_order_idx",
            ),
            # The admin's list sorted by title, either way (the primary key
            # Django adds after it is sorted within equal titles).
            models.Index(fields=["title"], name="article_title_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        self.body = sanitize_html(self.body)
        self.summary = (self.summary or "").strip()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS & set(update_fields):
            vendor = connections[
                kwargs.get("using") or router.db_for_write(type(self))
            ].vendor
            self.search_vector = index_value(
                vendor, self.title, self.summary, self.body
            )
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_vector"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("portal:detail", self.slug)

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def reference_date(self):
        """The day whose positions the story's officials are named with."""
        if self.event_date:
            return self.event_date
        if self.published_at:
            return timezone.localdate(self.published_at)
        return timezone.localdate()

    def featured_photo(self):
        """The story's featured ArticlePhoto (from prefetched photos when present,
        or from ``featured_photos``, which lists of stories prefetch alone)."""
        items = getattr(self, "featured_photos", None)
        for item in self.photos.all() if items is None else items:
            if item.role == ArticlePhoto.Role.FEATURED:
                return item
        return None


class ArticlePhoto(models.Model):
    """A photo as used in one story: its place in order, role and caption here."""

    class Role(models.TextChoices):
        FEATURED = "featured", _("Foto utama")
        INLINE = "inline", _("Di dalam teks")
        GALLERY = "gallery", _("Galeri")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    photo = models.ForeignKey(
        "media_library.Photo",
        verbose_name=_("foto"),
        on_delete=models.PROTECT,
        related_name="article_uses",
    )
    role = models.CharField(
        _("peran"),
        max_length=10,
        choices=Role.choices,
        default=Role.GALLERY,
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    caption = models.TextField(
        _("keterangan di berita ini"),
        blank=True,
        help_text=_("Kosongkan untuk memakai keterangan foto dari pustaka."),
    )

    class Meta:
        verbose_name = _("foto berita")
        verbose_name_plural = _("foto berita")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(role="featured"),
                name="article_one_featured_photo",
                violation_error_message=_("Satu berita hanya punya satu foto utama."),
            )
        ]

    def __str__(self):
        return f"{self.article} — {self.get_role_display()} {self.order}"

    @property
    def effective_caption(self):
        return self.caption or self.photo.caption


class PhotoSubject(models.Model):
    """An official shown in a photo and where in the frame (kiri, tengah, kanan).

    Lives here rather than in media_library because it ties a photo to a
    person; a caption can be composed from a photo's subjects (see
    ``articles.captions``).
    """

    class Place(models.TextChoices):
        LEFT = "kiri", _("kiri")
        MIDDLE = "tengah", _("tengah")
        RIGHT = "kanan", _("kanan")
        OTHER = "lain", _("lainnya")

    photo = models.ForeignKey(
        "media_library.Photo",
        verbose_name=_("foto"),
        on_delete=models.CASCADE,
        related_name="subjects",
    )
    official = models.ForeignKey(
        Official,
        verbose_name=_("pejabat"),
        on_delete=models.CASCADE,
        related_name="photo_appearances",
    )
    place = models.CharField(
        _("posisi di foto"),
        max_length=10,
        choices=Place.choices,
        default=Place.MIDDLE,
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("orang di foto")
        verbose_name_plural = _("orang di foto")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "official"],
                name="photo_subject_unique",
                violation_error_message=_("Pejabat ini sudah ada di foto tersebut."),
            )
        ]

    def __str__(self):
        return f"{self.official} ({self.get_place_display()})"


class ArticleSlugRedirect(models.Model):
    """An old address of a story, kept so shared links keep working."""

    old_slug = models.SlugField(_("slug lama"), max_length=220, unique=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengalihan alamat")
        verbose_name_plural = _("pengalihan alamat")

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"
