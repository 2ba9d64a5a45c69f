"""A reader's journey through the public site in headless Chromium.

home → story → official → agency → tag → search → feed → the press
guideline → officials, agencies and categories, checking what is
shown, that nothing is fetched from another host, and that no page has a
serious or critical axe-core violation. Screenshots of the story page at 390
and 1280 pixels wide are kept in test-artifacts/.
"""

import importlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.apps import apps
from playwright.sync_api import expect

from articles.corrections import correction_add
from articles.models import Article, ArticleCorrection, ArticleEvent
from articles.revisions import revision_record
from articles.workflow import article_unpublish
from tests.support.factories import ArticleFactory
from tests.support.newsroom import editor
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"


@pytest.fixture
def axe():
    if not AXE.exists():
        reason = f"axe-core not installed at {AXE} (run npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; cannot be skipped under CI=true")
        pytest.skip(reason)

    source = AXE.read_text()

    def check(page):
        # Evaluated, not added as an inline <script>: the site's
        # Content-Security-Policy refuses inline scripts.
        page.evaluate(source)
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"{page.url}: {serious}"

    return check


@pytest.fixture
def world():
    story = seed_story(photos=3)
    story.is_headline = True
    story.save()
    for i in range(4):
        other = ArticleFactory(
            published=True,
            title=f"Berita lain nomor {i}",
            category=story.category,
            contributing_agency=story.contributing_agency,
        )
        other.tags.add("pilkada 2024")
    story.related.add(Article.objects.get(title="Berita lain nomor 0"))
    # The fixed pages as the migration makes them (a transactional test before
    # this one may have flushed them).
    importlib.import_module("articles.migrations.0009_pages").create_pages(apps, None)
    return story


def _load_lazy_images(page):
    """Scroll each photo into view and wait until it has loaded, so lazy photos
    show in a full-page shot."""
    for image in page.locator("img:visible").all():
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
    page.evaluate("() => window.scrollTo(0, 0)")


def test_reader_journey(page, live_server, world, artifacts, axe):
    host = urlsplit(live_server.url).netloc
    foreign = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None
        ),
    )

    # Home: the headline story is there; open it.
    page.goto(live_server.url + "/")
    headline = page.locator(".headline h3 a")
    assert headline.inner_text() == world.title
    axe(page)
    headline.click()

    # Story: title, Indonesian date, photo with caption, officials, share.
    page.wait_for_url(f"**{world.get_absolute_url()}")
    assert page.locator("h1").inner_text() == world.title
    assert "WIB" in page.locator(".story .meta time").inner_text()
    assert (
        "Keterangan foto 0" in page.locator("figure.featured figcaption").inner_text()
    )
    assert page.locator(".share a").count() == 4
    # Shown by the page's script where the clipboard can be written.
    expect(page.locator("button.copy-link")).to_be_visible()
    assert page.locator(".related a").first.inner_text() == "Berita lain nomor 0"
    # The featured photo has loaded, at its natural aspect ratio.
    assert (
        page.evaluate(
            "() => document.querySelector('figure.featured img').naturalWidth"
        )
        > 0
    )
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    _load_lazy_images(page)
    page.screenshot(path=str(artifacts / "story-390.png"), full_page=True)
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 390, "the story page scrolls sideways on a phone"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(artifacts / "story-1280.png"), full_page=True)

    # Official: from the story's list of officials.
    page.locator(".people a", has_text="AKBP Pejabat Kobar 0").click()
    page.wait_for_url("**/pejabat/pejabat-kobar-0/")
    assert page.locator("h1").inner_text() == "AKBP Pejabat Kobar 0"
    assert "Kepala Bagian 0" in page.locator(".positions").inner_text()
    assert world.title in page.locator(".stories").inner_text()
    axe(page)

    # Agency: from the official's position.
    page.locator(".positions a", has_text="Polres Kobar").first.click()
    page.wait_for_url("**/instansi/polres-kobar/")
    assert page.locator("h1").inner_text() == "Kepolisian Resor Kotawaringin Barat"
    assert "Kepolisian" in page.locator(".page-header").inner_text()
    axe(page)

    # Tag: back on the story, follow its tag.
    page.locator(".stories a", has_text=world.title).first.click()
    page.wait_for_url(f"**{world.get_absolute_url()}")
    page.locator(".tags a", has_text="#pilkada 2024").click()
    page.wait_for_url("**/tag/pilkada-2024/")
    assert page.locator("h1").inner_text() == "#pilkada 2024"
    assert page.locator(".stories article").count() == 5
    axe(page)

    # Search from the header box.
    page.fill("#cari-header", "pengamanan pilkada")
    page.press("#cari-header", "Enter")
    page.wait_for_url("**/cari/?q=pengamanan+pilkada")
    results = page.locator(".results article")
    assert results.first.locator("h2").inner_text() == world.title
    assert results.first.locator("mark").count() >= 1
    axe(page)

    # Feed: the footer's RSS link gives a feed a reader app can parse.
    feed_url = page.locator(".site-footer a", has_text="RSS").get_attribute("href")
    feed = feedparser.parse(page.request.get(live_server.url + feed_url).body())
    assert not feed.bozo
    assert world.title in [entry.title for entry in feed.entries]

    # The press guideline, from the footer.
    page.locator(".site-footer a", has_text="Pedoman Media Siber").click()
    page.wait_for_url("**/halaman/pedoman-media-siber/")
    assert page.locator("h1").inner_text() == "Pedoman Media Siber"
    expect(page.locator(".body")).to_contain_text("1/Peraturan-DP/III/2012")
    axe(page)

    # The directories, from the footer.
    page.locator(".site-footer a", has_text="Pejabat").click()
    page.wait_for_url("**/pejabat/")
    expect(
        page.locator(".directory section", has_text="Kepolisian Resor")
    ).to_contain_text("AKBP Pejabat Kobar 0")
    axe(page)
    page.locator(".site-footer a", has_text="Instansi").click()
    page.wait_for_url("**/instansi/")
    expect(
        page.locator(".directory section", has_text="Kepolisian Resor")
    ).to_contain_text("Kepolisian")
    axe(page)
    page.locator(".site-footer a", has_text="Rubrik").click()
    page.wait_for_url("**/kategori/")
    expect(page.locator(".directory")).to_contain_text(world.category.name)
    axe(page)

    assert foreign == [], "pages must not load anything from other hosts"


