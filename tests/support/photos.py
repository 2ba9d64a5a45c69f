"""Factories and in-memory images for tests of the photo library.

``PhotoFactory`` stores a real, Pillow-drawn JPEG through
``services.photo_create`` and lets its transaction "commit" (``committed``),
so the renditions task runs (tests use django-tasks' ImmediateBackend) and
every photo it makes has a cleaned original and its renditions on disk,
exactly as an upload would once the worker has run. Each one is a different
file (so none is taken for a duplicate of another).
"""

import datetime
import io
import os
import struct
import zlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from PIL import Image, ImageDraw

from media_library.models import Photo
from media_library.services import photo_create


def image_bytes(
    width=800,
    height=600,
    fmt="JPEG",
    *,
    color=(30, 110, 160),
    mode=None,
    seq=0,
    **save_kwargs,
):
    """A drawn image in ``fmt``, with a pattern that depends on ``seq``."""
    mode = mode or ("RGBA" if fmt == "PNG" else "RGB")
    fill = (*color, 255) if mode == "RGBA" else color
    image = Image.new(mode, (width, height), fill)
    draw = ImageDraw.Draw(image)
    # A stripe placed by `seq`, so differently numbered images differ in
    # their pixels and not only in their bytes.
    x = (seq * 37) % max(1, width - 10)
    draw.rectangle([x, 0, x + 9, height - 1], fill="white")
    draw.ellipse(
        [width // 4, height // 4, width * 3 // 4, height * 3 // 4], fill="orange"
    )
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save_kwargs)
    return buffer.getvalue()


def committed():
    """Run, at the end of the block, the ``on_commit`` callbacks registered in
    it, as a real commit would (a test's own transaction never commits).

    Around an upload, that enqueues the renditions task, which the test
    settings' ImmediateBackend runs at once.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)


def upload(data, name="foto.jpg", content_type="image/jpeg"):
    """A Django upload of ``data`` named ``name``, as a form would receive it."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_upload(width=800, height=600, *, seq=0, name="foto.jpg", **kwargs):
    # The comment makes the bytes unique per `seq`; cleaning drops it.
    data = image_bytes(
        width, height, "JPEG", seq=seq, comment=f"factory {seq}", **kwargs
    )
    return upload(data, name=name)


def png_declaring(width, height):
    """A tiny PNG whose header claims ``width`` × ``height`` pixels."""
    data = bytearray(image_bytes(8, 8, "PNG"))
    # Signature (8) + IHDR length (4) + b"IHDR" (4), then width and height.
    if data[12:16] != b"IHDR":
        raise ValueError("not a PNG with IHDR first")
    data[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:29]))
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def noisy_jpeg(width=600, height=400):
    # Random pixels make a long scan, so a cut lands inside the image data.
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    """A user; ``staff=True`` and ``permissions=["media_library.add_photo"]``."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    password = factory.django.Password("rahasia-uji-123")
    is_staff = False
    is_active = True

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for dotted in extracted:
            app_label, codename = dotted.split(".")
            self.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


class PhotoFactory(factory.django.DjangoModelFactory):
    """A stored photo with its renditions, made through ``photo_create``.

    ``PhotoFactory(image_width=2000, image_height=1000)`` sets the drawn
    size; ``file=...`` passes an upload of your own.
    """

    class Meta:
        model = Photo

    class Params:
        image_width = 800
        image_height = 600

    file = factory.LazyAttributeSequence(
        lambda o, n: jpeg_upload(o.image_width, o.image_height, seq=n)
    )
    title = factory.Sequence(lambda n: f"Rapat koordinasi {n}")
    caption = factory.LazyAttribute(
        lambda o: f"{o.title}: Pj. Bupati Kobar (tengah) bersama Kapolres (kiri)."
    )
    alt_text = "Pejabat duduk di meja rapat di aula"
    credit = "Foto: Humas Kesbangpol"
    taken_on = factory.LazyFunction(datetime.date.today)
    place = "Aula Setya Haprabu Polres Kobar"
    uploaded_by = None

    @classmethod
    def _create(cls, model_class, *args, file, **kwargs):
        with committed():
            photo = photo_create(file=file, **kwargs)
        if photo.is_duplicate:
            raise ValueError("PhotoFactory made a duplicate; pass a distinct file.")
        return photo
