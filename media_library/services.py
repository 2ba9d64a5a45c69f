"""Writes to the photo library: a new photo through ``photo_create``, a change
to a stored one through ``photo_update``. Who may write is the caller's
question; nothing here knows about stories or rights."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from .models import Photo
from .processing import photo_clean
from .tasks import renditions_enqueue


def photo_create(*, file, uploaded_by=None, cleaned=None, **fields):
    """Check, clean and store an uploaded photo; its renditions follow.

    Returns the new Photo with ``is_duplicate = False``; or, when the same
    file (same SHA-256 of the uploaded bytes) is already in the library, that
    existing Photo, unchanged, with ``is_duplicate = True``. ``fields`` are
    Photo fields (title, caption, alt_text, credit, taken_on, place).
    ``cleaned`` is the result of ``processing.photo_clean(file)`` when the
    caller (a form) has already run it, so the image is not decoded twice.

    The renditions are made by the background worker once the transaction
    commits (``tasks.renditions_enqueue``); until then pages use the
    original (``Photo.image``). Raises ValidationError (message in
    Indonesian) for a rejected upload. A rejected or failed upload leaves no
    row and no file behind.
    """
    if cleaned is None:
        cleaned = photo_clean(file)
    existing = _existing(cleaned.checksum)
    if existing is not None:
        if not existing.renditions.exists():
            # Its first task failed or never ran: ask again (idempotent).
            renditions_enqueue(photo=existing)
        return existing

    photo = Photo(checksum=cleaned.checksum, uploaded_by=uploaded_by, **fields)
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
            renditions_enqueue(photo=photo)
    except Exception as exc:
        # The row was rolled back; remove the file this call wrote.
        _delete_file(photo)
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


# The text a person writes about a photo; the file, its size and checksum
# are the upload's and never change.
EDITABLE_FIELDS = frozenset(
    {"title", "caption", "alt_text", "credit", "taken_on", "place"}
)


def photo_update(*, photo, **fields):
    """Write ``fields`` (Photo text fields) to ``photo``, with ``updated_at``.

    Only the fields given are written, so a concurrent change to another
    field is kept; with no field given nothing is written. Raises TypeError
    for a field that is not one of ``EDITABLE_FIELDS`` and ValidationError
    (message in Indonesian) for a value the field does not accept.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"photo_update cannot write {', '.join(sorted(unknown))}")
    if not fields:
        return photo
    values, errors = {}, {}
    for name, value in fields.items():
        try:
            values[name] = Photo._meta.get_field(name).clean(value, photo)
        except ValidationError as error:
            errors[name] = error.error_list
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(photo, name, value)
    with transaction.atomic():
        photo.save(update_fields=[*fields, "updated_at"])
    return photo


def photo_existing(*, checksum):
    """The library photo whose uploaded file had this SHA-256, or None."""
    return Photo.objects.filter(checksum=checksum).first()


def _existing(checksum):
    photo = photo_existing(checksum=checksum)
    if photo is not None:
        photo.is_duplicate = True
    return photo


def _delete_file(photo):
    if photo.file:
        photo.file.storage.delete(photo.file.name)
