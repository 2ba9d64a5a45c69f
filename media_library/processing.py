"""Checking and cleaning an uploaded photo before anything is stored.

``photo_clean()`` is the single gate every upload passes (admin form, editor
endpoint, services, seed data). It rejects with a ``ValidationError`` whose
message is fit to show the uploader, in Indonesian, and otherwise returns the
photo re-encoded without any metadata: EXIF (camera, GPS position, time),
XMP, comments and embedded colour profiles are dropped; the orientation
recorded in EXIF is applied to the pixels first, so the photo still stands the
right way up, and colours described by a profile are converted to sRGB first,
so the photo still looks the same.
"""

import hashlib
import io
import logging
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageFile, ImageOps

# Formats accepted, by what Pillow finds in the bytes (never the file name).
# MPO is the multi-picture JPEG some cameras write; its first picture is a
# plain JPEG and that is what we keep.
_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# The only decoders untrusted bytes ever reach (Image.open(..., formats=)).
# Pillow's JPEG plugin also answers for MPO.
DECODERS = ("JPEG", "PNG", "WEBP")
_GIF_MAGIC = (b"GIF87a", b"GIF89a")
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))

logger = logging.getLogger(__name__)

JPEG_QUALITY = 88
WEBP_QUALITY = 88


def _not_a_photo():
    return ValidationError(
        _("Berkas ini bukan foto JPEG, PNG, atau WebP."), code="not_a_photo"
    )


@dataclass(frozen=True)
class CleanedPhoto:
    """An upload that passed every check, re-encoded without metadata."""

    content: bytes
    format: str  # "JPEG", "PNG" or "WEBP"
    width: int
    height: int
    checksum: str  # SHA-256 of the bytes as uploaded

    @property
    def extension(self):
        return _EXTENSIONS[self.format]


def configure_pillow():
    """Make Pillow refuse what we refuse; called once from the app's ready().

    Pillow's own decompression-bomb guard then trips at our pixel cap (it
    raises above twice the limit, warns above it) and truncated files raise
    instead of being silently padded with grey.
    """
    Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = False


def photo_clean(upload):
    """Check ``upload`` (a Django File) and return it as a CleanedPhoto.

    Raises ValidationError with code ``too_large``, ``gif``, ``not_a_photo``,
    ``animated``, ``too_many_pixels`` or ``damaged``.
    """
    _check_size(upload)
    data = _read(upload)
    if data.startswith(_GIF_MAGIC):
        # GIF is refused rather than converted: an animated GIF would lose
        # all but its first frame, and GIF's 256 colours do not suit news
        # photographs. The uploader is told to send a JPEG/PNG/WebP instead.
        raise ValidationError(
            _(
                "Berkas GIF tidak diterima karena animasinya akan hilang dan "
                "warnanya terbatas. Unggah foto JPEG, PNG, atau WebP."
            ),
            code="gif",
        )

    image = _open(data)
    _check_pixels(image.width, image.height)
    if getattr(image, "is_animated", False) and image.format != "MPO":
        raise ValidationError(
            _("Gambar bergerak (animasi) tidak diterima. Unggah foto diam."),
            code="animated",
        )
    image = _decode(data)
    fmt = _FORMATS[image.format]
    # In place: a 24-megapixel photo is 72 MB of pixels; no copy of it.
    ImageOps.exif_transpose(image, in_place=True)
    image = to_srgb(image)
    content = _encode(image, fmt)
    return CleanedPhoto(
        content=content,
        format=fmt,
        width=image.width,
        height=image.height,
        checksum=hashlib.sha256(data).hexdigest(),
    )


def to_srgb(image):
    """``image`` with its colours in sRGB and no embedded profile.

    An embedded ICC profile is arbitrary bytes chosen by whoever made the file
    (text, coordinates, anything); it is never stored. The pixels it
    describes are converted to sRGB, which is what browsers assume when a
    photo has no profile. A profile that cannot be read is dropped and the
    pixels are kept as they are.
    """
    icc_profile = image.info.get("icc_profile")
    image.info.pop("icc_profile", None)
    if not icc_profile:
        return image
    mode = {"RGB": "RGB", "RGBA": "RGBA", "CMYK": "RGB"}.get(image.mode)
    if mode is None:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        logger.info("Unreadable ICC profile dropped; pixels kept as they are.")
        return image.convert(mode) if image.mode != mode else image
    converted.info.pop("icc_profile", None)
    return converted


