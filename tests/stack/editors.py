"""Accounts and content for the stack tests, made on the stack's database.

    python tests/stack/editors.py OUT.json STORIES

Makes five editors (group Redaktur), each with a password and a confirmed
TOTP device, and a draft of their own for the load test to edit; a sixth
for the smoke test; and
STORIES published stories with a real photo, so readers have an archive to
browse and search. Writes the editors' logins (password, TOTP key in hex) to
OUT.json for tests/stack/smoke.py and tests/stack/loadtest.py.
"""

import io
import json
import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from PIL import Image  # noqa: E402

from articles import workflow  # noqa: E402
from articles.models import Agency, Article, ArticlePhoto, Category  # noqa: E402
from media_library.services import photo_create  # noqa: E402

EDITORS = 5
WORDS = [
    "rapat",
    "koordinasi",
    "banjir",
    "bupati",
    "jalan",
    "sekolah",
    "puskesmas",
    "pasar",
    "nelayan",
    "pangkalan",
    "bun",
    "sawit",
    "irigasi",
    "posyandu",
    "pemilu",
    "camat",
    "desa",
    "jembatan",
]


def jpeg(seed):
    image = Image.new("RGB", (1300, 866), ((seed * 37) % 256, 120, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(f"foto-{seed}.jpg", buffer.getvalue(), "image/jpeg")


def text(seed, words=60):
    chosen = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)]
    return " ".join(chosen).capitalize() + "."


def story(*, title, author, category, agency, photo, seed):
    article = Article.objects.create(
        title=title,
        summary=text(seed, 20),
        body=f"<p>{text(seed)}</p><p>{text(seed + 1)}</p>",
        category=category,
        contributing_agency=agency,
        author=author,
    )
    ArticlePhoto.objects.create(
        article=article,
        photo=photo,
        role=ArticlePhoto.Role.FEATURED,
        caption=f"Kegiatan {title}.",
    )
    return article


def main(out, stories):
    redaktur = Group.objects.get(name="Redaktur")
    User = get_user_model()
    category = Category.objects.order_by("pk").first()
    agency = Agency.objects.order_by("pk").first()
    photo = photo_create(
        file=jpeg(0), title="Foto uji", caption="Foto uji.", alt_text="Foto uji."
    )
    logins = []
    for number in range(1, EDITORS + 1):
        password = secrets.token_urlsafe(16)
        user = User.objects.create_user(
            username=f"redaktur.beban{number}",
            password=password,
            is_staff=True,
            first_name=f"Redaktur {number}",
        )
        user.groups.add(redaktur)
        device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
        draft = story(
            title=f"Draf redaktur {number}",
            author=user,
            category=category,
            agency=agency,
            photo=photo,
            seed=number,
        )
        logins.append(
            {
                "username": user.username,
                "password": password,
                "totp_key": device.key,
                "story": draft.pk,
            }
        )
    # The smoke test's own editor: a TOTP code is good once per 30 seconds,
    # so the load test's editors must not share a device with it.
    smoke_password = secrets.token_urlsafe(16)
    smoke = User.objects.create_user(
        username="redaktur.asap", password=smoke_password, is_staff=True
    )
    smoke.groups.add(redaktur)
    smoke_device = TOTPDevice.objects.create(user=smoke, name="uji", confirmed=True)
    editor = User.objects.get(username="redaktur.beban1")
    for number in range(stories):
        article = story(
            title=f"Berita arsip {number} {WORDS[number % len(WORDS)]}",
            author=editor,
            category=category,
            agency=agency,
            photo=photo,
            seed=100 + number,
        )
        workflow.article_publish(article=article, by=editor)
    Path(out).write_text(
        json.dumps(
            {
                "editors": logins,
                "smoke": {
                    "username": smoke.username,
                    "password": smoke_password,
                    "totp_key": smoke_device.key,
                },
                "category": category.pk,
                "agency": agency.pk,
            },
            indent=1,
        )
    )
    print(f"{EDITORS} editors, {stories} published stories")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
