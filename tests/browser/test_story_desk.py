"""The humas desk in a real browser: a contributor writes the seed story on
one screen, on a laptop and on a phone — three photos uploaded at once,
captions and credits, three officials placed in the first photo with the
proposed caption applied, submitted — with no second tab and no save before
the photos. Screenshots of each step go to test-artifacts/."""

import datetime

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.management.commands.seed_demo import (
    SEED_PARAGRAPHS_AFTER_PHOTO,
    SEED_PARAGRAPHS_BEFORE_PHOTO,
    SEED_PLACE,
    SEED_SUMMARY,
    SEED_TITLE,
)
from articles.models import Article, PhotoSubject
from tests.browser.conftest import admin_login, choose, leave
from tests.support.factories import (
    AgencyFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
)
from tests.support.newsroom import contributor

pytestmark = pytest.mark.django_db(transaction=True)

SUGGESTED = (
    "Kapolres Kobar AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa "
    "(tengah) dan Kaban Kesbangpol Kobar Edie Faganti (kanan)"
)
PARTICIPANTS = "Para peserta Rakor lintas sektoral pengamanan Pilkada 2024."
CREDIT = "Foto: Humas Kesbangpol Kobar"
VIEWPORTS = {"laptop": (1280, 900), "phone": (390, 844)}

