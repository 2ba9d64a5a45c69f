"""Revisions: a story's content as a snapshot at every save, the version token
a form carries, restoring an old snapshot, and what changed between two
snapshots (word by word in the text; added and removed tags, people, agencies
and photos)."""

import datetime
import difflib
import html
import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from media_library.models import Photo

from . import fingerprints, linkguard, rights
from .errors import WorkflowError
from .models import (
    Agency,
    Article,
    ArticlePhoto,
    ArticleRevision,
    Category,
    Official,
)
from .richtext import sanitize_html

TEXT_FIELDS = [
    ("title", _("Judul")),
    ("summary", _("Ringkasan")),
    ("dateline", _("Dateline")),
    ("body", _("Isi berita")),
    ("event_date", _("Tanggal kegiatan")),
    ("event_place", _("Tempat kegiatan")),
    ("credit_line", _("Kredit penulis")),
]
SET_FIELDS = [
    ("tags", _("Tag")),
    ("officials", _("Pejabat disebut")),
    ("agencies", _("Instansi terkait")),
    ("related", _("Baca juga")),
]
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption|tr)>|<br\s*/?>", re.I)
_TOKENS = re.compile(r"\s+|\S+")


def snapshot(article):
    """The story's content as plain JSON-able data (one query per relation)."""
    photos = (
        ArticlePhoto.objects.filter(article=article)
        .select_related("photo")
        .order_by("order", "pk")
    )
    return {
        "title": article.title,
        "summary": article.summary,
        "dateline": article.dateline,
        "body": article.body,
        "event_date": article.event_date.isoformat() if article.event_date else "",
        "event_place": article.event_place,
        "credit_line": article.credit_line,
        "category": (
            {"id": article.category_id, "name": article.category.name}
            if article.category_id
            else None
        ),
        "tags": sorted(article.tags.names(), key=str.lower),
        "officials": [
            {"id": o.pk, "name": o.display_name} for o in article.officials.all()
        ],
        "agencies": [{"id": a.pk, "name": str(a)} for a in article.agencies.all()],
        "related": [{"id": r.pk, "name": r.title} for r in article.related.all()],
        "photos": [
            {
                "photo_id": item.photo_id,
                "title": item.photo.title,
                "role": item.role,
                "order": item.order,
                "caption": item.caption,
                "effective_caption": item.effective_caption,
                "alt_text": item.photo.alt_text,
            }
            for item in photos
        ],
    }


def revision_record(*, article, by, note=""):
    """Store a snapshot of ``article``'s content as it is now, saved by ``by``."""
    return ArticleRevision.objects.create(
        article=article, author=by, content=snapshot(article), note=note
    )


# What an autosave keeps: the story's own text as typed, before any check.
AUTOSAVE_FIELDS = [
    "title",
    "summary",
    "dateline",
    "body",
    "event_date",
    "event_place",
    "credit_line",
]


def autosave_record(*, article, by, data):
    """Keep the text ``by`` is typing into ``article`` (``data``: the form's
    values by field name) as their one autosave; the story itself, its state
    and its version token do not change.

    Values are cut to the field's length and the body sanitized as on a save;
    NUL characters (which PostgreSQL cannot store) are dropped.
    """
    content = {}
    for name in AUTOSAVE_FIELDS:
        value = str(data.get(name, "")).replace("\x00", "")
        # A date is kept as typed (it is checked only when the story is saved).
        limit = Article._meta.get_field(name).max_length or (
            20 if name == "event_date" else None
        )
        content[name] = value[:limit]
    content["body"] = sanitize_html(content["body"])
    revision, _created = ArticleRevision.autosaves.update_or_create(
        article=article,
        author=by,
        defaults={
            "content": content,
            "kind": ArticleRevision.Kind.AUTOSAVE,
            "created_at": timezone.now(),
        },
    )
    return revision


def autosave_for(*, article, user):
    """``user``'s unsaved text for ``article`` (an autosave revision), or None."""
    if not article or not article.pk:
        return None
    return ArticleRevision.autosaves.filter(article=article, author=user).first()


def autosave_discard(*, article, user):
    """Forget ``user``'s autosave of ``article`` (saved, or refused on restore)."""
    ArticleRevision.autosaves.filter(article=article, author=user).delete()


def latest_revision_id(article):
    """The version token of a story's content: its newest revision's id (or 0).

    Every save through the admin records a revision, so a form that carries
    an older id was opened before someone else's save.
    """
    if not article or not article.pk:
        return 0
    return (
        ArticleRevision.objects.filter(article_id=article.pk)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )


