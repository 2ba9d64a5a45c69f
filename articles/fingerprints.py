"""Tamper evidence: a fingerprint of each story as readers see it.

``fingerprint`` reads a story from the database (title, summary, dateline,
sanitized body, credit, place and date, address, status and time, rubric,
tags, photos with their effective captions and alt text) and hashes it with
HMAC-SHA-256 keyed by ``SECRET_KEY``, so someone who can only write to the
database cannot forge a matching fingerprint. Warta records one at every
workflow transition and every save of a published story
(``fingerprint_record``); ``content_verify`` (``manage.py verify_content``)
lists the published stories whose content no longer matches — changed
outside Warta, e.g. by an ``UPDATE`` in the database — and stores the run
for the admin's front page.
"""

import json

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from media_library.models import Photo

from .models import (
    Article,
    ArticleFingerprint,
    ArticlePhoto,
    ArticleRevision,
    Category,
    ContentVerification,
    TaggedArticle,
)

SALT = "warta.fingerprints.reader-content"
# Named when a story no longer matches, compared with its last revision.
TEXT_PARTS = [
    ("title", gettext_lazy("judul")),
    ("summary", gettext_lazy("ringkasan")),
    ("dateline", gettext_lazy("dateline")),
    ("body", gettext_lazy("isi berita")),
    ("event_place", gettext_lazy("tempat kegiatan")),
    ("event_date", gettext_lazy("tanggal kegiatan")),
    ("credit_line", gettext_lazy("kredit penulis")),
]
STORY_FIELDS = [
    "title",
    "summary",
    "dateline",
    "body",
    "credit_line",
    "event_place",
    "event_date",
    "slug",
    "status",
    "published_at",
    "category__name",
    "category__slug",
]


def reader_content(article_id):
    """What readers see of a story, read from the database as plain data."""
    return reader_contents([article_id]).get(article_id)


def reader_contents(article_ids):
    """``reader_content`` of many stories at once (three queries), by id."""
    stories = Article.objects.filter(pk__in=article_ids).values("pk", *STORY_FIELDS)
    contents = {
        story.pop("pk"): {
            **{k: "" if value is None else str(value) for k, value in story.items()},
            "tags": [],
            "photos": [],
        }
        for story in stories
    }
    tagged = TaggedArticle.objects.filter(content_object_id__in=contents)
    for article_id, name in tagged.values_list("content_object_id", "tag__name"):
        contents[article_id]["tags"].append(name)
    for content in contents.values():
        content["tags"].sort()
    photos = ArticlePhoto.objects.filter(article_id__in=contents).order_by(
        "article_id", "order", "pk"
    )
    for row in photos.values(
        "article_id",
        "photo_id",
        "photo__file",
        "role",
        "order",
        "caption",
        "photo__caption",
        "photo__alt_text",
    ):
        contents[row["article_id"]]["photos"].append(
            {
                "photo": row["photo_id"],
                "file": row["photo__file"],
                "role": row["role"],
                "order": row["order"],
                "caption": row["caption"] or row["photo__caption"],
                "alt_text": row["photo__alt_text"],
            }
        )
    return contents


def _digest(content, secret=None):
    data = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return salted_hmac(SALT, data, secret=secret, algorithm="sha256").hexdigest()


def fingerprint(article_id):
    """The story's fingerprint as it is in the database now."""
    return _digest(reader_content(article_id))


def fingerprints_of(article_ids):
    """The fingerprints of many stories as they are now, by id (a batch of
    ``fingerprint``, for stories inserted in bulk)."""
    return {
        pk: _digest(content) for pk, content in reader_contents(article_ids).items()
    }


def _matches(content, digest):
    """Whether ``digest`` was made from ``content`` with the current secret
    key or one of ``SECRET_KEY_FALLBACKS`` (a rotated key)."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(_digest(content, secret) == digest for secret in secrets)


def fingerprint_record(*, article, by=None, reason=""):
    """Record the story's fingerprint, unless it equals the last one recorded."""
    digest = fingerprint(article.pk)
    last = (
        ArticleFingerprint.objects.filter(article_id=article.pk)
        .values_list("digest", flat=True)
        .first()
    )
    if digest == last:
        return None
    return ArticleFingerprint.objects.create(
        article_id=article.pk, digest=digest, recorded_by=by, reason=reason[:60]
    )