def title_from_filename(name, max_length=200):
    """Turn a client's file name into a plain-text title; never a path.

    ``"../DSC_0042 Rapat-Forkopimda.JPG"`` becomes ``"DSC 0042 Rapat Forkopimda"``.
    """
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name.lstrip(".")
    stem = unicodedata.normalize("NFKC", stem)
    # Drop control and format characters (e.g. right-to-left overrides).
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C")
    stem = re.sub(r"[_\-.\s]+", " ", stem).strip()
    return stem[:max_length].strip()


def _check_size(upload):
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    size = getattr(upload, "size", None)
    if size is None or size > limit:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s). Ukuran maksimal %(limit)s.")
            % {
                "size": filesizeformat(size) if size is not None else "?",
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    if size == 0:
        raise _not_a_photo()


def _read(upload):
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    upload.seek(0)
    # Read one byte past the cap so a file whose reported size lied is
    # still refused without reading all of it.
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise ValidationError(
            _("Berkas terlalu besar. Ukuran maksimal %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    return data


def _too_many_pixels(width=None, height=None):
    limit_mp = settings.PHOTO_MAX_PIXELS / 1_000_000
    if width and height:
        message = _(
            "Resolusi foto terlalu besar (%(width)s × %(height)s piksel). "
            "Maksimal %(limit)s megapiksel; perkecil foto lalu unggah lagi."
        ) % {"width": width, "height": height, "limit": f"{limit_mp:g}"}
    else:
        message = _(
            "Resolusi foto terlalu besar. Maksimal %(limit)s megapiksel; "
            "perkecil foto lalu unggah lagi."
        ) % {"limit": f"{limit_mp:g}"}
    return ValidationError(message, code="too_many_pixels")


def _check_pixels(width, height):
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise _too_many_pixels(width, height)


def _open(data):
    """Read only the header, trying only the decoders for allowed formats."""
    try:
        # formats= keeps Pillow's other parsers (SVG is not one, but e.g.
        # PSD, TIFF or EPS are) away from untrusted bytes.
        image = Image.open(io.BytesIO(data), formats=DECODERS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The warning is only raised where warnings are errors (python -W
        # error); otherwise it is printed and _check_pixels refuses.
        raise _too_many_pixels() from None
    except Exception:
        # Pillow reports unreadable input with many exception types.
        raise _not_a_photo() from None
    if image.format not in _FORMATS:
        raise _not_a_photo()
    return image


def _decode(data):
    """Verify and fully decode; truncated or corrupt files are refused here."""
    damaged = ValidationError(
        _("Berkas foto rusak atau tidak lengkap. Coba ekspor ulang lalu unggah lagi."),
        code="damaged",
    )
    try:
        with Image.open(io.BytesIO(data), formats=DECODERS) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data), formats=DECODERS)
        image.load()
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception:
        raise damaged from None
    return image


def _encode(image, fmt):
    """Re-encode pixels only: no EXIF, XMP, comments, text chunks or profile."""
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        # Baseline, not optimized or progressive: readers get the renditions,
        # and for a 24-megapixel photo those two passes cost over a second
        # of the upload request for about 15 % of the original's size.
        params = {"quality": JPEG_QUALITY}
    elif fmt == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        params = {"quality": WEBP_QUALITY, "method": 4}
    else:
        params = {"optimize": True}
        transparency = image.info.get("transparency")
        if transparency is not None:
            params["transparency"] = transparency

    # An empty info dict (the image is ours, decoded for this upload):
    # Pillow's savers fall back to image.info for some metadata (JPEG
    # comments, PNG ICC/transparency).
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()