@transaction.atomic
def revision_restore(*, revision, by):
    """Make ``revision``'s content the story's content again, as a new revision.

    Photos removed from the library since are left out; a photo's alt text
    belongs to the library and is not rolled back.
    """
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    if not rights.can_edit(by, article):
        raise WorkflowError(_("Anda tidak berhak mengubah berita ini."))
    content = revision.content
    for field in ("title", "summary", "dateline", "body", "event_place"):
        setattr(article, field, content.get(field, ""))
    article.credit_line = content.get("credit_line", "")
    event_date = content.get("event_date")
    article.event_date = datetime.date.fromisoformat(event_date) if event_date else None
    category = content.get("category")
    article.category = (
        Category.objects.filter(pk=category["id"]).first() if category else None
    )
    article.save()
    article.tags.set(content.get("tags", []))
    for relation, model in (
        ("officials", Official),
        ("agencies", Agency),
        ("related", Article),
    ):
        ids = [item["id"] for item in content.get(relation, [])]
        getattr(article, relation).set(model.objects.filter(pk__in=ids))
    existing = set(
        Photo.objects.filter(
            pk__in=[p["photo_id"] for p in content.get("photos", [])]
        ).values_list("pk", flat=True)
    )
    ArticlePhoto.objects.filter(article=article).delete()
    ArticlePhoto.objects.bulk_create(
        ArticlePhoto(
            article=article,
            photo_id=p["photo_id"],
            role=p["role"],
            order=p["order"],
            caption=p["caption"],
        )
        for p in content.get("photos", [])
        if p["photo_id"] in existing
    )
    linkguard.article_check(article=article, by=by)
    fingerprints.fingerprint_saved(article=article, by=by, reason="restore")
    return revision_record(
        article=article,
        by=by,
        note=_("Dipulihkan dari revisi #%(id)s") % {"id": revision.pk},
    )


def body_text(value):
    """Rich text as plain text, one paragraph per line, for comparing words."""
    text = _BLOCK_END.sub("\n", value or "")
    text = html.unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def word_diff(old, new):
    """``[(op, text), ...]`` with op in "equal", "delete", "insert".

    Words and the whitespace between them are the units, so a changed word
    shows as one word struck out and one added, not as a changed line.
    """
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(("insert", "".join(b[j1:j2])))
    return parts


def _names(items):
    return [item["name"] if isinstance(item, dict) else item for item in items]


def _photo_label(item):
    return item.get("effective_caption") or item.get("title") or ""


def compare(old, new):
    """What changed from snapshot ``old`` to snapshot ``new``.

    Returns ``{"fields": [...], "sets": [...], "photos": {...}, "changed": bool}``
    where each text field has its word diff, each set its added and removed
    names, and photos are matched by library photo.
    """
    fields = []
    for key, label in TEXT_FIELDS:
        before, after = old.get(key) or "", new.get(key) or ""
        if key == "body":
            before, after = body_text(before), body_text(after)
        fields.append(
            {
                "key": key,
                "label": label,
                "changed": before != after,
                "diff": word_diff(before, after),
            }
        )
    old_category = (old.get("category") or {}).get("name", "")
    new_category = (new.get("category") or {}).get("name", "")
    fields.insert(
        4,
        {
            "key": "category",
            "label": _("Rubrik"),
            "changed": old_category != new_category,
            "diff": word_diff(old_category, new_category),
        },
    )
    sets = []
    for key, label in SET_FIELDS:
        before, after = _names(old.get(key, [])), _names(new.get(key, []))
        sets.append(
            {
                "key": key,
                "label": label,
                "added": [n for n in after if n not in before],
                "removed": [n for n in before if n not in after],
                "kept": [n for n in after if n in before],
            }
        )
    old_photos = {p["photo_id"]: p for p in old.get("photos", [])}
    new_photos = {p["photo_id"]: p for p in new.get("photos", [])}
    photos = {
        "added": [p for pid, p in new_photos.items() if pid not in old_photos],
        "removed": [p for pid, p in old_photos.items() if pid not in new_photos],
        "changed": [
            {
                "photo": p,
                "caption_diff": word_diff(
                    _photo_label(old_photos[pid]), _photo_label(p)
                ),
                "role_changed": old_photos[pid].get("role") != p.get("role"),
                "alt_changed": old_photos[pid].get("alt_text") != p.get("alt_text"),
            }
            for pid, p in new_photos.items()
            if pid in old_photos
            and (
                _photo_label(old_photos[pid]) != _photo_label(p)
                or old_photos[pid].get("role") != p.get("role")
                or old_photos[pid].get("alt_text") != p.get("alt_text")
            )
        ],
    }
    changed = (
        any(f["changed"] for f in fields)
        or any(s["added"] or s["removed"] for s in sets)
        or any(photos.values())
    )
    return {"fields": fields, "sets": sets, "photos": photos, "changed": changed}
