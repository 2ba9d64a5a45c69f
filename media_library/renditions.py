"""Resized copies of a photo for ``srcset``, made by the background worker.

Every photo gets the widths in ``WIDTHS`` that are not wider than the photo
itself (never upscaled), in WebP and JPEG. A photo narrower than the
smallest width gets one rendition at its own width, so every photo has at
least one rendition per format. ``media_library.tasks`` calls
``renditions_make`` after an upload commits; until it has, pages use the
sizes that exist or the original (``Photo.image``).
"""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image

from .models import Photo, Rendition
from .processing import DECODERS, to_srgb

# 320 for phone thumbnails and lists, 640/960 for phones and tablets in the
# story column, 1200 for the story's lead photo and og:image, 1600 for large
# screens at high density. Five widths × two formats = at most ten files.
WIDTHS = (320, 640, 960, 1200, 1600)
FORMATS = (Rendition.Format.WEBP, Rendition.Format.JPEG)

JPEG_QUALITY = 82
WEBP_QUALITY = 80


def rendition_widths(width):
    """The rendition widths for a photo ``width`` pixels wide."""
    widths = [w for w in WIDTHS if w <= width]
    return widths or [width]


def renditions_missing(photo, sizes=None):
    """The (width, format) pairs ``photo`` should have and does not, among
    ``sizes`` when given."""
    existing = {(r.width, r.format) for r in photo.renditions.all()}
    return [
        (width, fmt)
        for width in rendition_widths(photo.width)
        for fmt in FORMATS
        if (width, fmt) not in existing and (sizes is None or (width, fmt) in sizes)
    ]


def renditions_make(*, photo, sizes=None):
    """Make the photo's missing renditions and return all of them.

    ``sizes``, a collection of (width, format), limits the call to those
    (the editor makes the one it places in a story's text at once).

    Idempotent: renditions that exist are kept, so calling it again writes
    no file and creates no row; two workers on one photo keep one set. The
    files are written first and the rows inserted in one short transaction
    (a long one would hold SQLite's write lock while encoding). If anything
    fails, the files written by this call are deleted and no row is saved.
    """
    _forget_prefetched(photo)
    wanted = renditions_missing(photo, sizes)
    if not wanted:
        return list(photo.renditions.all())
    made = []
    try:
        source = _decode(photo, widest=max(width for width, _ in wanted))
        for width, fmt in wanted:
            made.append(_make(photo, source, width, fmt))
        del source
        with transaction.atomic():
            # Lock the photo so a second worker waits, then sees our rows.
            Photo.objects.select_for_update().filter(pk=photo.pk).first()
            existing = {(r.width, r.format) for r in photo.renditions.all()}
            for rendition in made:
                if (rendition.width, rendition.format) in existing:
                    rendition.file.storage.delete(rendition.file.name)
                else:
                    rendition.save()
    except BaseException:
        # No row of this call was kept (the transaction rolled back).
        for rendition in made:
            rendition.file.storage.delete(rendition.file.name)
        raise
    _forget_prefetched(photo)
    return list(photo.renditions.all())


def _decode(photo, *, widest):
    """The original's pixels, in sRGB, at least ``widest`` pixels wide.

    A JPEG original is decoded at the smallest scale (1/2, 1/4 or 1/8, by
    Pillow's ``draft``) that is still at least that wide, so a 24-megapixel
    photo is never held at full size: memory stays bounded.
    """
    with photo.file.open("rb") as original:
        source = Image.open(original, formats=DECODERS)
        if source.format == "JPEG" and source.width > widest:
            height = max(1, round(source.height * widest / source.width))
            source.draft(source.mode, (widest, height))
        source.load()
    # Originals stored before profiles were converted may carry one.
    return to_srgb(source)


def _make(photo, source, width, fmt):
    """Encode one rendition and store its file; the row is saved by the caller."""
    height = max(1, round(photo.height * width / photo.width))
    if (width, height) == source.size:
        image = source.copy()  # _encode changes what it is given
    else:
        image = source.resize(
            (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
    rendition = Rendition(photo=photo, width=width, height=height, format=fmt)
    rendition.file.save(f"{width}.{fmt}", ContentFile(_encode(image, fmt)), save=False)
    return rendition


def _forget_prefetched(photo):
    # Drop prefetched renditions so the next read sees the rows as stored.
    getattr(photo, "_prefetched_objects_cache", {}).pop("renditions", None)


def _encode(image, fmt):
    """Encode ``image`` (sRGB) as JPEG (always RGB) or WebP, with no metadata."""
    if fmt == Rendition.Format.JPEG:
        image = _flatten(image)
        params = {"quality": JPEG_QUALITY, "optimize": True, "progressive": True}
        pil_format = "JPEG"
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        params = {"quality": WEBP_QUALITY, "method": 4}
        pil_format = "WEBP"
    # An empty info dict: savers fall back to image.info for some metadata.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **params)
    return buffer.getvalue()


def _flatten(image):
    """RGB for JPEG: transparent areas become white, not black."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or image.has_transparency_data:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
