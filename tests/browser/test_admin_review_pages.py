"""The review pages in a real browser at a laptop's and a phone's width: the
dashboards by role, a submitted story read as readers will see it, the
comparison with what the editor last reviewed, the queue. Each page is
screenshotted (test-artifacts/review-*.png), is no wider than the screen and
shows no stock English string, the text drawn by scripts included."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles import workflow
from articles.models import AgencyMembership, Article, ArticlePhoto, PhotoSubject
from articles.revisions import revision_record
from tests.browser.conftest import admin_login
from tests.support.english import english_in
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
    UserFactory,
)
from tests.support.newsroom import ensure_roles
from tests.support.photos import PhotoFactory
from tests.support.stories import SEED_BODY

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [1280, 390]


@pytest.fixture
def desk(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_roles()
    category = CategoryFactory(name="Politik dan Pemilu")
    agency = AgencyFactory(short_name="Kesbangpol Kobar", name="Badan Kesbangpol")
    writer = UserFactory(
        username="humas.kesbangpol", first_name="Humas Kesbangpol", is_staff=True
    )
    writer.groups.add(Group.objects.get(name="Kontributor"))
    AgencyMembership.objects.create(user=writer, agency=agency)
    editor = UserFactory(username="redaktur", first_name="Redaktur MMC", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktur"))

    def story(title, **kwargs):
        article = ArticleFactory(
            title=title,
            summary="Pj Bupati Kobar menghadiri Rakor lintas sektoral.",
            body=SEED_BODY,
            category=category,
            contributing_agency=agency,
            author=writer,
            **kwargs,
        )
        photo = PhotoFactory(uploaded_by=writer, credit="Foto: Humas Kesbangpol")
        ArticlePhoto.objects.create(article=article, photo=photo, role="featured")
        return article, photo

    reviewed, photo = story("Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada 2024")
    revision_record(article=reviewed, by=writer)
    workflow.article_submit(article=reviewed, by=writer)
    workflow.article_request_changes(
        article=reviewed, by=editor, comment="Sebutkan siapa saja di foto."
    )
    PhotoSubject.objects.create(
        photo=photo, official=OfficialFactory(name="Budi Santosa"), place="tengah"
    )
    photo.credit = "Foto: Humas Polres Kobar"
    photo.save()
    reviewed.title = "Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024"
    reviewed.save()
    revision_record(article=reviewed, by=writer)
    workflow.article_submit(article=reviewed, by=writer)

    sent_back, _photo = story("Posyandu balita di Arut Selatan")
    workflow.article_submit(article=sent_back, by=writer)
    workflow.article_request_changes(
        article=sent_back,
        by=editor,
        comment="Tambahkan jumlah balita yang ditimbang dan nama bidan desa.",
    )
    story("Draf: vaksinasi di puskesmas")
    scheduled, _photo = story("Jadwal: pasar murah menjelang Natal")
    workflow.article_publish(
        article=scheduled,
        by=editor,
        at=timezone.now() + datetime.timedelta(days=2),
    )
    today, _photo = story("Terbit: rapat paripurna DPRD")
    workflow.article_publish(article=today, by=editor)
    return writer, editor, reviewed


def admin_url(live_server, name, *args):
    return live_server.url + reverse(name, args=args)


def check(page, artifacts, name, *, fits=True):
    """Screenshot the page at each width; it fits the screen and shows no
    stock English string."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_load_state()
        page.screenshot(path=artifacts / f"review-{name}-{width}.png", full_page=True)
        if fits:
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, f"{name} at {width}px is {overflow}px too wide"
        text = page.locator("body").inner_text()
        assert english_in(" ".join(text.split())) == [], name


def test_contributor_pages_at_laptop_and_phone_width(
    page, live_server, desk, artifacts
):
    writer, _editor, reviewed = desk
    admin_login(page, live_server, writer.username, "rahasia-warta-123")
    board = page.locator("#contributor-board")
    expect(board.locator("#board-changes_requested")).to_contain_text("nama bidan desa")
    check(page, artifacts, "contributor-dashboard")

    page.goto(admin_url(live_server, "admin:articles_article_change", reviewed.pk))
    story = page.locator("#story-read")
    expect(story.locator(".body p").first).to_contain_text("Pj Bupati Kotawaringin")
    expect(story.locator("figcaption .credit")).to_have_text("Foto: Humas Polres Kobar")
    expect(story).to_contain_text("Budi Santosa (tengah)")
    expect(page.locator("button[value=withdraw]")).to_be_visible()
    check(page, artifacts, "contributor-story-read")

    page.goto(admin_url(live_server, "admin:articles_article_history", reviewed.pk))
    check(page, artifacts, "contributor-history", fits=False)


def test_editor_pages_at_laptop_and_phone_width(page, live_server, desk, artifacts):
    _writer, editor, reviewed = desk
    admin_login(page, live_server, editor.username, "rahasia-warta-123")
    expect(page.locator("#board-queue")).to_contain_text("Antrean redaksi (1)")
    expect(page.locator("#board-calendar")).to_contain_text("pasar murah")
    expect(page.locator("#board-today")).to_contain_text("rapat paripurna")
    check(page, artifacts, "editor-dashboard")

    page.goto(admin_url(live_server, "admin:articles_article_change", reviewed.pk))
    page.click("text=Perubahan sejak review terakhir")
    expect(page.locator("#compare-kind")).to_have_text(
        "Perubahan sejak review terakhir"
    )
    expect(page.locator("#diff-title ins")).to_have_text(" Serentak")
    photos = page.locator("#diff-photos")
    expect(photos.locator(".photo-credit ins")).to_have_text("Polres Kobar")
    expect(photos).to_contain_text("+ orang di foto: Budi Santosa (tengah)")
    check(page, artifacts, "editor-compare")

    page.goto(admin_url(live_server, "admin:articles_articleinreview_changelist"))
    expect(page.locator("h1")).to_contain_text("Antrean redaksi: berita menunggu")
    check(page, artifacts, "editor-queue", fits=False)
    assert Article.objects.get(pk=reviewed.pk).status == Article.Status.IN_REVIEW
