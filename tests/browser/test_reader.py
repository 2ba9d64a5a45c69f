"""A reader's journey through the public site in headless Chromium.

home → story → official → agency → tag → search → feed, checking what is
shown, that nothing is fetched from another host, and that no page has a
serious or critical axe-core violation. Screenshots of the story page at 390
and 1280 pixels wide are kept in test-artifacts/.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.support.factories import ArticleFactory
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

    assert foreign == [], "pages must not load anything from other hosts"


@pytest.mark.parametrize(
    "path",
    ["/kategori/politik-pemilu/", "/arsip/2024/06/", "/cari/", "/tidak/ada/"],
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
