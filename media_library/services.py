"""Writes to the photo library. Every new photo goes through ``photo_create``."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from .models import Photo
from .processing import photo_clean
from .renditions import renditions_make


def photo_create(*, file, uploaded_by=None, cleaned=None, **fields):
    """Check, clean and store an uploaded photo with its renditions.

    Returns the new Photo with ``is_duplicate = False``; or, when the same
    file (same SHA-256 of the uploaded bytes) is already in the library, that
    existing Photo, unchanged, with ``is_duplicate = True``. ``fields`` are
    Photo fields (title, caption, alt_text, credit, taken_on, place).
    ``cleaned`` is the result of ``processing.photo_clean(file)`` when the
    caller (a form) has already run it, so the image is not decoded twice.

    Raises ValidationError (message in Indonesian) for a rejected upload.
    A rejected or failed upload leaves no row and no file behind.
    """
    if cleaned is None:
        cleaned = photo_clean(file)
    existing = _existing(cleaned.checksum)
    if existing is not None:
        return existing

    photo = Photo(checksum=cleaned.checksum, uploaded_by=uploaded_by, **fields)
    renditions = []
    try:
        with transaction.atomic():
            # The name given here only supplies the extension; upload_to
            # makes the random dated path.
            photo.file.save(
                f"photo.{cleaned.extension}", ContentFile(cleaned.content), save=False
            )
            # Set after the file: assigning it makes ImageField re-measure.
            photo.width, photo.height = cleaned.width, cleaned.height
            photo.save()
            renditions = renditions_make(photo=photo)
    except Exception as exc:
        # Rows were rolled back; remove the files this call wrote.
        _delete_files(photo, [r.file.name for r in renditions])
        if isinstance(exc, IntegrityError):
            # Another request stored the same file between our check and
            # our insert: answer as for any duplicate.
            existing = _existing(cleaned.checksum)
            if existing is not None:
                return existing
        raise
    # Files written here are not removed if an *outer* transaction rolls
    # back later (Django has no on-rollback hook); callers in a transaction
    # should call this last.
    photo.is_duplicate = False
    return photo


def _existing(checksum):
    photo = Photo.objects.filter(checksum=checksum).first()
    if photo is not None:
        photo.is_duplicate = True
    return photo


def _delete_files(photo, names):
    storage = photo.file.storage
    for name in [photo.file.name if photo.file else None, *names]:
        if name:
            storage.delete(name)
