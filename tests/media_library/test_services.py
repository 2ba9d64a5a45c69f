import io
import os
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from media_library.models import Photo, Rendition
from media_library.services import photo_create, photo_existing, photo_update
from tests.support.photos import (
    PhotoFactory,
    committed,
    image_bytes,
    jpeg_upload,
    noisy_jpeg,
    png_declaring,
    upload,
)

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps_and_orientation():
    """200 × 100: red left half, blue right half; EXIF says rotate (6)."""
    image = Image.new("RGB", (200, 100), "blue")
    image.paste((255, 0, 0), (0, 0, 100, 100))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "KameraHumas"  # Make
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "S"
    gps[2] = (2.0, 41.0, 3.5)
    gps[3] = "E"
    gps[4] = (111.0, 37.0, 12.0)
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        exif=exif,
        comment="lokasi rahasia",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">lokasi</x:xmpmeta>',
    )
    data = buffer.getvalue()
    # The test's premise: the upload really carries GPS and orientation.
    check = Image.open(io.BytesIO(data)).getexif()
    assert check[ORIENTATION] == 6 and check.get_ifd(GPS_IFD)
    return data


REJECTED = {
    "declares 50000x50000": (
        lambda: upload(png_declaring(50_000, 50_000), "bom.png", "image/png"),
        "Resolusi foto terlalu besar",
    ),
    "text named .jpg": (
        lambda: upload(b"Ini bukan foto.\n" * 50, "foto.jpg"),
        "Berkas ini bukan foto JPEG, PNG, atau WebP.",
    ),
    "svg": (
        lambda: upload(
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "logo.svg",
            "image/svg+xml",
        ),
        "Berkas ini bukan foto JPEG, PNG, atau WebP.",
    ),
    "truncated jpeg": (
        lambda: upload(noisy_jpeg()[:20_000]),
        "Berkas foto rusak atau tidak lengkap.",
    ),
    "gif": (
        lambda: upload(image_bytes(40, 30, "GIF", mode="P"), "a.gif", "image/gif"),
        "Berkas GIF tidak diterima",
    ),
    "over the size cap": (
        lambda: jpeg_upload(1200, 900),
        "Berkas terlalu besar",
    ),
}


@pytest.mark.parametrize("case", REJECTED, ids=list(REJECTED))
def test_rejected_upload_leaves_no_row_and_no_file(case, settings, stored_files):
    settings.PHOTO_MAX_UPLOAD_BYTES = (
        20_000 if case == "over the size cap" else (settings.PHOTO_MAX_UPLOAD_BYTES)
    )
    make_upload, message = REJECTED[case]

    with pytest.raises(ValidationError) as caught:
        photo_create(file=make_upload(), title="Ditolak")

    assert message in caught.value.messages[0]
    assert not Photo.objects.exists()
    assert not Rendition.objects.exists()
    assert stored_files() == []


def test_gps_and_all_exif_are_removed_from_original_and_renditions():
    with committed():
        photo = photo_create(file=upload(jpeg_with_gps_and_orientation()))

    stored = [photo.file.path, *(r.file.path for r in photo.renditions.all())]
    assert len(stored) == 3  # original + 100w in WebP and JPEG
    for path in stored:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info)
        with open(path, "rb") as raw:
            content = raw.read()
        assert b"Exif\x00\x00" not in content
        assert b"KameraHumas" not in content
        assert b"lokasi" not in content


def test_exif_orientation_is_applied_to_the_pixels():
    photo = photo_create(file=upload(jpeg_with_gps_and_orientation()))

    assert (photo.width, photo.height) == (100, 200)
    with Image.open(photo.file.path) as image:
        assert image.size == (100, 200)
        # Rotated a quarter turn clockwise: the red left half is now on top.
        red, _green, blue = image.convert("RGB").getpixel((50, 20))
        assert red > 200 and blue < 60
        red, _green, blue = image.convert("RGB").getpixel((50, 180))
        assert blue > 200 and red < 60


def test_new_photo_is_stored_with_its_fields_and_renditions(stored_files):
    photo = photo_create(
        file=jpeg_upload(1000, 750, name="../../rahasia.jpg"),
        title="Apel pagi",
        credit="Foto: Humas Kesbangpol",
    )

    photo.refresh_from_db()
    assert not photo.is_duplicate
    assert (photo.title, photo.credit) == ("Apel pagi", "Foto: Humas Kesbangpol")
    assert (photo.width, photo.height) == (1000, 750)
    assert photo.file.name.startswith("photos/")
    assert "rahasia" not in photo.file.name
    assert len(stored_files()) == 1 + photo.renditions.count()


