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
from .models import PhotoSubject

REFUSED = _(
    "Anda tidak bisa mengubah teks alternatif foto ini: foto ini diunggah "
    "instansi lain atau dipakai berita yang tidak bisa Anda ubah. Minta "
    "redaktur mengubahnya, atau kosongkan kolom ini untuk memakai teks "
    "alternatif dari pustaka."
)
CREDIT_REFUSED = _(
    "Anda tidak bisa mengubah kredit foto ini: foto ini diunggah instansi lain "
    "atau dipakai berita yang tidak bisa Anda ubah. Minta redaktur "
    "mengubahnya, atau kosongkan kolom ini untuk memakai kredit dari pustaka."
)
PEOPLE_REFUSED = _(
    "Anda tidak bisa mengatur orang di foto ini: foto ini diunggah instansi "
    "lain atau dipakai berita yang tidak bisa Anda ubah."
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


def article_photo_check(
    *, by, photo=None, cleaned=None, alt_text="", credit="", duplicate=False
):
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
    changes = _library_changes(photo, alt_text, credit)
    if changes and not rights.can_change_photo(by, photo):
        raise ValidationError(
            {
                field: REFUSED if field == "alt_text" else CREDIT_REFUSED
                for field in changes
            },
            code="photo_not_yours",
        )


def article_photo_save(*, row, by, upload=None, cleaned=None, alt_text="", credit=""):
    """Save ``row`` (an ArticlePhoto with its story, role, order and caption).

    With ``upload``, the row shows that file: stored in the library as a new
    photo by ``by``, with the row's caption and ``alt_text``; or, when the
    library already holds the same file, that photo. Otherwise the row shows
    ``row.photo``. A non-empty ``alt_text`` or ``credit`` that differs from
    the photo's is written to the library photo; an empty one leaves it as it
    is. A row caption given to a library photo that has none (a photo just
    uploaded from the story form) becomes the library's caption when ``by``
    may change the photo. A row caption equal to the photo's is dropped, so
    the library's is the one kept.

    Raises ValidationError (message in Indonesian) when that would change a
    library photo ``by`` may not change; nothing is written then.
    """
    if upload is not None and cleaned is None:
        cleaned = photo_clean(upload)
    picked = row.photo if upload is None else None
    article_photo_check(
        by=by, photo=picked, cleaned=cleaned, alt_text=alt_text, credit=credit
    )
    with transaction.atomic():
        if upload is not None:
            row.photo = photo_create(
                file=upload,
                cleaned=cleaned,
                uploaded_by=by,
                caption=row.caption,
                alt_text=alt_text,
                credit=credit,
            )
            if row.photo.is_duplicate:
                # Another request may have stored it since the check above.
                article_photo_check(
                    by=by,
                    photo=row.photo,
                    alt_text=alt_text,
                    credit=credit,
                    duplicate=True,
                )
        changes = _library_changes(row.photo, alt_text, credit)
        if (
            row.caption
            and not row.photo.caption
            and rights.can_change_photo(by, row.photo)
        ):
            changes["caption"] = row.caption
        photo_update(photo=row.photo, **changes)
        if row.caption == row.photo.caption:
            row.caption = ""
        row.save()
    return row


def _library_changes(photo, alt_text, credit=""):
    """The library fields a row's inputs would change on ``photo``."""
    given = {"alt_text": alt_text, "credit": credit}
    return {
        name: value
        for name, value in given.items()
        if value and value != getattr(photo, name)
    }


@transaction.atomic
def photo_subject_add(*, photo, official, place, by):
    """Place ``official`` in ``photo`` (kiri, tengah, kanan or lainnya), after
    the people already in it. Raises ValidationError (Indonesian) when ``by``
    may not change the photo or the official is already in it."""
    if not rights.can_change_photo(by, photo):
        raise ValidationError(PEOPLE_REFUSED, code="photo_not_yours")
    subjects = PhotoSubject.objects.select_for_update().filter(photo=photo)
    if subjects.filter(official=official).exists():
        raise ValidationError(
            _("Pejabat ini sudah ada di foto tersebut."), code="twice"
        )
    last = subjects.order_by("-order").values_list("order", flat=True).first()
    return PhotoSubject.objects.create(
        photo=photo,
        official=official,
        place=place,
        order=0 if last is None else last + 1,
    )


def photo_subject_remove(*, subject, by):
    """Take a person out of a photo, if ``by`` may change that photo."""
    if not rights.can_change_photo(by, subject.photo):
        raise ValidationError(PEOPLE_REFUSED, code="photo_not_yours")
    subject.delete()