# Elements that stick out past the right edge of the screen, as the browser
# lays them out (hidden ones and select2's screen-reader copies aside).
WIDER_THAN_SCREEN = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (element.closest(".select2-hidden-accessible, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > limit) {
      wide.push(`${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
    }
  }
  return {wide: wide.slice(0, 10), scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth};
}"""


@pytest.fixture
def desk_newsroom():
    category = CategoryFactory(name="Politik dan Pemilu")
    kesbangpol = AgencyFactory(short_name="Kesbangpol Kobar", name="Badan Kesbangpol")
    polres = AgencyFactory(short_name="Polres Kobar", name="Kepolisian Resor Kobar")
    pemkab = AgencyFactory(short_name="Pemkab Kobar", name="Pemerintah Kab. Kobar")
    for name, rank, agency, short_title in [
        ("Yusfandi Usman", "AKBP", polres, "Kapolres Kobar"),
        ("Budi Santosa", "", pemkab, "Pj. Bupati Kobar"),
        ("Edie Faganti", "", kesbangpol, "Kaban Kesbangpol Kobar"),
    ]:
        PositionFactory(
            official=OfficialFactory(name=name, rank=rank),
            agency=agency,
            short_title=short_title,
            start_date=datetime.date(2023, 1, 1),
        )
    writer = contributor(kesbangpol, username="humas.kesbangpol")
    return category, writer


def photo_files(tmp_path):
    paths = []
    for n, color in enumerate([(40, 90, 160), (160, 90, 40), (60, 140, 60)]):
        path = tmp_path / f"DSC_00{42 + n}.JPG"
        Image.new("RGB", (1600, 1067), color).save(path, "JPEG")
        paths.append(path)
    return paths


def assert_fits(page, step):
    layout = page.evaluate(WIDER_THAN_SCREEN)
    assert layout["wide"] == [], f"{step}: wider than the screen: {layout}"
    assert layout["scroll"] <= layout["width"], f"{step}: scrolls sideways: {layout}"


def shot(page, artifacts, name, step):
    page.screenshot(path=artifacts / f"desk-{name}-{step}.png", full_page=True)


def photo_rows(page):
    return page.locator("#photos-group .inline-related:not(.empty-form)")


@pytest.mark.parametrize("name", VIEWPORTS)
def test_contributor_writes_the_seed_story_on_one_screen(
    browser, live_server, desk_newsroom, tmp_path, artifacts, name
):
    width, height = VIEWPORTS[name]
    context = browser.new_context(
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        viewport={"width": width, "height": height},
        is_mobile=name == "phone",
        has_touch=name == "phone",
    )
    page = context.new_page()
    pages_opened = []
    context.on("page", lambda opened: pages_opened.append(opened))
    admin_login(page, live_server, "humas.kesbangpol", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    # 1. The text.
    page.fill("#id_title", SEED_TITLE)
    page.fill("#id_summary", SEED_SUMMARY)
    page.fill("#id_dateline", "MMC Kobar")
    editor = page.locator(".ck-editor__editable")
    editor.click()
    expect(editor).to_be_focused()
    for paragraph in [p for p in SEED_PARAGRAPHS_BEFORE_PHOTO if p] + (
        SEED_PARAGRAPHS_AFTER_PHOTO
    ):
        page.keyboard.insert_text(paragraph)
        page.keyboard.press("Enter")
    page.fill("#id_event_date", "04/06/2024")
    page.fill("#id_event_place", SEED_PLACE)
    choose(page, "category", "Politik")
    page.fill("#id_tags", "pilkada 2024, pengamanan")
    assert_fits(page, "text")
    shot(page, artifacts, name, "1-teks")

    # 2. Three photos at once, before any save.
    page.set_input_files("#desk-files", photo_files(tmp_path))
    expect(page.locator("#desk-upload-list li[data-state=done]")).to_have_count(3)
    expect(photo_rows(page)).to_have_count(3)
    assert Article.objects.count() == 0
    expect(page.locator("#id_photos-0-role")).to_have_value("featured")
    expect(page.locator("#id_photos-1-role")).to_have_value("gallery")
    expect(photo_rows(page).first.locator("img.desk-thumb")).to_be_visible()
    assert_fits(page, "uploaded")
    shot(page, artifacts, name, "2-foto-terunggah")

    # 3. Captions, credits and alt text.
    for index in (1, 2):
        page.fill(f"#id_photos-{index}-caption", PARTICIPANTS)
    for index in range(3):
        page.fill(f"#id_photos-{index}-credit", CREDIT)
        page.fill(f"#id_photos-{index}-alt_text", "Peserta rakor di aula.")
    page.fill(
        "#id_photos-0-alt_text", "Tiga pejabat memberi arahan di meja depan aula."
    )

    # 4. The officials in the first photo, and the proposed caption applied.
    first = photo_rows(page).first
    photo_id = page.locator("#id_photos-0-photo").input_value()
    panel = first.locator(".desk-people")
    for count, (term, place) in enumerate(
        [("Yusfandi", "kiri"), ("Budi", "tengah"), ("Edie", "kanan")], start=1
    ):
        choose(page, f"desk-{photo_id}-official", term)
        page.select_option(f"#id_desk-{photo_id}-place", place)
        with page.expect_response(lambda r: "/orang/" in r.url):
            panel.get_by_role("button", name="Tandai di foto").click()
        panel = first.locator(".desk-people")
        expect(panel.locator(".desk-people-list li")).to_have_count(count)
    expect(panel.locator(".desk-suggested-text")).to_have_text(SUGGESTED)
    panel.get_by_role("button", name="Pakai keterangan usulan").click()
    expect(page.locator("#id_photos-0-caption")).to_have_value(SUGGESTED)
    page.fill("#id_photos-0-caption", SUGGESTED + " saat memberikan arahan.")
    assert_fits(page, "people")
    shot(page, artifacts, name, "3-orang-di-foto")

    # 5. Submitted, in one go.
    with page.expect_event("load"):
        page.click("button.wf-submit")
    expect(page.locator(".messagelist .success").first).to_be_visible()
    assert page.locator(".errornote, .errorlist").all_inner_texts() == []
    shot(page, artifacts, name, "4-diajukan")
    # The copy of the text kept on the device is gone once the save went through.
    kept = page.evaluate("Object.keys(localStorage)")
    assert [key for key in kept if key.startswith("warta-desk")] == []
    assert pages_opened == [], "the story was written in one tab"

    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert "ungkap Yusfandi" in article.body
    rows = list(article.photos.select_related("photo").order_by("order"))
    assert [row.role for row in rows] == ["featured", "gallery", "gallery"]
    assert rows[0].effective_caption == SUGGESTED + " saat memberikan arahan."
    assert rows[0].photo.caption == SUGGESTED + " saat memberikan arahan."
    assert {row.photo.credit for row in rows} == {CREDIT}
    assert rows[1].effective_caption == PARTICIPANTS
    assert list(
        PhotoSubject.objects.filter(photo=rows[0].photo)
        .order_by("order")
        .values_list("official__name", "place")
    ) == [
        ("Yusfandi Usman", "kiri"),
        ("Budi Santosa", "tengah"),
        ("Edie Faganti", "kanan"),
    ]
    leave(page)
    context.close()


def test_a_failed_upload_is_retried_on_a_phone_without_losing_the_text(
    browser, live_server, desk_newsroom, tmp_path, artifacts
):
    context = browser.new_context(
        locale="id-ID", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    admin_login(page, live_server, "humas.kesbangpol", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", SEED_TITLE)
    page.fill("#id_summary", SEED_SUMMARY)

    dropped = []

    def drop_first(route):
        if not dropped:
            dropped.append(route.request.url)
            route.abort("connectionreset")  # the signal drops mid-upload
        else:
            route.continue_()

    page.route("**/meja/foto/", drop_first)
    page.set_input_files("#desk-files", photo_files(tmp_path)[:1])
    failed = page.locator("#desk-upload-list li[data-state=failed]")
    expect(failed).to_contain_text("koneksi terputus")
    expect(photo_rows(page)).to_have_count(0)
    shot(page, artifacts, "phone", "unggah-gagal")
    failed.get_by_role("button", name="Coba lagi").click()
    expect(page.locator("#desk-upload-list li[data-state=done]")).to_have_count(1)
    expect(photo_rows(page)).to_have_count(1)
    expect(page.locator("#id_photos-0-role")).to_have_value("featured")
    expect(page.locator("#id_title")).to_have_value(SEED_TITLE)
    expect(page.locator("#id_summary")).to_have_value(SEED_SUMMARY)
    assert len(dropped) == 1
    assert_fits(page, "retried")
    leave(page)
    context.close()
