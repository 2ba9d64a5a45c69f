"""A humas writer's path through the admin, in a real browser: the seed story
typed into the story form with its photo picked from a row of its own, and
the people in the photo placed from its panel once the story is saved."""

import datetime
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, PhotoSubject
from tests.browser.conftest import admin_login, choose, save
from tests.support.factories import (
    AgencyFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPHS = [
    "Pj Bupati Kotawaringin Barat (kobar) menghadiri kegiatan Rapat Koordinasi "
    "(Rakor) Lintas Sektoral dalam rangka Pengamanan Kegiatan Pilkada Serentak "
    "tahun 2024, Selasa (04/06/24).",
    "”Sehingga yang menjadi kendala atau hambatan bisa teratasi,” ungkapnya.",
    '"Ini hal yang sangat berat," ungkap Yusfandi.',
]
CAPTION = (
    "Kapolres AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa (tengah) "
    "dan Kaban Kesbangpol Kobar Edie Faganti (kanan) saat memberikan arahan."
)


@pytest.fixture
def newsroom():
    category = CategoryFactory(name="Politik dan Pemilu")
    polres = AgencyFactory(short_name="Polres Kobar", name="Kepolisian Resor Kobar")
    kesbangpol = AgencyFactory(short_name="Kesbangpol Kobar", name="Badan Kesbangpol")
    pemkab = AgencyFactory(short_name="Pemkab Kobar", name="Pemerintah Kab. Kobar")
    people = {}
    for key, name, rank, agency, short_title in [
        ("kapolres", "Yusfandi Usman", "AKBP", polres, "Kapolres Kobar"),
        ("bupati", "Budi Santosa", "", pemkab, "Pj. Bupati Kobar"),
        ("kaban", "Edie Faganti", "", kesbangpol, "Kaban Kesbangpol Kobar"),
    ]:
        people[key] = OfficialFactory(name=name, rank=rank)
        PositionFactory(
            official=people[key],
            agency=agency,
            short_title=short_title,
            start_date=datetime.date(2023, 1, 1),
        )
    user = UserFactory(username="penulis", is_staff=True, is_superuser=True)
    return category, kesbangpol, people, user


def photo_file(tmp_path):
    path = tmp_path / "DSC_0042.JPG"
    Image.new("RGB", (1600, 1067), (40, 90, 160)).save(path, "JPEG")
    return path


def test_writer_enters_the_seed_story_through_the_admin(
    page, live_server, newsroom, tmp_path, artifacts
):
    category, kesbangpol, people, user = newsroom
    admin_login(page, live_server, "penulis", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    page.fill(
        "#id_title", "Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024"
    )
    page.fill("#id_summary", "Pj Bupati Kobar menghadiri Rakor pengamanan Pilkada.")
    editor = page.locator(".ck-editor__editable")
    editor.click()
    expect(editor).to_be_focused()
    for paragraph in PARAGRAPHS:
        page.keyboard.insert_text(paragraph)
        page.keyboard.press("Enter")
    expect(page.locator("#id_body")).to_have_value(re.compile("ungkap Yusfandi"))
    page.fill("#id_event_date", "04/06/2024")
    page.fill("#id_event_place", "Aula Setya Haprabu Polres Kobar")
    choose(page, "category", "Politik")
    page.fill("#id_tags", "pilkada 2024, pengamanan")
    for term in ("Yusfandi", "Budi", "Edie"):
        choose(page, "officials", term)
    choose(page, "agencies", "Kesbangpol")
    choose(page, "contributing_agency", "Kesbangpol")
    page.fill("#id_credit_line", "humas kesbangpol")
    page.click("#photos-group .add-row a")  # a row to pick or upload one photo
    expect(page.locator("#id_photos-0-role")).to_have_value("featured")
    page.set_input_files("#id_photos-0-upload", photo_file(tmp_path))
    page.fill("#id_photos-0-caption", CAPTION)
    page.fill("#id_photos-0-alt_text", "Tiga pejabat memberi arahan di aula.")
    save(page, "input[name=_continue]")
    page.screenshot(path=artifacts / "admin-story-saved.png", full_page=True)
    # The saved photo's role, order and delete box are on screen at 1280 px.
    for control in ("role", "order", "DELETE"):
        box = page.locator(f"#id_photos-0-{control}").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280, control
    article = Article.objects.get()
    assert article.author == user
    assert article.event_date == datetime.date(2024, 6, 4)
    for paragraph in PARAGRAPHS:
        assert paragraph.replace('"', "&quot;") in article.body or paragraph in (
            article.body
        )
    assert set(article.officials.values_list("name", flat=True)) == {
        "Yusfandi Usman",
        "Budi Santosa",
        "Edie Faganti",
    }
    featured = article.photos.get()
    assert featured.photo.caption == CAPTION
    assert featured.photo.renditions.count() == 10

    # Place the people in the saved photo, from its panel on the same page.
    photo_id = featured.photo_id
    panel = page.locator(f"#desk-people-{photo_id}")
    for count, (key, place) in enumerate(
        [("kapolres", "kiri"), ("bupati", "tengah"), ("kaban", "kanan")], start=1
    ):
        choose(page, f"desk-{photo_id}-official", people[key].name.split()[0])
        page.select_option(f"#id_desk-{photo_id}-place", place)
        with page.expect_response(lambda r: "/orang/" in r.url):
            panel.get_by_role("button", name="Tandai di foto").click()
        expect(panel.locator(".desk-people-list li")).to_have_count(count)
    assert list(
        PhotoSubject.objects.order_by("order", "pk").values_list("place", flat=True)
    ) == ["kiri", "tengah", "kanan"]
    expect(panel.locator(".desk-suggested-text")).to_have_text(
        "Kapolres Kobar AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa "
        "(tengah) dan Kaban Kesbangpol Kobar Edie Faganti (kanan)"
    )
    page.screenshot(path=artifacts / "admin-photo-subjects.png", full_page=True)
