"""A pool of real, processed photos for generated stories.

About thirty scenes are drawn with Pillow and stored through
``media_library.services.photo_create`` like any upload, so their checks,
cleaning and renditions are the real ones. Drawing is deterministic: a second
run finds the same files by checksum and reuses them (no new files).
"""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from media_library.renditions import renditions_make
from media_library.services import photo_create

from ..models import PhotoSubject
from .text import DISTRICTS, VENUES

POOL_SIZE = 30
SIZE = (1800, 1200)
PLACES = [PhotoSubject.Place.LEFT, PhotoSubject.Place.MIDDLE, PhotoSubject.Place.RIGHT]


def scene(seed, size=SIZE):
    """A JPEG of a crowd under a sky: figures, a stage, a banner."""
    rng = random.Random(f"warta-photo-{seed}")
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    sky = [rng.randint(90, 200), rng.randint(120, 210), rng.randint(170, 250)]
    horizon = int(height * rng.uniform(0.35, 0.55))
    for y in range(0, horizon, 6):
        shade = tuple(max(0, c - y // 12) for c in sky)
        draw.rectangle([0, y, width, y + 6], fill=shade)
    ground = tuple(rng.randint(50, 140) for _ in range(3))
    draw.rectangle([0, horizon, width, height], fill=ground)
    for _ in range(rng.randint(2, 5)):  # buildings and tents
        x = rng.randint(-100, width - 200)
        w, h = rng.randint(200, 600), rng.randint(120, horizon)
        draw.rectangle(
            [x, horizon - h, x + w, horizon + 20],
            fill=tuple(rng.randint(80, 230) for _ in range(3)),
        )
    banner = tuple(rng.randint(150, 255) for _ in range(3))
    draw.rectangle(
        [width // 6, horizon // 4, width * 5 // 6, horizon // 4 + 90], fill=banner
    )
    for _ in range(rng.randint(12, 40)):  # people
        x = rng.randint(0, width)
        y = rng.randint(horizon, height)
        scale = 0.4 + (y - horizon) / (height - horizon)
        r = int(28 * scale)
        body = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse([x - r, y - 5 * r, x + r, y - 3 * r], fill=(205, 160, 120))
        draw.rounded_rectangle(
            [x - 2 * r, y - 3 * r, x + 2 * r, y + 2 * r], r, fill=body
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def photo_pool_store(size=POOL_SIZE):
    """Store the pool's photos, or find them again by checksum."""
    photos = []
    for i in range(size):
        upload = SimpleUploadedFile(
            f"warta-{i}.jpg", scene(i), content_type="image/jpeg"
        )
        venue = VENUES[i % len(VENUES)]
        photo = photo_create(
            file=upload,
            title=f"Kegiatan di {venue}",
            caption=f"Suasana kegiatan di {venue}, Kecamatan {DISTRICTS[i % 6]}.",
            alt_text=f"Warga dan pejabat berkumpul di {venue}",
            credit="MMC Kobar",
        )
        # photo_create makes renditions in the request today; if a later
        # version leaves them to a worker, make them here so pages have them.
        renditions_make(photo=photo)
        photos.append(photo)
    return photos


def photo_pool_create(rng, *, photos, officials):
    """Put 0-3 officials in each pool photo, at kiri, tengah or kanan."""
    PhotoSubject.objects.filter(photo__in=photos).delete()
    subjects = []
    for photo in photos:
        people = rng.sample(officials, rng.choice([0, 1, 1, 2, 3]))
        places = rng.sample(PLACES, len(people))
        subjects += [
            PhotoSubject(photo=photo, official=o, place=p, order=n)
            for n, (o, p) in enumerate(zip(people, places, strict=True))
        ]
    PhotoSubject.objects.bulk_create(subjects)
    return photos
