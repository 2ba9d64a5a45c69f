"""The directories (portal/listings.py): officials in office, agencies by kind,
categories with their stories; paginated to the nearest real page."""

import datetime
import re

import pytest
from django.utils import timezone

from articles.models import Agency, Article
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


def _html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _section(html, heading):
    """The text of the <section> whose <h2> holds ``heading``."""
    for section in re.findall(r"<section>(.*?)</section>", html, re.S):
        if heading in re.search(r"<h2>(.*?)</h2>", section, re.S).group(1):
            return section
    raise AssertionError(f"no section {heading!r}")


def test_officials_are_listed_by_agency_with_the_position_held_today(client):
    polres = AgencyFactory(name="Kepolisian Resor Uji", short_name="Polres Uji")
    dinkes = AgencyFactory(name="Dinas Kesehatan Uji", short_name="Dinkes Uji")
    kapolres = OfficialFactory(name="Budi Santoso", rank="AKBP")
    PositionFactory(official=kapolres, agency=polres, title="Kapolres")
    PositionFactory(
        official=kapolres,
        agency=dinkes,
        title="Jabatan Lama",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    kadinkes = OfficialFactory(name="Siti Aminah")
    PositionFactory(official=kadinkes, agency=dinkes, title="Kepala Dinas")
    retired = OfficialFactory(name="Pensiunan Uji", is_active=False)
    PositionFactory(official=retired, agency=dinkes, title="Sekretaris")

    html = _html(client, "/pejabat/")

    polres_section = _section(html, "Kepolisian Resor Uji")
    assert "AKBP Budi Santoso</a> — Kapolres" in polres_section
    dinkes_section = _section(html, "Dinas Kesehatan Uji")
    assert "Siti Aminah</a> — Kepala Dinas" in dinkes_section
    assert "Jabatan Lama" not in html
    assert "Pensiunan Uji" not in html


def test_agencies_are_grouped_by_kind_and_inactive_ones_left_out(client):
    AgencyFactory(name="Kepolisian Resor Uji", kind=Agency.Kind.POLICE)
    AgencyFactory(name="Komisi Pemilihan Umum Uji", kind=Agency.Kind.ELECTION)
    AgencyFactory(name="Dinas Lama Uji", is_active=False)

    html = _html(client, "/instansi/")

    assert "Kepolisian Resor Uji" in _section(html, "Kepolisian")
    assert "Komisi Pemilihan Umum Uji" in _section(html, "Penyelenggara pemilu")
    assert html.index("<h2>Kepolisian</h2>") < html.index(
        "<h2>Penyelenggara pemilu</h2>"
    )
    assert "Dinas Lama Uji" not in html


def test_categories_show_their_visible_stories_count_and_newest_story(client):
    category = CategoryFactory(name="Kesehatan")
    ArticleFactory(
        published=True,
        category=category,
        title="Berita lama",
        published_at=timezone.now() - datetime.timedelta(days=3),
    )
    ArticleFactory(published=True, category=category, title="Berita terbaru")
    ArticleFactory(category=category, title="Draf rahasia")
    ArticleFactory(
        category=category,
        title="Berita terjadwal",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    CategoryFactory(name="Rubrik Kosong")

    html = _html(client, "/kategori/").split('<div class="directory">')[1]

    entry = re.search(r"<li><a href=\"/kategori/kesehatan/\">.*?</li>", html, re.S)
    assert "(2 berita)" in entry.group(0)
    assert "Berita terbaru" in entry.group(0)
    assert "Draf rahasia" not in html
    assert "Berita terjadwal" not in html
    assert 'Rubrik Kosong</a> <span class="meta">(0 berita)' in html


def test_a_long_directory_is_paginated_and_a_bad_page_gives_the_nearest(client):
    for i in range(55):
        AgencyFactory(name=f"Badan Uji {i:02d}", short_name=f"Uji {i:02d}")

    first = _html(client, "/instansi/")
    second = client.get("/instansi/?page=2")
    assert "Halaman 1 dari 2" in first
    assert 'href="?page=2"' in first
    assert "Halaman 2 dari 2" in second.content.decode()
    assert "public" in second["Cache-Control"]

    too_high = client.get("/instansi/?page=999")
    assert too_high.status_code == 200
    assert "Halaman 2 dari 2" in too_high.content.decode()
    assert "private" in too_high["Cache-Control"]  # shown, never stored
    not_a_number = client.get("/instansi/?page=abc")
    assert not_a_number.status_code == 200
    assert "Halaman 1 dari 2" in not_a_number.content.decode()
    assert "private" in not_a_number["Cache-Control"]


@pytest.mark.parametrize("path", ["/pejabat/", "/instansi/", "/kategori/"])
def test_each_directory_is_cached_and_refreshed_on_change(
    client, path, django_capture_on_commit_callbacks
):
    assert client.get(path)["X-Warta-Cache"] == "miss"
    assert client.get(path)["X-Warta-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        PositionFactory(
            official=OfficialFactory(name="Pejabat Baru"),
            agency=AgencyFactory(name="Instansi Baru Uji"),
        )
        CategoryFactory(name="Rubrik Baru")
    response = client.get(path)
    assert response["X-Warta-Cache"] == "miss"
    assert re.search(
        "Pejabat Baru|Instansi Baru Uji|Rubrik Baru", response.content.decode()
    )