@pytest.mark.parametrize(
    "path",
    [
        "/kategori/politik-pemilu/",
        "/arsip/2024/06/",
        "/cari/",
        "/tidak/ada/",
        "/halaman/redaksi/",
        "/halaman/tentang-kami/",
        "/halaman/kontak/",
    ],
)
def test_other_page_types_have_no_serious_accessibility_violations(
    page, live_server, world, axe, path
):
    page.goto(live_server.url + path)
    axe(page)


def test_reader_sends_a_right_of_reply_request(page, live_server, world, axe):
    page.goto(live_server.url + world.get_absolute_url())
    page.get_by_role("link", name="Ajukan hak jawab / koreksi").click()
    axe(page)
    page.get_by_label("Nama lengkap").fill("Budi Santoso")
    page.get_by_label("E-mail atau nomor telepon").fill("budi@example.id")
    page.get_by_label("Isi hak jawab atau koreksi").fill("Kutipan saya keliru.")
    page.wait_for_timeout(3500)  # the form refuses what is sent faster
    page.get_by_role("button", name="Kirim permintaan").click()
    status = page.get_by_role("status")
    assert "Nomor rujukan Anda: HJ-" in status.inner_text()
    axe(page)


def test_phone_home_page_does_not_scroll_sideways(page, live_server, world, artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    page.screenshot(path=str(artifacts / "home-390.png"), full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390


def test_a_withdrawn_story_shows_its_notice_accessibly(page, live_server, world, axe):
    article_unpublish(
        article=world, by=editor(), reason="x", cause="kesusilaan", public=True
    )
    response = page.goto(live_server.url + world.get_absolute_url())
    assert response.status == 410
    assert page.locator("h1").inner_text() == "Berita ini telah dicabut"
    assert "Melanggar kesusilaan" in page.locator("main").inner_text()
    axe(page)


def test_corrected_story_and_the_corrections_pages_pass_axe(
    page, live_server, world, axe
):
    redaktur = editor()
    ArticleEvent.objects.create(
        article=world,
        action=ArticleEvent.Action.PUBLISH,
        from_status=world.status,
        to_status=world.status,
        revision=revision_record(article=world, by=redaktur),
    )
    world.summary = f"{world.summary} Diperbarui."
    world.save()
    revision_record(article=world, by=redaktur)
    ralat = correction_add(
        article=world,
        by=redaktur,
        kind=ArticleCorrection.Kind.RALAT,
        summary="Ringkasan dilengkapi.",
    )
    correction_add(
        article=world,
        by=redaktur,
        kind=ArticleCorrection.Kind.HAK_JAWAB,
        summary="Hak jawab Kepala Desa.",
        sender_name="Kepala Desa",
        reply_text="Kami keberatan.",
    )
    page.goto(live_server.url + world.get_absolute_url())
    expect(page.locator("#koreksi")).to_contain_text("Berita ini telah dikoreksi")
    axe(page)
    page.locator("#koreksi a", has_text="sebelum dan sesudah").click()
    assert page.url.endswith(f"/koreksi/{ralat.pk}/")
    expect(page.locator("ins")).to_contain_text("Diperbarui.")
    axe(page)
    page.goto(live_server.url + "/koreksi/")
    expect(page.locator(".notices li")).to_have_count(2)
    axe(page)