def fingerprint_saved(*, article, by=None, reason=""):
    """After a save in Warta: record the fingerprint of a published story."""
    if article.status == Article.Status.PUBLISHED:
        return fingerprint_record(article=article, by=by, reason=reason)
    return None


def content_verify(*, record_missing=False):
    """Compare every published story with its newest fingerprint and store the
    run (a ``ContentVerification``) with each story that differs.

    ``record_missing`` records a first fingerprint for published stories that
    have none (once, after upgrading to a Warta that records them); otherwise
    a missing fingerprint is reported like a changed story.
    """
    newest = ArticleFingerprint.objects.filter(article=OuterRef("pk")).order_by("-pk")
    stories = (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .annotate(
            _digest=Subquery(newest.values("digest")[:1]),
            _recorded_at=Subquery(newest.values("created_at")[:1]),
        )
        .order_by("pk")
    )
    checked, mismatches = 0, []
    for story in stories.iterator():
        checked += 1
        if story._digest is None and record_missing:
            fingerprint_record(article=story, reason="baseline")
            continue
        content = reader_content(story.pk)
        if story._digest and _matches(content, story._digest):
            continue
        mismatches.append(
            {
                "id": story.pk,
                "title": story.title,
                "url": story.get_absolute_url(),
                "recorded_at": story._recorded_at.isoformat()
                if story._recorded_at
                else "",
                "problem": _problem(story, content),
            }
        )
    return ContentVerification.objects.create(checked=checked, mismatches=mismatches)


def _problem(story, content):
    """What is wrong with a story that does not match, naming the parts that
    differ from its last revision (saved by Warta) where it can."""
    if not story._digest:
        return _("belum pernah direkam")
    revision = ArticleRevision.objects.filter(article_id=story.pk).first()
    changed = _changed_parts(revision.content, content) if revision else []
    if not changed:
        return _("isi berbeda dari rekaman terakhir")
    return _("isi berbeda dari rekaman terakhir (berubah: %(parts)s)") % {
        "parts": ", ".join(str(part) for part in changed)
    }


def _changed_parts(saved, content):
    """The parts of ``content`` that differ from a revision's snapshot."""
    parts = [(label, saved.get(name, ""), content[name]) for name, label in TEXT_PARTS]
    parts += [
        (
            _("rubrik"),
            (saved.get("category") or {}).get("name", ""),
            content["category__name"],
        ),
        (_("tag"), sorted(saved.get("tags", [])), sorted(content["tags"])),
        (
            _("foto"),
            [
                (p["photo_id"], p["effective_caption"], p["alt_text"])
                for p in saved.get("photos", [])
            ],
            [(p["photo"], p["caption"], p["alt_text"]) for p in content["photos"]],
        ),
    ]
    return [label for label, old, new in parts if old != new]


# --- changes made in Warta outside the story form ---------------------------


def _photo_saved(sender, instance, **kwargs):
    for row in ArticlePhoto.objects.filter(photo=instance).select_related("article"):
        fingerprint_saved(article=row.article, reason="photo")


def _category_saved(sender, instance, **kwargs):
    for article in instance.articles.filter(status=Article.Status.PUBLISHED):
        fingerprint_record(article=article, reason="category")


def _tag_saved(sender, instance, **kwargs):
    stories = Article.objects.filter(
        tagged_items__tag=instance, status=Article.Status.PUBLISHED
    )
    for article in stories:
        fingerprint_record(article=article, reason="tag")


def _tag_deleting(sender, instance, **kwargs):
    instance._warta_stories = list(
        Article.objects.filter(
            tagged_items__tag=instance, status=Article.Status.PUBLISHED
        )
    )


def _tag_deleted(sender, instance, **kwargs):
    for article in getattr(instance, "_warta_stories", []):
        fingerprint_record(article=article, reason="tag")


def signals_connect():
    """Record fingerprints again when Warta changes what a published story
    shows from elsewhere: a library photo, a rubric, a tag (from
    ``ArticlesConfig.ready``)."""
    post_save.connect(_photo_saved, sender=Photo, dispatch_uid="warta-fp-photo")
    post_save.connect(
        _category_saved, sender=Category, dispatch_uid="warta-fp-category"
    )
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid="warta-fp-tag")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid="warta-fp-tag-del")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid="warta-fp-tag-gone")
