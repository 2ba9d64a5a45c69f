"""The newsroom's loop in a real browser: a humas contributor writes the seed
story with its photo and submits it; the editor asks for changes with a
comment; the contributor reads the comment, edits and resubmits; the editor
sees what changed and publishes; the story is on the public page; the editor
takes it down with the guideline's reason and undoes it."""

import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from articles.models import AgencyMembership, Article
from tests.browser.conftest import admin_login, choose, save
from tests.support.factories import AgencyFactory, CategoryFactory, UserFactory
from tests.support.newsroom import ensure_roles

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024"
PARAGRAPHS = [
    "Pj Bupati Kotawaringin Barat (kobar) menghadiri kegiatan Rapat Koordinasi "
    "(Rakor) Lintas Sektoral dalam rangka Pengamanan Kegiatan Pilkada Serentak "
    "tahun 2024 yang dilaksanakan di Aula Setya Haprabu Polres Kobar.",
    "Kegiatan rakor bertujuan merumuskan persamaan persepsi dalam kegiatan "
    "Pilkada jika terjadi hal – hal yang tidak diinginkan.",
]
CAPTION = (
    "Kapolres AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa (tengah) "
    "dan Kaban Kesbangpol Kobar Edie Faganti (kanan) saat memberikan arahan."
)
COMMENT = "Tambahkan kutipan Kaban Kesbangpol tentang partisipasi pemilih."
ADDED = "“Partisipasi pemilu di Kabupaten Kobar pada 2024 mencapai 75%,” kata Edie."


@pytest.fixture
def people(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_roles()
    CategoryFactory(name="Politik dan Pemilu")
    kesbangpol = AgencyFactory(short_name="Kesbangpol Kobar", name="Badan Kesbangpol")
    writer = UserFactory(
        username="humas.kesbangpol", first_name="Humas Kesbangpol", is_staff=True
    )
    writer.groups.add(Group.objects.get(name="Kontributor"))
    AgencyMembership.objects.create(user=writer, agency=kesbangpol)
    editor = UserFactory(username="redaktur", first_name="Redaktur MMC", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktur"))
    return writer, editor


def logout(page, live_server):
    page.context.clear_cookies()


def test_contributor_and_editor_take_the_seed_story_from_draft_to_the_site(
    page, live_server, people, tmp_path, artifacts
):
    photo = tmp_path / "DSC_0042.JPG"
    Image.new("RGB", (1600, 1067), (40, 90, 160)).save(photo, "JPEG")

    # 1. The contributor writes the story with its photo and submits it.
    admin_login(page, live_server, "humas.kesbangpol", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    assert page.locator("#id_contributing_agency").count() == 0  # not theirs to set
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Pj Bupati Kobar menghadiri Rakor pengamanan Pilkada.")
    editor = page.locator(".ck-editor__editable")
    editor.click()
    expect(editor).to_be_focused()
    for paragraph in PARAGRAPHS:
        page.keyboard.insert_text(paragraph)
        page.keyboard.press("Enter")
    expect(page.locator("#id_body")).to_have_value(re.compile("tidak diinginkan"))
    choose(page, "category", "Politik")
    page.fill("#id_tags", "pilkada 2024, pengamanan")
    page.fill("#id_credit_line", "humas kesbangpol")
    page.click("#photos-group .add-row a")  # a row to pick or upload one photo
    expect(page.locator("#id_photos-0-role")).to_have_value("featured")
    page.set_input_files("#id_photos-0-upload", photo)
    page.fill("#id_photos-0-caption", CAPTION)
    page.fill("#id_photos-0-alt_text", "Tiga pejabat memberi arahan di aula.")
    save(page, "button[name=_transition][value=submit]")
    page.screenshot(path=artifacts / "workflow-1-submitted.png", full_page=True)
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert "Menunggu review" in page.inner_text("#workflow-status")
    logout(page, live_server)

    # 2. The editor finds it in the queue and asks for changes with a comment.
    admin_login(page, live_server, "redaktur", "rahasia-warta-123")
    assert "1 berita menunggu review" in page.inner_text("#review-queue-summary")
    page.click("#review-queue-summary a")
    page.wait_for_url(re.compile(r"/admin/articles/articleinreview/(\?.*)?$"))
    page.click(f"text={TITLE}")
    page.wait_for_url(re.compile(rf"/{article.pk}/change/(\?.*)?$"))
    page.fill("#id_workflow_comment", COMMENT)
    save(page, "button[name=_transition][value=request_changes]")
    article.refresh_from_db()
    assert article.status == Article.Status.CHANGES_REQUESTED
    logout(page, live_server)

    # 3. The contributor sees the comment, edits and resubmits.
    admin_login(page, live_server, "humas.kesbangpol", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert COMMENT in page.inner_text("#workflow-note")
    page.screenshot(path=artifacts / "workflow-2-changes-requested.png", full_page=True)
    editable = page.locator(".ck-editor__editable")
    editable.click()
    expect(editable).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(ADDED)
    expect(page.locator("#id_body")).to_have_value(re.compile("kata Edie"))
    save(page, "button[name=_transition][value=submit]")
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    logout(page, live_server)

    # 4. The editor sees what changed since they sent it back, and publishes.
    admin_login(page, live_server, "redaktur", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("text=/Perubahan sejak/")
    expect(page.locator("#diff-body")).to_be_visible()
    page.wait_for_load_state()
    inserted = " ".join(page.locator("#diff-body ins").all_inner_texts())
    assert "75%" in inserted and "kata Edie" in inserted
    page.screenshot(path=artifacts / "workflow-3-what-changed.png", full_page=True)
    page.click("text=Kembali ke berita")
    page.wait_for_url(re.compile(rf"/{article.pk}/change/(\?.*)?$"))
    save(page, "button[name=_transition][value=publish]")
    assert Article.objects.visible().filter(pk=article.pk).exists()
    page.screenshot(path=artifacts / "workflow-4-published.png", full_page=True)

    # 5. Readers see it.
    logout(page, live_server)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert TITLE in page.inner_text("h1")
    assert "kata Edie" in page.content()
    page.screenshot(path=artifacts / "workflow-5-public.png", full_page=True)

    # 6. The editor takes it down for a reason the guideline names, publicly;
    #    readers get the notice, then the editor undoes the mistaken takedown.
    admin_login(page, live_server, "redaktur", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_workflow_comment", "Menyebut nama korban di bawah umur.")
    with page.expect_event("load"):  # no reason chosen: refused, nothing lost
        page.click("button[name=_transition][value=unpublish]")
    assert "Pilih alasan menurunkan berita" in page.inner_text(".errorlist")
    expect(page.locator("#id_workflow_comment")).to_have_value(
        "Menyebut nama korban di bawah umur."
    )
    assert Article.objects.visible().filter(pk=article.pk).exists()
    page.select_option("#id_workflow_cause", "anak")
    expect(page.locator("#id_workflow_public")).to_be_checked()
    save(page, "button[name=_transition][value=unpublish]")
    assert not Article.objects.visible().filter(pk=article.pk).exists()
    # A new reader (the browser above may keep the story for BROWSER_MAX_AGE).
    reader = page.context.browser.new_page()
    response = reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert response.status == 410
    assert "Menyangkut masa depan anak" in reader.inner_text("main")
    reader.screenshot(path=artifacts / "workflow-6-withdrawn.png", full_page=True)
    reader.close()
    save(page, "button[name=_transition][value=restore]")
    reader = page.context.browser.new_page()
    response = reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert response.status == 200
    assert TITLE in reader.inner_text("h1")
    reader.close()
