import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from media_library.processing import photo_clean, title_from_filename
from tests.support.photos import image_bytes, noisy_jpeg, png_declaring, upload


def test_jpeg_passes_and_stays_jpeg():
    cleaned = photo_clean(upload(image_bytes(640, 480, "JPEG")))

    assert (cleaned.format, cleaned.width, cleaned.height) == ("JPEG", 640, 480)
    assert Image.open(io.BytesIO(cleaned.content)).format == "JPEG"


def test_png_and_webp_keep_their_format():
    png = photo_clean(upload(image_bytes(50, 40, "PNG"), "a.png", "image/png"))
    webp = photo_clean(upload(image_bytes(50, 40, "WEBP"), "a.webp", "image/webp"))

    assert (png.format, png.extension) == ("PNG", "png")
    assert (webp.format, webp.extension) == ("WEBP", "webp")


def test_format_is_judged_by_content_not_by_name():
    cleaned = photo_clean(upload(image_bytes(50, 40, "PNG"), "ternyata.jpg"))

    assert cleaned.format == "PNG"


def test_checksum_is_of_the_uploaded_bytes():
    data = image_bytes(50, 40, "JPEG")

    assert photo_clean(upload(data)).checksum == hashlib.sha256(data).hexdigest()


def test_header_is_enough_to_refuse_a_50000_by_50000_png():
    data = png_declaring(50_000, 50_000)
    assert len(data) < 1000

    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(data, "bom.png", "image/png"))

    assert caught.value.code == "too_many_pixels"
    assert "Resolusi foto terlalu besar" in caught.value.messages[0]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_image_just_over_the_pixel_cap_is_refused_before_decoding():
    # 7000 × 7000 = 49 MP: above our 40 MP cap, below Pillow's own error.
    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(png_declaring(7000, 7000), "besar.png", "image/png"))

    assert caught.value.code == "too_many_pixels"
    assert "7000 × 7000 piksel" in caught.value.messages[0]
    assert "40 megapiksel" in caught.value.messages[0]


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_pillow_bomb_warning_as_error_gets_our_message():
    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(png_declaring(7000, 7000), "besar.png", "image/png"))

    assert caught.value.code == "too_many_pixels"


def test_truncated_jpeg_is_refused():
    data = noisy_jpeg()

    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(data[: len(data) * 2 // 3]))

    assert caught.value.code == "damaged"
    assert caught.value.messages == [
        "Berkas foto rusak atau tidak lengkap. Coba ekspor ulang lalu unggah lagi."
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Ini bukan foto, hanya teks biasa.\n" * 20, id="text"),
        pytest.param(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script></svg>",
            id="svg",
        ),
        pytest.param(
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200,
            id="heic",
        ),
        pytest.param(image_bytes(40, 30, "TIFF"), id="tiff"),
        pytest.param(image_bytes(40, 30, "BMP"), id="bmp"),
    ],
)
def test_non_photos_are_refused(data):
    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(data, "foto.jpg"))

    assert caught.value.code == "not_a_photo"
    assert caught.value.messages == ["Berkas ini bukan foto JPEG, PNG, atau WebP."]


def test_gif_is_refused_with_its_reason():
    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(image_bytes(40, 30, "GIF", mode="P"), "a.gif", "image/gif"))

    assert caught.value.code == "gif"
    assert "GIF tidak diterima" in caught.value.messages[0]


def test_animated_webp_is_refused():
    frames = [Image.new("RGB", (40, 30), color) for color in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:])

    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(buffer.getvalue(), "a.webp", "image/webp"))

    assert caught.value.code == "animated"


def test_file_over_the_size_cap_is_refused(settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    data = image_bytes(400, 300, "JPEG")
    assert len(data) > 1000

    with pytest.raises(ValidationError) as caught:
        photo_clean(upload(data))

    assert caught.value.code == "too_large"
    assert "Berkas terlalu besar" in caught.value.messages[0]


def test_file_size_is_checked_before_reading():
    class Unreadable:
        size = 16 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("read before the size check")

        seek = read

    with pytest.raises(ValidationError) as caught:
        photo_clean(Unreadable())

    assert caught.value.code == "too_large"


def test_cmyk_jpeg_becomes_rgb():
    data = image_bytes(40, 30, "JPEG", mode="CMYK", color=(0, 50, 100, 0))

    cleaned = photo_clean(upload(data))

    assert Image.open(io.BytesIO(cleaned.content)).mode == "RGB"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("DSC_0042 Rapat-Forkopimda.JPG", "DSC 0042 Rapat Forkopimda"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\humas\\apel pagi.png", "apel pagi"),
        ("foto\u202egpj.exe", "fotogpj"),
        (".jpg", "jpg"),
        ("", ""),
    ],
)
def test_title_from_filename_is_plain_text(name, title):
    assert title_from_filename(name) == title