def test_same_file_twice_returns_the_existing_photo(stored_files):
    data = image_bytes(700, 500, "JPEG")
    first = photo_create(file=upload(data), title="Pertama")
    files_before = stored_files()

    second = photo_create(file=upload(data, "salinan.jpg"), title="Kedua")

    assert second.is_duplicate
    assert second.pk == first.pk
    assert second.title == "Pertama"
    assert Photo.objects.count() == 1
    assert stored_files() == files_before


def test_same_file_stored_concurrently_returns_the_other_photo(stored_files):
    from media_library import services

    data = image_bytes(700, 500, "JPEG")
    first = photo_create(file=upload(data))
    files_before = stored_files()
    real_existing = services._existing
    # The other request's row appears between our check and our insert.
    answers = iter([None])

    def existing_after_check(checksum):
        return next(answers, None) or real_existing(checksum)

    with mock.patch.object(services, "_existing", side_effect=existing_after_check):
        second = photo_create(file=upload(data))

    assert second.is_duplicate and second.pk == first.pk
    assert Photo.objects.count() == 1
    assert stored_files() == files_before


def test_deleting_a_photo_deletes_its_files_after_commit(
    stored_files, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    kept = PhotoFactory()
    paths = [photo.file.path, *(r.file.path for r in photo.renditions.all())]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    # Until the delete commits, the files are still there.
    assert all(os.path.exists(path) for path in paths)

    for callback in callbacks:
        callback()
    assert not any(os.path.exists(path) for path in paths)
    assert os.path.exists(kept.file.path)


def test_bulk_delete_also_deletes_files(
    stored_files, django_capture_on_commit_callbacks
):
    PhotoFactory.create_batch(2)

    with django_capture_on_commit_callbacks(execute=True):
        Photo.objects.all().delete()

    assert stored_files() == []


def test_photo_factory_makes_distinct_stored_photos():
    photos = PhotoFactory.create_batch(3)

    assert len({p.checksum for p in photos}) == 3
    assert all(p.renditions.count() == 4 for p in photos)  # 320, 640 × 2


def test_files_get_random_names_in_dated_folders_never_the_clients_name():
    import re

    from django.utils import timezone

    photo = photo_create(file=jpeg_upload(name="../../etc/Rapat Bupati.JPG", seq=77))
    today = timezone.localdate()
    assert re.fullmatch(
        rf"photos/{today:%Y/%m/%d}/[0-9a-f]{{32}}\.jpg", photo.file.name
    )
    for rendition in photo.renditions.all():
        assert re.fullmatch(
            rf"renditions/{today:%Y/%m/%d}/[0-9a-f]{{24}}-\d+w\.(jpg|webp)",
            rendition.file.name,
        )
    assert "Rapat" not in photo.file.name


# --- photo_update ------------------------------------------------------------


def test_update_writes_the_given_field_and_the_change_time():
    photo = PhotoFactory(caption="Lama.")
    before = photo.updated_at

    photo_update(photo=photo, caption="Keterangan baru.")

    photo.refresh_from_db()
    assert photo.caption == "Keterangan baru."
    assert photo.alt_text == "Pejabat duduk di meja rapat di aula"
    assert photo.updated_at > before


def test_update_keeps_another_fields_change_made_meanwhile():
    photo = PhotoFactory(credit="Foto: Humas")
    # Someone else changes the credit after this copy was loaded.
    Photo.objects.filter(pk=photo.pk).update(credit="Foto: Diskominfo")

    photo_update(photo=photo, caption="Keterangan baru.")

    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("Keterangan baru.", "Foto: Diskominfo")


def test_update_with_no_field_writes_nothing():
    photo = PhotoFactory()
    before = photo.updated_at

    photo_update(photo=photo)

    photo.refresh_from_db()
    assert photo.updated_at == before


@pytest.mark.parametrize("field", ["file", "checksum", "uploaded_by", "width"])
def test_update_refuses_the_uploads_own_fields(field):
    photo = PhotoFactory()
    stored = Photo.objects.values().get(pk=photo.pk)

    with pytest.raises(TypeError):
        photo_update(photo=photo, caption="Baru.", **{field: None})

    assert Photo.objects.values().get(pk=photo.pk) == stored


def test_update_refuses_a_too_long_alt_text_in_indonesian_and_changes_nothing():
    photo = PhotoFactory(caption="Lama.")

    with pytest.raises(ValidationError) as refused:
        photo_update(photo=photo, caption="Baru.", alt_text="x" * 301)

    assert "paling banyak 300 karakter" in str(refused.value.message_dict["alt_text"])
    assert photo.caption == "Lama."
    photo.refresh_from_db()
    assert photo.caption == "Lama."


def test_existing_finds_the_photo_stored_from_the_same_file():
    data = image_bytes(300, 200, "JPEG")
    stored = photo_create(file=upload(data))
    PhotoFactory()

    assert photo_existing(checksum=stored.checksum) == stored
    assert photo_existing(checksum="0" * 64) is None
