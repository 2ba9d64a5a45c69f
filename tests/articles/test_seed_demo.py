import base64
import datetime
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.management.commands.seed_demo import SEED_SLUG
from articles.models import Article, ArticlePhoto
from articles.selectors import caption_from_subjects

pytestmark = pytest.mark.django_db


def model_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"articles", "media_library", "taggit", "auth"}
    }


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    return Article.objects.get(slug=SEED_SLUG)


def test_seed_story_has_its_full_text_and_quotes(seeded):
    assert (
        seeded.title == "Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024"
    )
    assert seeded.dateline == "MMC Kobar"
    assert seeded.credit_line == "humas kesbangpol"
    assert seeded.event_place == "Aula Setya Haprabu Polres Kobar"
    assert seeded.event_date == datetime.date(2024, 6, 4)
    for quote in [
        "”Sehingga yang menjadi kendala atau hambatan bisa teratasi",
        "&quot;Sebagaimana yang telah disampaikan dalam rapor Pilkada",
        "“Bahwa meningkatnya partisipasi pemilu di Kabupaten Kobar",
        "Kapolsek se-Kobar.",
        "Baca Juga",
    ]:
        assert quote in seeded.body or quote.replace("&quot;", '"') in seeded.body
    assert Article.objects.visible().filter(pk=seeded.pk).exists()


def test_seed_story_has_three_captioned_photos_naming_officials(seeded):
    photos = list(seeded.photos.select_related("photo"))
    assert [p.role for p in photos] == [
        ArticlePhoto.Role.FEATURED,
        ArticlePhoto.Role.INLINE,
        ArticlePhoto.Role.GALLERY,
    ]
    assert all(p.effective_caption and p.photo.alt_text for p in photos)
    featured = photos[0].photo
    composed = caption_from_subjects(
        featured.subjects.select_related("official"), seeded.event_date
    )
    assert composed == (
        "Kapolres Kobar AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa "
        "(tengah) dan Kaban Kesbangpol Kobar Edie Faganti (kanan)"
    )
    assert "Pj. Bupati Kobar Budi Santosa (tengah)" in photos[0].effective_caption


def test_seed_story_has_tags_related_story_agencies_and_officials(seeded):
    assert {"pilkada 2024", "pengamanan"} <= {t.name for t in seeded.tags.all()}
    related = list(seeded.related.all())
    assert [r.title for r in related] == [
        "Puskesmas Semanggang Raih Juara Kedua Puskesmas Perdesaan FKTP Berprestasi "
        "Tingkat Nasional"
    ]
    assert Article.objects.visible().filter(pk=related[0].pk).exists()
    assert {a.short_name for a in seeded.agencies.all()} >= {
        "Pemkab Kobar",
        "Polres Kobar",
        "Kesbangpol Kobar",
        "KPU Kab. Kobar",
        "Bawaslu Kobar",
        "Kodim 1014/Pbn",
        "Lanud Iskandar",
    }
    assert seeded.contributing_agency.short_name == "Kesbangpol Kobar"
    assert {o.display_name for o in seeded.officials.all()} == {
        "Budi Santosa",
        "AKBP Yusfandi Usman",
        "Edie Faganti",
    }


def test_seed_fills_every_listing(seeded):
    assert Article.objects.visible().count() >= 12


def test_second_run_changes_no_counts(seeded):
    before = model_counts()
    call_command("seed_demo", verbosity=0)
    assert model_counts() == before


def test_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert not Article.objects.exists()
    call_command("seed_demo", "--force", verbosity=0)
    assert Article.objects.filter(slug=SEED_SLUG).exists()


def test_every_paragraph_of_the_seed_story_reaches_the_reader(seeded, client):
    """The story as published in the source (tests/articles/data/), paragraph by
    paragraph, is on the public page: title, captions, dateline, body, credit."""
    from pathlib import Path

    from lxml import html

    source = Path(__file__).parent / "data" / "seed-article.txt"
    paragraphs = [
        " ".join(p.split()) for p in source.read_text().split("\n\n") if p.strip()
    ]
    page = client.get(seeded.get_absolute_url())
    text = " ".join(html.fromstring(page.content).text_content().split())
    missing = [p for p in paragraphs if p not in text]
    assert not missing
    assert len(paragraphs) == 14


def test_seed_stories_went_through_the_workflow(seeded):
    from articles.models import ArticleEvent

    actions = list(
        ArticleEvent.objects.filter(article=seeded)
        .order_by("pk")
        .values_list("action", "actor__username")
    )
    assert actions == [("submit", "humas.kesbangpol"), ("publish", "redaktur")]
    assert seeded.revisions.exists()
    assert (
        not ArticleEvent.objects.filter(article__in=Article.objects.visible())
        .exclude(action__in=["submit", "publish"])
        .exists()
    )


def test_seed_demo_prints_each_demo_users_totp_key(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()
    for username in ("admin", "redaktur", "humas.kesbangpol"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        secret = base64.b32encode(device.bin_key).decode()
        assert f"Pengguna demo {username}: kunci TOTP {secret}" in printed
