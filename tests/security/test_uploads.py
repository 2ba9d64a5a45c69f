"""Uploads: size refused before reading, formats restricted before decoding,
no embedded colour profile stored (defects 11, 12 and 13)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import BmpImagePlugin, EpsImagePlugin, Image, ImageCms, TiffImagePlugin

from articles.models import ArticlePhoto
from media_library.models import Photo
from media_library.services import photo_create
from tests.support.admin_forms import form_data
from tests.support.factories import ArticleFactory
from tests.support.photos import UserFactory, committed, image_bytes, upload

pytestmark = pytest.mark.django_db

NOT_A_PHOTO = "Berkas ini bukan foto JPEG, PNG, atau WebP."
PHOTO_ADD_URL = "/admin/media_library/photo/add/"
EDITOR_UPLOAD_URL = "/editor/upload/"


# --- defect 13: formats Warta does not accept are never decoded --------------

FOREIGN_FORMATS = {
    "TIFF": (TiffImagePlugin.TiffImageFile, "foto.tif", "image/tiff"),
    "BMP": (BmpImagePlugin.BmpImageFile, "foto.bmp", "image/bmp"),
    "EPS": (EpsImagePlugin.EpsImageFile, "foto.eps", "application/postscript"),
}


@pytest.fixture(params=sorted(FOREIGN_FORMATS))
def foreign(request, monkeypatch):
    """An upload in a format Warta refuses, and the list of times Pillow's
    parser for that format was entered."""
    fmt = request.param
    plugin, name, content_type = FOREIGN_FORMATS[fmt]
    data = image_bytes(64, 48, fmt, mode="RGB")
    entered = []
    original = plugin._open

    def spy(self):
        entered.append(fmt)
        return original(self)

    monkeypatch.setattr(plugin, "_open", spy)
    return SimpleUploadedFile(name, data, content_type=content_type), entered


def test_story_photo_row_refuses_foreign_formats_without_decoding(
    client, newsroom, foreign
):
    file, entered = foreign
    draft = ArticleFactory(
        contributing_agency=newsroom.agency_a, author=newsroom.contributor_a
    )
    client.force_login(newsroom.contributor_a)
    data = form_data(
        client,
        draft,
        **{"photos-TOTAL_FORMS": "1"},
        **{
            "photos-0-upload": file,
            "photos-0-role": "gallery",
            "photos-0-order": "1",
        },
    )
    response = client.post(f"/admin/articles/article/{draft.pk}/change/", data)
    assert response.status_code == 200
    assert NOT_A_PHOTO in response.content.decode()
    assert entered == []
    assert not ArticlePhoto.objects.filter(article=draft).exists()
    assert not Photo.objects.exists()


def test_photo_admin_refuses_foreign_formats_without_decoding(client, foreign):
    file, entered = foreign
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        PHOTO_ADD_URL, {"file": file, "title": "x", "alt_text": "x", "caption": "x"}
    )
    assert response.status_code == 200
    assert NOT_A_PHOTO in response.content.decode()
    assert entered == []
    assert not Photo.objects.exists()


def test_editor_endpoint_refuses_foreign_formats_without_decoding(client, foreign):
    file, entered = foreign
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(EDITOR_UPLOAD_URL, {"upload": file})
    assert response.status_code == 400
    assert response.json() == {"error": {"message": NOT_A_PHOTO}}
    assert entered == []
    assert not Photo.objects.exists()


# --- defect 12: no embedded colour profile survives ---------------------------

MARKER = b"WARTA-ICC-MARKER slot gacor -6.2088,106.8456"


def _profile_with_marker():
    """An sRGB profile with text appended after its tags (size field fixed)."""
    profile = bytearray(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    )
    profile += MARKER
    profile[0:4] = len(profile).to_bytes(4, "big")
    return bytes(profile)


def _wide_gamut_profile():
    """An RGB profile whose red primary differs from sRGB's: converting to
    sRGB changes the pixels, which shows the conversion happened."""
    profile = bytearray(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    )
    count = int.from_bytes(profile[128:132], "big")
    for index in range(count):
        entry = 132 + 12 * index
        if profile[entry : entry + 4] == b"rXYZ":
            offset = int.from_bytes(profile[entry + 4 : entry + 8], "big")
            # XYZType: 'XYZ ' + reserved (8 bytes), then X, Y, Z as s15Fixed16.
            x = int.from_bytes(profile[offset + 8 : offset + 12], "big")
            profile[offset + 8 : offset + 12] = int(x * 1.3).to_bytes(4, "big")
    profile += MARKER
    profile[0:4] = len(profile).to_bytes(4, "big")
    return bytes(profile)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_no_stored_file_keeps_the_uploaded_colour_profile(fmt, stored_files, settings):
    data = image_bytes(400, 300, fmt, mode="RGB", icc_profile=_profile_with_marker())
    with Image.open(io.BytesIO(data)) as sent:
        assert MARKER in sent.info["icc_profile"]
    with committed():  # the renditions too, made once the upload commits
        photo = photo_create(file=upload(data, f"foto.{fmt.lower()}"), title="ICC")

    files = stored_files()
    assert len(files) == 1 + photo.renditions.count() > 1
    for name in files:
        content = (settings.MEDIA_ROOT / name).read_bytes()
        assert MARKER not in content, name
        with Image.open(io.BytesIO(content)) as image:
            assert "icc_profile" not in image.info, name
            assert image.mode in ("RGB", "RGBA"), name


def test_colours_are_converted_to_srgb(stored_files, settings):
    red = (200, 40, 40)
    image = Image.new("RGB", (320, 200), red)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", icc_profile=_wide_gamut_profile())
    photo = photo_create(file=upload(buffer.getvalue(), "merah.png"), title="ICC")

    with photo.file.open("rb") as stored, Image.open(stored) as original:
        pixel = original.convert("RGB").getpixel((10, 10))
    assert pixel != red
    assert "icc_profile" not in original.info


# --- defect 11: oversized bodies are refused before they are read -----------


class _Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the request body was read")


def _post_with_length(client, path, length, **extra):
    return client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": _Unreadable()},
        **extra,
    )


def test_a_100_mb_upload_is_refused_before_reading(client, newsroom):
    client.force_login(newsroom.editor)
    response = _post_with_length(client, EDITOR_UPLOAD_URL, 100 * 1024 * 1024)
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()
    assert not Photo.objects.exists()


def test_an_admin_post_over_the_limit_is_refused_with_an_indonesian_page(
    client, newsroom, settings
):
    client.force_login(newsroom.editor)
    response = _post_with_length(
        client, PHOTO_ADD_URL, settings.WARTA_MAX_REQUEST_BYTES + 1
    )
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()


def test_an_anonymous_client_may_not_send_a_large_body(client):
    client.get("/admin/login/")  # sets the CSRF cookie
    response = _post_with_length(client, "/admin/login/", 5 * 1024 * 1024)
    assert response.status_code == 413


def test_the_limits_leave_room_for_a_photo_at_its_cap(settings):
    limit = settings.WARTA_MAX_REQUEST_BYTES
    assert limit > settings.PHOTO_MAX_UPLOAD_BYTES
    assert limit > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_the_reply_form_alone_takes_an_attachment_from_anonymous_clients(
    client, settings
):
    story = ArticleFactory(published=True)
    reply_url = f"/berita/{story.slug}/hak-jawab/"
    over = settings.WARTA_MAX_REPLY_REQUEST_BYTES + 1
    assert _post_with_length(client, reply_url, over).status_code == 413
    # Its cap holds only on its own address: the same body elsewhere is refused.
    within = settings.WARTA_MAX_REPLY_REQUEST_BYTES
    assert within > settings.WARTA_MAX_ANONYMOUS_REQUEST_BYTES
    assert _post_with_length(client, "/cari/", within).status_code == 413
    assert settings.WARTA_MAX_REPLY_REQUEST_BYTES > (
        settings.WARTA_REPLY_ATTACHMENT_MAX_BYTES
    )
