"""A story shaped like the seed article, with its world, for the public-site tests."""

import datetime

from django.utils import timezone

from articles.models import Article, ArticlePhoto, PhotoSubject
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
)
from tests.support.photos import PhotoFactory

SEED_BODY = (
    "<p>Pj Bupati Kotawaringin Barat (kobar) menghadiri kegiatan Rapat Koordinasi "
    "(Rakor) Lintas Sektoral dalam rangka Pengamanan Kegiatan Pemilihan Kepala "
    "daerah (Pilkada) Serentak tahun 2024 di Aula Setya Haprabu Polres Kobar.</p>"
    "<p>Kapolres Kobar AKBP Yusfandi Usman meminta semua pihak mengamankan "
    "tahapan Pilkada bersama TNI/Polri.</p>"
)


def seed_story(
    *,
    photos=2,
    officials=3,
    agencies=2,
    tags=("pilkada 2024", "keamanan"),
    published_at=None,
    title="Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024",
    featured_width=1200,
):
    """A visible story with a featured photo, gallery photos, officials with
    positions on its date, agencies, tags and a category."""
    category = CategoryFactory(name="Politik dan Pemilu", slug="politik-pemilu")
    polres = AgencyFactory(
        name="Kepolisian Resor Kotawaringin Barat",
        short_name="Polres Kobar",
        slug="polres-kobar",
        kind="police",
    )
    article = ArticleFactory(
        title=title,
        summary="Pj Bupati Kobar menghadiri Rakor lintas sektoral pengamanan Pilkada.",
        body=SEED_BODY,
        category=category,
        contributing_agency=polres,
        credit_line="humas kesbangpol",
        dateline="MMC Kobar",
        event_date=datetime.date(2024, 6, 4),
        event_place="Aula Setya Haprabu Polres Kobar",
        status=Article.Status.PUBLISHED,
        published_at=published_at or timezone.now() - datetime.timedelta(hours=2),
    )
    article.tags.add(*tags)
    people = []
    for i in range(officials):
        official = OfficialFactory(
            name=f"Pejabat Kobar {i}", rank="AKBP" if i == 0 else ""
        )
        # An old position that ended before the story, and the one held on its date.
        PositionFactory(
            official=official,
            agency=polres,
            title="Wakil Kepala",
            short_title=f"Waka {i}",
            start_date=datetime.date(2019, 1, 1),
            end_date=datetime.date(2022, 12, 31),
        )
        PositionFactory(
            official=official,
            agency=polres,
            title=f"Kepala Bagian {i}",
            short_title=f"Kabag {i} Kobar",
            start_date=datetime.date(2023, 1, 1),
        )
        people.append(official)
    article.officials.add(*people)
    article.agencies.add(
        polres, *[AgencyFactory(parent=polres) for _ in range(agencies - 1)]
    )
    for i in range(photos):
        photo = PhotoFactory(
            image_width=featured_width if i == 0 else 800,
            image_height=800 if i == 0 else 600,
            caption=f"Keterangan foto {i}",
            credit="Foto: Humas Polres Kobar",
        )
        ArticlePhoto.objects.create(
            article=article,
            photo=photo,
            role=ArticlePhoto.Role.FEATURED if i == 0 else ArticlePhoto.Role.GALLERY,
            order=i,
        )
        for place, official in zip(["kiri", "tengah", "kanan"], people, strict=False):
            PhotoSubject.objects.create(photo=photo, official=official, place=place)
    return article
