"""Checking and cleaning an uploaded photo before anything is stored.

``photo_clean()`` is the single gate every upload passes (admin form, editor
endpoint, services, seed data). It rejects with a ``ValidationError`` whose
message is fit to show the uploader, in Indonesian, and otherwise returns the
photo re-encoded without any metadata: EXIF (camera, GPS position, time),
XMP and comments are dropped; the orientation recorded in EXIF is applied to
the pixels first, so the photo still stands the right way up.
"""

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps

# Formats accepted, by what Pillow finds in the bytes (never the file name).
# MPO is the multi-picture JPEG some cameras write; its first picture is a
# plain JPEG and that is what we keep.
_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_GIF_MAGIC = (b"GIF87a", b"GIF89a")

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
    image = ImageOps.exif_transpose(image)
    content = _encode(image, fmt)
    return CleanedPhoto(
        content=content,
        format=fmt,
        width=image.width,
        height=image.height,
        checksum=hashlib.sha256(data).hexdigest(),
    )


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
        image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP"))
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
        with Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP")) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP"))
        image.load()
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception:
        raise damaged from None
    return image


def _encode(image, fmt):
    """Re-encode pixels only: no EXIF, XMP, comments or text chunks."""
    icc_profile = image.info.get("icc_profile")
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            # A CMYK profile no longer describes the converted pixels.
            if image.mode == "CMYK":
                icc_profile = None
            image = image.convert("RGB")
        params = {"quality": JPEG_QUALITY, "optimize": True, "progressive": True}
    elif fmt == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        params = {"quality": WEBP_QUALITY, "method": 4}
    else:
        params = {"optimize": True}
        transparency = image.info.get("transparency")
        if transparency is not None:
            params["transparency"] = transparency

    # A fresh copy with an empty info dict: Pillow's savers fall back to
    # image.info for some metadata (JPEG comments, PNG ICC/transparency).
    clean = image.copy()
    clean.info = {}
    if icc_profile:
        params["icc_profile"] = icc_profile
    buffer = io.BytesIO()
    clean.save(buffer, fmt, **params)
    return buffer.getvalue()
