"""Resized copies of a photo for ``srcset``: made once, at upload time.

Every photo gets the widths in ``WIDTHS`` that are not wider than the photo
itself (never upscaled), in WebP and JPEG. A photo narrower than the
smallest width gets one rendition at its own width, so every photo has at
least one rendition per format.
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


def renditions_make(*, photo):
    """Make the photo's missing renditions and return all of them.

    Idempotent: renditions that exist are kept, so calling it again writes
    no file and creates no row. If making one fails, the files written by
    this call are deleted and nothing is saved.
    """
    written = []
    try:
        with transaction.atomic():
            # Lock the photo so two workers cannot make the same renditions.
            Photo.objects.select_for_update().filter(pk=photo.pk).first()
            existing = {(r.width, r.format) for r in photo.renditions.all()}
            wanted = [
                (width, fmt)
                for width in rendition_widths(photo.width)
                for fmt in FORMATS
                if (width, fmt) not in existing
            ]
            if wanted:
                with photo.file.open("rb") as original:
                    source = Image.open(original, formats=DECODERS)
                    source.load()
                # Originals stored before profiles were converted may carry one.
                source = to_srgb(source)
                for width, fmt in wanted:
                    rendition = _make(photo, source, width, fmt)
                    written.append(rendition.file.name)
    except Exception:
        for name in written:
            photo.file.storage.delete(name)
        raise
    # Drop any prefetched renditions so the caller sees the new ones.
    getattr(photo, "_prefetched_objects_cache", {}).pop("renditions", None)
    return list(photo.renditions.all())


def _make(photo, source, width, fmt):
    height = max(1, round(source.height * width / source.width))
    image = (
        source
        if width == source.width
        else source.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    )
    content = _encode(image, fmt)
    rendition = Rendition(photo=photo, width=width, height=height, format=fmt)
    rendition.file.save(f"{width}.{fmt}", ContentFile(content), save=False)
    try:
        rendition.save()
    except Exception:
        rendition.file.storage.delete(rendition.file.name)
        raise
    return rendition


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
    # A fresh info dict: savers fall back to image.info for some metadata.
    image = image.copy()
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
