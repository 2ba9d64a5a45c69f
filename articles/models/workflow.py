"""Editorial workflow records: who writes for which agency, what happened to a
story (events), what it looked like at each save (revisions), and who has it
open (edit sessions)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import Agency
from .story import Article


class AgencyMembership(models.Model):
    """The agency a contributor (humas) writes for; one per user.

    A contributor sees and edits only their agency's stories. Editors need
    no membership.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="agency_membership",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("keanggotaan instansi")
        verbose_name_plural = _("keanggotaan instansi")

    def __str__(self):
        return f"{self.user} — {self.agency}"


class ArticleEvent(models.Model):
    """One workflow transition of a story: who, when, from, to, and why.

    Written only by the services in ``articles.workflow``; the history page
    shows these to editors and to the story's contributors alike.
    """

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Diajukan ke redaksi")
        WITHDRAW = "withdraw", _("Ditarik kembali")
        REQUEST_CHANGES = "request_changes", _("Diminta revisi")
        PUBLISH = "publish", _("Diterbitkan")
        SCHEDULE = "schedule", _("Dijadwalkan")
        UNPUBLISH = "unpublish", _("Diturunkan")
        RESTORE = "restore", _("Penurunan dibatalkan")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField(_("tindakan"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_status = models.CharField(
        _("dari status"), max_length=20, choices=Article.Status.choices
    )
    to_status = models.CharField(
        _("ke status"), max_length=20, choices=Article.Status.choices
    )
    comment = models.TextField(_("catatan"), blank=True)
    published_at = models.DateTimeField(_("waktu terbit"), null=True, blank=True)
    revision = models.ForeignKey(
        "ArticleRevision",
        verbose_name=_("revisi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Isi berita saat tindakan ini diambil."),
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat alur kerja")
        verbose_name_plural = _("riwayat alur kerja")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["article", "action", "-created_at"],
                name="article_event_action_idx",
            )
        ]

    def __str__(self):
        return f"{self.article_id}: {self.get_action_display()}"


class SavedRevisionManager(models.Manager):
    """Revisions of saves only: autosaves never count as a version of a story
    (its version token, history, comparisons and restores)."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=ArticleRevision.Kind.SAVE)


class AutosaveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=ArticleRevision.Kind.AUTOSAVE)


class ArticleRevision(models.Model):
    """A snapshot of a story's content at one save (see ``revision_record``).

    ``content`` holds title, summary, body, category, tags, officials,
    agencies and photos with their captions, so two revisions can be compared
    and an old one restored even after the story moved on.

    An *autosave* is the text a writer had typed but not saved yet, one per
    writer and story, kept apart by the default manager (``objects`` sees
    saves only; ``autosaves`` sees these) — see ``autosave.autosave_record``.
    """

    class Kind(models.TextChoices):
        SAVE = "save", _("disimpan")
        AUTOSAVE = "autosave", _("simpan otomatis")

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disimpan oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    content = models.JSONField(_("isi"), default=dict)
    note = models.CharField(_("keterangan"), max_length=200, blank=True)
    kind = models.CharField(
        _("jenis"), max_length=10, choices=Kind.choices, default=Kind.SAVE
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    objects = SavedRevisionManager()
    autosaves = AutosaveManager()

    class Meta:
        verbose_name = _("revisi berita")
        verbose_name_plural = _("revisi berita")
        ordering = ["-created_at", "-pk"]
        # Related lookups (story.revisions) and the admin see saves only;
        # deleting a story still removes its autosaves (the base manager).
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"],
                condition=models.Q(kind="autosave"),
                name="article_revision_one_autosave",
            )
        ]

    def __str__(self):
        return f"{self.article_id} #{self.pk}"


class ArticleEditSession(models.Model):
    """Who last opened or saved a story in the admin, and when.

    Kept in the database rather than the cache so every app server sees it;
    the change form warns when someone else was here in the last minutes.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="edit_sessions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    seen_at = models.DateTimeField(_("terakhir dibuka"))

    class Meta:
        verbose_name = _("sesi penyuntingan")
        verbose_name_plural = _("sesi penyuntingan")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="article_edit_session_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} @ {self.article_id}"


class ArticleInReview(Article):
    """The editors' review queue (Antrean redaksi): stories waiting for review."""

    class Meta:
        proxy = True
        verbose_name = _("antrean redaksi")
        verbose_name_plural = _("antrean redaksi")
