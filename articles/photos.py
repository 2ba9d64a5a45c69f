"""Saving a story's photo row: where its photo comes from, who may change it.

A caption describes a photo, so it lives on the library photo; a row's own
``caption`` is an override for that one story, and a story without one shows
the library's (``ArticlePhoto.effective_caption``), later edits included. A
new upload from a story row therefore lands in the library with the caption
and alt text typed beside it. An upload whose bytes are already in the
library *is* that photo, exactly as if it had been picked from the library.

A library photo changes only through ``media_library.services.photo_update``
and only when ``rights.can_change_photo`` allows, on every route. A row shows
only a photo its writer may see (``rights.photos_for``): another agency's
unpublished photo is not theirs to pick, nor to reach by uploading its bytes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from media_library.processing import photo_clean
from media_library.services import photo_create, photo_existing, photo_update

from . import rights

REFUSED = _(
    "Anda tidak bisa mengubah teks alternatif foto ini: foto ini diunggah "
    "instansi lain atau dipakai berita yang tidak bisa Anda ubah. Minta "
    "redaktur mengubahnya, atau kosongkan kolom ini untuk memakai teks "
    "alternatif dari pustaka."
)


NOT_VISIBLE = _(
    "Foto ini tidak bisa Anda pakai: foto ini milik instansi lain dan belum "
    "tayang di berita mana pun. Pilih foto lain dari pustaka, atau minta "
    "redaktur memasangnya."
)
DUPLICATE_NOT_VISIBLE = _(
    "Foto yang sama sudah ada di pustaka, diunggah instansi lain dan belum "
    "tayang di berita mana pun, jadi tidak bisa Anda pakai. Unggah foto lain, "
    "atau minta redaktur memasangnya."
)


def article_photo_check(*, by, photo=None, cleaned=None, alt_text="", duplicate=False):
    """Raise ValidationError if the row would show a photo ``by`` may not see,
    or change a library photo ``by`` may not change.

    ``photo`` is the photo picked from the library (or, with ``duplicate``,
    the one an upload turned out to be), ``cleaned`` the checked upload
    (``media_library.processing.photo_clean``), which wins over it. Forms
    call this while validating, so a refusal is shown before anything is
    written; ``article_photo_save`` checks again.
    """
    if cleaned is not None:
        photo, duplicate = photo_existing(checksum=cleaned.checksum), True
    field, refusal = (
        ("upload", DUPLICATE_NOT_VISIBLE) if duplicate else ("photo", NOT_VISIBLE)
    )
    if photo is None:
        return  # a new upload: the writer's own photo
    if not rights.can_see_photo(by, photo):
        raise ValidationError({field: refusal}, code="photo_not_visible")
    if _library_changes(photo, alt_text) and not rights.can_change_photo(by, photo):
        raise ValidationError({"alt_text": REFUSED}, code="photo_not_yours")


def article_photo_save(*, row, by, upload=None, cleaned=None, alt_text=""):
    """Save ``row`` (an ArticlePhoto with its story, role, order and caption).

    With ``upload``, the row shows that file: stored in the library as a new
    photo by ``by``, with the row's caption and ``alt_text``; or, when the
    library already holds the same file, that photo. Otherwise the row shows
    ``row.photo``. A non-empty ``alt_text`` that differs from the photo's is
    written to the library photo; an empty one leaves it as it is. A row
    caption equal to the photo's is dropped, so the library's is the one kept.

    Raises ValidationError (message in Indonesian) when that would change a
    library photo ``by`` may not change; nothing is written then.
    """
    if upload is not None and cleaned is None:
        cleaned = photo_clean(upload)
    picked = row.photo if upload is None else None
    article_photo_check(by=by, photo=picked, cleaned=cleaned, alt_text=alt_text)
    with transaction.atomic():
        if upload is not None:
            row.photo = photo_create(
                file=upload,
                cleaned=cleaned,
                uploaded_by=by,
                caption=row.caption,
                alt_text=alt_text,
            )
            if row.photo.is_duplicate:
                # Another request may have stored it since the check above.
                article_photo_check(
                    by=by, photo=row.photo, alt_text=alt_text, duplicate=True
                )
        photo_update(photo=row.photo, **_library_changes(row.photo, alt_text))
        if row.caption == row.photo.caption:
            row.caption = ""
        row.save()
    return row


def _library_changes(photo, alt_text):
    """The library fields a row's inputs would change on ``photo``."""
    return {"alt_text": alt_text} if alt_text and alt_text != photo.alt_text else {}
