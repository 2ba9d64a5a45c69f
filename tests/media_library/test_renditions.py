import io
import os

import pytest
from PIL import Image

from media_library.models import Photo, Rendition
from media_library.renditions import rendition_widths, renditions_make
from media_library.services import photo_create
from tests.support.photos import PhotoFactory, committed, image_bytes, upload

pytestmark = pytest.mark.django_db


def sizes(photo, fmt):
    return sorted(
        (r.width, r.height) for r in photo.renditions.all() if r.format == fmt
    )


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (2400, [320, 640, 960, 1200, 1600]),
        (1600, [320, 640, 960, 1200, 1600]),
        (1000, [320, 640, 960]),
        (320, [320]),
        (200, [200]),
    ],
)
def test_widths_never_upscale(width, expected):
    assert rendition_widths(width) == expected


def test_large_photo_gets_every_width_in_webp_and_jpeg():
    photo = PhotoFactory(image_width=2000, image_height=1000)

    expected = [(320, 160), (640, 320), (960, 480), (1200, 600), (1600, 800)]
    assert sizes(photo, "webp") == expected
    assert sizes(photo, "jpeg") == expected
    for rendition in photo.renditions.all():
        with Image.open(rendition.file.path) as image:
            assert image.size == (rendition.width, rendition.height)
            assert image.format == rendition.format.upper()


def test_small_photo_gets_one_rendition_at_its_own_width():
    photo = PhotoFactory(image_width=200, image_height=150)

    assert sizes(photo, "webp") == [(200, 150)]
    assert sizes(photo, "jpeg") == [(200, 150)]


def written(photo):
    """{file name: modification time} of the photo's original and renditions."""
    files = [photo.file, *(r.file for r in photo.renditions.all())]
    return {f.name: os.stat(f.path).st_mtime_ns for f in files}


def test_renditions_are_made_once(stored_files):
    photo = PhotoFactory(image_width=1300, image_height=975)
    rows = set(Rendition.objects.values_list("pk", "file"))
    files, times = stored_files(), written(photo)
    assert len(rows) == 8

    again = renditions_make(photo=photo)

    assert {(r.pk, r.file.name) for r in again} == rows
    assert set(Rendition.objects.values_list("pk", "file")) == rows
    assert stored_files() == files
    assert written(photo) == times


def test_a_missing_rendition_is_made_again_alone(
    stored_files, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    with django_capture_on_commit_callbacks(execute=True):
        photo.renditions.get(width=640, format="webp").delete()
    kept, files = written(photo), set(stored_files())

    renditions_make(photo=photo)

    remade = photo.renditions.get(width=640, format="webp")
    assert set(stored_files()) == files | {remade.file.name}
    assert {name: time for name, time in written(photo).items() if name in kept} == kept
    with Image.open(remade.file.path) as image:
        assert (image.format, image.width) == ("WEBP", 640)


def test_jpeg_rendition_of_transparent_png_is_rgb_on_white():
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 200, 300))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    with committed():
        photo = photo_create(file=upload(buffer.getvalue(), "logo.png", "image/png"))

    jpeg = photo.rendition(320, "jpeg")
    with Image.open(jpeg.file.path) as stored:
        assert stored.mode == "RGB"
        assert stored.getpixel((300, 150)) >= (250, 250, 250)  # was transparent
    webp = photo.rendition(320, "webp")
    with Image.open(webp.file.path) as stored:
        assert stored.mode == "RGBA"


def test_palette_png_gets_rgb_jpeg_rendition():
    data = image_bytes(400, 300, "PNG", mode="P", color=(3,))
    with committed():
        photo = photo_create(file=upload(data, "peta.png", "image/png"))

    with Image.open(photo.rendition(320).file.path) as stored:
        assert stored.mode == "RGB"


def test_rendition_picks_the_width_at_or_just_above():
    photo = PhotoFactory(image_width=1300, image_height=975)

    assert photo.rendition(600).width == 640
    assert photo.rendition(640).width == 640
    assert photo.rendition(1000, "webp").width == 1200
    assert photo.rendition(1200).format == "jpeg"
    # Wider than any rendition: the largest there is.
    assert photo.rendition(5000).width == 1200


def test_srcset_lists_each_width_once_in_order():
    photo = PhotoFactory(image_width=1000, image_height=500)
    by_width = {r.width: r.file.url for r in photo.renditions.filter(format="webp")}

    assert photo.srcset("webp") == (
        f"{by_width[320]} 320w, {by_width[640]} 640w, {by_width[960]} 960w"
    )


def test_thumbnail_is_the_smallest_jpeg():
    photo = PhotoFactory()

    assert photo.thumbnail_url == photo.renditions.get(width=320, format="jpeg").url


def test_thumbnail_falls_back_to_the_original():
    photo = PhotoFactory()
    photo.renditions.all().delete()

    assert photo.thumbnail_url == photo.file.url


def test_helpers_cost_no_queries_with_prefetch(django_assert_num_queries):
    PhotoFactory.create_batch(3)

    with django_assert_num_queries(2):
        photos = list(Photo.objects.prefetch_related("renditions"))
        for photo in photos:
            assert photo.thumbnail_url
            assert photo.srcset("webp")
            assert photo.rendition(1200, "jpeg")


def test_renditions_read_as_values_serve_a_page_as_the_models_do(
    django_assert_num_queries,
):
    """``renditions_attach`` (lists of stories): one query for all the photos,
    then the same files, sizes and srcsets as through ``photo.renditions``."""
    from media_library.models import renditions_attach

    wide, narrow = PhotoFactory(image_width=2000, image_height=1000), PhotoFactory()
    by_model = [Photo.objects.get(pk=p.pk) for p in (wide, narrow)]
    by_rows = [Photo.objects.get(pk=p.pk) for p in (wide, narrow)]
    with django_assert_num_queries(1):
        renditions_attach([*by_rows, None])
    with django_assert_num_queries(0):
        made = [
            (p.renditions_key(), p.srcset("webp"), p.srcset("jpeg"), p.image(640))
            for p in by_rows
        ]
    assert made == [
        (p.renditions_key(), p.srcset("webp"), p.srcset("jpeg"), p.image(640))
        for p in by_model
    ]
    assert "1600w" in made[0][1] and made[0][3].width == 640
    assert made[0][3].url.endswith("-640w.jpg")


def test_a_photo_without_renditions_yet_shows_its_original_from_values():
    from media_library.models import renditions_attach

    photo = PhotoFactory()
    photo.renditions.all().delete()
    photo = Photo.objects.get(pk=photo.pk)
    renditions_attach([photo])
    assert photo.rendition_rows == []
    assert photo.image(640).url == photo.file.url
    assert photo.srcset("webp") == ""
