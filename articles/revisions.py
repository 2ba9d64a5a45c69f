"""Revisions: a story's content as a snapshot at every save, the version token
a form carries, restoring an old snapshot, and what changed between two
snapshots (word by word in the text; added and removed tags, people, agencies
and photos; each photo's caption, credit, alt text and the people in it), and
which two revisions show what changed since the editor last reviewed a story."""

import datetime
import difflib
import html
import re

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from media_library.models import Photo

from . import fingerprints, linkguard, rights
from .errors import WorkflowError
from .models import (
    Agency,
    Article,
    ArticleEvent,
    ArticlePhoto,
    ArticleRevision,
    Category,
    Official,
)

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
        .prefetch_related("photo__subjects__official")
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
                "credit": item.photo.credit,
                "people": [
                    f"{s.official.display_name} ({s.get_place_display()})"
                    for s in item.photo.subjects.all()
                ],
            }
            for item in photos
        ],
    }


def revision_record(*, article, by, note=""):
    """Store a snapshot of ``article``'s content as it is now, saved by ``by``."""
    return ArticleRevision.objects.create(
        article=article, author=by, content=snapshot(article), note=note
    )


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

    Photos removed from the library since are left out; a photo's alt text,
    credit and the people in it belong to the library and are not rolled back.
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
            change
            for pid, p in new_photos.items()
            if pid in old_photos
            and (change := photo_change(old_photos[pid], p))["changed"]
        ],
    }
    changed = (
        any(f["changed"] for f in fields)
        or any(s["added"] or s["removed"] for s in sets)
        or any(photos.values())
    )
    return {"fields": fields, "sets": sets, "photos": photos, "changed": changed}


def photo_change(old, new):
    """What changed on one photo of a story between two snapshots: its
    caption and credit word by word, the people in it, its role, alt text."""
    # Snapshots older than credits and people in them hold neither: absent is
    # "unknown", not "removed", so it never shows as a change.
    known = "people" in old
    old_people = old.get("people", []) if known else new.get("people", [])
    new_people = new.get("people", [])
    old_credit = old.get("credit", "") if known else new.get("credit", "")
    change = {
        "photo": new,
        "caption_changed": _photo_label(old) != _photo_label(new),
        "caption_diff": word_diff(_photo_label(old), _photo_label(new)),
        "credit_changed": old_credit != new.get("credit", ""),
        "credit_diff": word_diff(old_credit, new.get("credit", "")),
        "people_added": [n for n in new_people if n not in old_people],
        "people_removed": [n for n in old_people if n not in new_people],
        "role_changed": old.get("role") != new.get("role"),
        "alt_changed": old.get("alt_text") != new.get("alt_text"),
    }
    change["changed"] = bool(
        change["caption_changed"]
        or change["credit_changed"]
        or change["people_added"]
        or change["people_removed"]
        or change["role_changed"]
        or change["alt_changed"]
    )
    return change


# The editor's decisions on a story: each one was taken reading its content.
REVIEW_ACTIONS = [
    ArticleEvent.Action.REQUEST_CHANGES,
    ArticleEvent.Action.PUBLISH,
    ArticleEvent.Action.SCHEDULE,
]


def review_pair(article):
    """``(older, newer, since)``: the revisions showing what changed since the
    editor last looked, or None when the content is the same since.

    ``older`` is the content at the editor's last decision ("Minta revisi",
    publishing, scheduling), ``since`` then "review"; a story never decided on
    compares its previous submission instead (``since`` "submission"), once
    it has been withdrawn and sent again. ``newer`` is the newest content.
    """
    latest = article.revisions.order_by("-pk").first()
    if latest is None:
        return None
    reviewed = (
        article.events.filter(action__in=REVIEW_ACTIONS, revision__isnull=False)
        .select_related("revision")
        .first()
    )
    if reviewed is not None:
        older, since = reviewed.revision, "review"
    else:
        submitted = [
            e.revision
            for e in article.events.filter(
                action=ArticleEvent.Action.SUBMIT, revision__isnull=False
            ).select_related("revision")[:2]
        ]
        if not submitted:
            return None
        older, since = submitted[0], "submission"
        if len(submitted) == 2 and submitted[0].pk == latest.pk:
            older = submitted[1]
    if older.pk == latest.pk or older.content == latest.content:
        return None
    return older, latest, since


def revision_current(*, article, by):
    """The newest revision if it still holds ``article``'s content, else a new
    one: the content at a workflow event, photo credits and people included
    (they change on the library photo, without saving the story)."""
    latest = article.revisions.order_by("-pk").first()
    if latest is not None and latest.content == snapshot(article):
        return latest
    return revision_record(article=article, by=by)
